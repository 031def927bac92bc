import type { Milliseconds } from '../units/quantity.ts';
import type { AlarmName } from './deviceProfile.ts';

/** Names of the pump's event-log entries (part of the scenario format). */
export type PumpLogType =
  | `alarm.${AlarmName}.raised`
  | `alarm.${AlarmName}.cleared`
  | 'pump.stopped'
  | 'pump.started'
  | 'update.begun'
  | 'update.incomplete'
  | 'program.committed'
  | 'refill.recorded'
  | 'alarm.thresholdChanged'
  | 'bolus.started'
  | 'bolus.completed'
  | 'bolus.cancelled'
  | 'motor.stall'
  | 'motor.recovered'
  | 'pump.interrogated'
  | 'pump.reset'
  | 'catheter.recorded'
  | 'alarm.tested'
  /** A press of the patient's handheld started a PTM bolus. */
  | 'ptm.bolus'
  /** A press refused: inside the lockout after the last PTM bolus. */
  | 'ptm.lockedOut'
  /** A press refused: the most PTM boluses of any 24 hours already given. */
  | 'ptm.dayLimit'
  /** A press refused by the pump itself: no PTM programmed, therapy stopped, another bolus running, a critical alarm. */
  | 'ptm.unavailable'
  | 'pump.replaced';

/** One entry of the pump's own append-only event log. */
export interface PumpLogEntry {
  readonly at: Milliseconds;
  readonly type: PumpLogType;
}

/**
 * The pump's append-only event log as plain, serialisable data that appends in amortised
 * O(log n) instead of copying every entry: runs of entries, oldest first, each run at least as long
 * as the one after it (a binary counter of runs). A run is never changed once made, so every older
 * state keeps its own log while sharing the runs with the newer ones. Seven years of hourly
 * events cost what their events cost, not their square.
 */
export interface PumpLog {
  readonly runs: readonly (readonly PumpLogEntry[])[];
  readonly length: number;
}

/** A log with nothing in it. */
export const EMPTY_LOG: PumpLog = { runs: [], length: 0 };

/**
 * The log with `entries` added at its end. Each entry goes in as a run of one and equal runs merge,
 * as a binary counter carries, so the runs depend only on the entries, never on how they were
 * batched: two logs with the same entries are equal as data.
 */
export function appendLog(log: PumpLog, entries: readonly PumpLogEntry[]): PumpLog {
  if (entries.length === 0) return log;
  const runs = [...log.runs];
  for (const entry of entries) {
    runs.push([entry]);
    for (;;) {
      const last = runs[runs.length - 1];
      const before = runs[runs.length - 2];
      if (last === undefined || before === undefined || before.length !== last.length) break;
      runs.splice(runs.length - 2, 2, before.concat(last));
    }
  }
  return { runs, length: log.length + entries.length };
}

const flat = new WeakMap<PumpLog, readonly PumpLogEntry[]>();

/** Every entry, oldest first (computed once per log and remembered). */
export function logEntries(log: PumpLog): readonly PumpLogEntry[] {
  const known = flat.get(log);
  if (known !== undefined) return known;
  /* v8 ignore next -- @preserve `?? []` only satisfies the index type: runs has one element here */
  const entries = log.runs.length === 1 ? (log.runs[0] ?? []) : log.runs.flat();
  flat.set(log, entries);
  return entries;
}

/** The entries from index `from` on (the ones added since a log of that length), without flattening the rest. */
export function logEntriesSince(log: PumpLog, from: number): PumpLogEntry[] {
  const out: PumpLogEntry[][] = [];
  let end = log.length;
  for (let i = log.runs.length - 1; i >= 0 && end > from; i -= 1) {
    /* v8 ignore next -- @preserve `?? []` only satisfies the index type: i is within runs */
    const run = log.runs[i] ?? [];
    const start = end - run.length;
    out.push(run.slice(Math.max(0, from - start)));
    end = start;
  }
  return out.reverse().flat();
}

/** The newest entry, if any. */
export const lastLogEntry = (log: PumpLog): PumpLogEntry | undefined => {
  const run = log.runs[log.runs.length - 1];
  return run?.[run.length - 1];
};

/** A log from plain entries (tests, restored sessions). */
export const logOf = (entries: readonly PumpLogEntry[]): PumpLog => appendLog(EMPTY_LOG, entries);
