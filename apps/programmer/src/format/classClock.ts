import type { ClassClock } from '@itps/scenarios';

const SPEED_WORDS: Record<ClassClock['speed'], string> = {
  1: 'real time',
  60: '1 min a second',
  3600: '1 h a second',
};

/** A class clock's speed in words ("1 h a second"). */
export const classSpeedWords = (speed: ClassClock['speed']): string => SPEED_WORDS[speed];
