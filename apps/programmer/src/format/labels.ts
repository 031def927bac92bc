import type { PumpLogType } from '@itps/core';
import { ALARM_WORDS, eventWords } from '@itps/scenarios';

/** What a clinician calls each alarm (one list, the scenarios package's). */
export const alarmLabels = ALARM_WORDS;

/** A log entry in words. */
export const logLabel = (type: PumpLogType): string => eventWords(type);

/** The programmer's session state as its status line says it. */
export const SESSION_STATE_WORDS: Readonly<Record<string, string>> = {
  disconnected: 'Not connected',
  connecting: 'Connecting',
  interrogating: 'Interrogating',
  ready: 'Connected',
  editing: 'Connected: editing',
  finish: 'Connected: review',
  sending: 'Updating pump',
  verifying: 'Verifying',
  incomplete: 'Update not verified',
};
