import { describe, expect, it } from 'vitest';
import {
  appendLog,
  EMPTY_LOG,
  lastLogEntry,
  logEntries,
  logEntriesSince,
  logOf,
  type PumpLog,
} from '../src/pump/pumpLog.ts';
import type { PumpLogEntry } from '../src/pump/pumpState.ts';
import type { Milliseconds } from '../src/units/quantity.ts';

const entry = (at: number): PumpLogEntry => ({ at: at as Milliseconds, type: 'pump.interrogated' });
const appendOneByOne = (n: number): PumpLog => {
  let log = EMPTY_LOG;
  for (let i = 0; i < n; i += 1) log = appendLog(log, [entry(i)]);
  return log;
};

describe('the pump log', () => {
  // run lengths after n single appends are the binary digits of n, largest first
  it.each([
    [1, [1]],
    [2, [2]],
    [3, [2, 1]],
    [4, [4]],
    [7, [4, 2, 1]],
    [10, [8, 2]],
    [13, [8, 4, 1]],
  ])('after %i appends holds runs of %j', (n, runs) => {
    const log = appendOneByOne(n);
    expect(log.runs.map((r) => r.length)).toEqual(runs);
    expect(log.length).toBe(n);
    expect(logEntries(log).map((e) => e.at)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('keeps every older log as it was: appending never changes a run another log holds', () => {
    const older = appendOneByOne(7);
    const before = JSON.stringify(older);
    const newer = appendLog(older, [entry(7), entry(8)]);
    expect(JSON.stringify(older)).toBe(before);
    expect(logEntries(older)).toHaveLength(7);
    expect(logEntries(newer).map((e) => e.at)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const branch = appendLog(older, [entry(70)]);
    expect(logEntries(branch).map((e) => e.at)).toEqual([0, 1, 2, 3, 4, 5, 6, 70]);
    expect(logEntries(newer).map((e) => e.at)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('is the same data however the entries were batched (states compare equal)', () => {
    const oneByOne = appendOneByOne(11);
    const batched = appendLog(
      appendLog(EMPTY_LOG, [entry(0), entry(1), entry(2)]),
      Array.from({ length: 8 }, (_, i) => entry(i + 3)),
    );
    expect(batched).toEqual(oneByOne);
  });

  it('reads the entries since a length, and the last entry, from the end', () => {
    const log = appendOneByOne(13);
    expect(logEntriesSince(log, 10).map((e) => e.at)).toEqual([10, 11, 12]);
    expect(logEntriesSince(log, 0).map((e) => e.at)).toHaveLength(13);
    expect(logEntriesSince(log, 13)).toEqual([]);
    expect(logEntriesSince(log, 7).map((e) => e.at)).toEqual([7, 8, 9, 10, 11, 12]);
    expect(lastLogEntry(log)?.at).toBe(12);
    expect(lastLogEntry(EMPTY_LOG)).toBeUndefined();
    expect(appendLog(log, [])).toBe(log);
  });

  it('survives JSON and structured clone as plain data (saved sessions, other windows)', () => {
    const log = logOf([entry(1), entry(2), entry(3)]);
    const copied = JSON.parse(JSON.stringify(log)) as PumpLog;
    expect(logEntries(copied)).toEqual(logEntries(log));
    expect(logEntries(appendLog(structuredClone(log), [entry(4)])).map((e) => e.at)).toEqual([1, 2, 3, 4]);
  });
});
