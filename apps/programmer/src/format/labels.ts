import type { PumpLogType } from '@itps/core';
import { ALARM_WORDS, eventWords } from '@itps/scenarios';

/** What a clinician calls each alarm (one list, the scenarios package's). */
export const alarmLabels = ALARM_WORDS;

/** A log entry in words. */
export const logLabel = (type: PumpLogType): string => eventWords(type);
