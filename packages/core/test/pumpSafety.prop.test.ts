import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkAlarmsMatchConditions,
  checkAtomicUpdate,
  checkCalculatedVolumeBounds,
  checkConservation,
  checkLogAppendOnly,
  checkNoDeliveryWhenHalted,
  checkProgrammedRate,
  pumpHistoryArb,
  type RunInvariant,
  runPumpHistory,
} from '../src/testing/index.ts';

// Each property runs random pump histories (waits from a millisecond to 60 days, refills with any
// volumes and concentrations, valid and invalid updates, abandoned sessions, stops and starts) and
// checks one invariant of docs/safety.md over every step.
const holdsOverRandomHistories = (invariant: RunInvariant) =>
  fc.assert(
    fc.property(pumpHistoryArb(), ({ input, commands }) => {
      expect(invariant(runPumpHistory(input, commands))).toEqual([]);
    }),
  );

describe('pump safety invariants over random histories', () => {
  it('REQ-CONS-01: drug and volume are conserved exactly across reservoir, tubing, catheter and sinks', () =>
    holdsOverRandomHistories(checkConservation));
  it('REQ-RES-01: the calculated reservoir volume is never negative and never above capacity', () =>
    holdsOverRandomHistories(checkCalculatedVolumeBounds));
  it('REQ-RATE-01: the stored program rate is within the profile limits unless the mode is minimum or stopped', () =>
    holdsOverRandomHistories(checkProgrammedRate));
  it('REQ-DEL-01: nothing is delivered while therapy is suspended, the reservoir is empty or after EOS', () =>
    holdsOverRandomHistories(checkNoDeliveryWhenHalted));
  it('REQ-DEL-01 (across a halt): pumps near the end of their battery reach EOS, and reservoirs run dry, in the middle of a wait', () =>
    // ERI within 120 days, EOS 90 days after it, waits up to 240 days: most histories cross EOS mid-wait
    fc.assert(
      fc.property(pumpHistoryArb({ nearEndOfLife: true, maxWaitDays: 240, minCommands: 1 }), ({ input, commands }) => {
        expect(checkNoDeliveryWhenHalted(runPumpHistory(input, commands))).toEqual([]);
      }),
    ));
  it('REQ-ALM-01: each alarm is active exactly while its condition holds and raised at the instant it starts', () =>
    holdsOverRandomHistories(checkAlarmsMatchConditions));
  it('REQ-PROG-01: an update is applied whole or not at all', () => holdsOverRandomHistories(checkAtomicUpdate));
  it('REQ-LOG-01: the event log is append-only and monotonic in time', () =>
    holdsOverRandomHistories(checkLogAppendOnly));
});
