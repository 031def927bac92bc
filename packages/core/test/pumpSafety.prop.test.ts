import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PumpInput } from '../src/index.ts';
import { type PumpCommand, pumpHistoryArb, runPumpHistory } from '../src/testing/index.ts';
import {
  checkAlarms,
  checkAtomicUpdate,
  checkCalculatedVolume,
  checkConservation,
  checkLogAppendOnly,
  checkNoDeliveryWhenHalted,
  checkProgrammedRate,
  type RunChecker,
} from './reference/safetyCheckers.ts';

// Each property runs random pump histories (waits from a millisecond to 60 days, refills with any
// volumes and concentrations, valid and invalid updates, abandoned sessions, stops and starts,
// boluses, faults, MRI scans) and checks one requirement of docs/safety.md over every step. The
// expectations are the test's own (test/reference/safetyCheckers.ts): device and drug figures
// from test/reference/referenceFigures.ts, rates, alarm instants and halts from the reference pump,
// readings of the state written in the test. Product helpers used here, and why: the testing kit's
// `pumpHistoryArb` makes the histories and `runPumpHistory` drives the product's machine through
// them (they produce what is judged, they judge nothing); `advancePump` reads the product inside a
// wait (see safetyCheckers.ts).
const judged = (input: PumpInput, commands: PumpCommand[], checker: RunChecker): void => {
  expect(checker(input, runPumpHistory(input, commands))).toEqual([]);
};
const holdsOverRandomHistories = (checker: RunChecker) =>
  fc.assert(fc.property(pumpHistoryArb(), ({ input, commands }) => judged(input, commands, checker)));

describe('pump safety invariants over random histories', () => {
  it('REQ-CONS-01: drug and volume are conserved exactly across reservoir, tubing, catheter and sinks', () =>
    holdsOverRandomHistories(checkConservation));
  it('REQ-CONS-02: every drug of an admixture is conserved on its own, to the picogram, through refills that change a drug, its concentration or the mix', () =>
    // the pump starts with any solution (one drug or two or three) and every refill brings any other
    fc.assert(
      fc.property(pumpHistoryArb({ drugs: true }), ({ input, commands }) => judged(input, commands, checkConservation)),
    ));
  it('REQ-RES-01: the calculated reservoir volume is never negative and never above capacity', () =>
    holdsOverRandomHistories(checkCalculatedVolume));
  it('REQ-RATE-01: the stored program rate is within the profile limits unless the mode is minimum or stopped', () =>
    holdsOverRandomHistories(checkProgrammedRate));
  it('REQ-DEL-01: nothing is delivered while therapy is suspended, the reservoir is empty or after EOS', () =>
    holdsOverRandomHistories(checkNoDeliveryWhenHalted));
  it('REQ-DEL-01 (across a halt): pumps near the end of their battery reach EOS, and reservoirs run dry, in the middle of a wait', () =>
    // ERI within 120 days, EOS 90 days after it, waits up to 240 days: most histories cross EOS mid-wait
    fc.assert(
      fc.property(pumpHistoryArb({ nearEndOfLife: true, maxWaitDays: 240, minCommands: 1 }), ({ input, commands }) =>
        judged(input, commands, checkNoDeliveryWhenHalted),
      ),
    ));
  it('REQ-ALM-01: each alarm is active exactly while its condition holds and raised at the instant it starts', () =>
    holdsOverRandomHistories(checkAlarms));
  it('REQ-PROG-01: an update is applied whole or not at all', () => holdsOverRandomHistories(checkAtomicUpdate));
  it('REQ-LOG-01: the event log is append-only and monotonic in time', () =>
    holdsOverRandomHistories(checkLogAppendOnly));
});

// Pumps near the end of their battery, so most histories reach ERI or EOS and replace the pump
// (blank or prepared, any model, kept or new catheter), and connect the kept catheter.
const acrossReplacements = (checker: RunChecker) =>
  fc.assert(
    fc.property(
      pumpHistoryArb({ nearEndOfLife: true, maxWaitDays: 120, minCommands: 1, replacements: true }),
      ({ input, commands }) => judged(input, commands, checker),
    ),
  );

describe('pump safety invariants across pump replacements', () => {
  it('REQ-CONS-01 (replacement): drug and volume are conserved exactly, what came out with the old pump included', () =>
    acrossReplacements(checkConservation));
  it('REQ-RES-01 (replacement): the calculated reservoir volume stays within the pump in place', () =>
    acrossReplacements(checkCalculatedVolume));
  it('REQ-ALM-01 (replacement): each alarm is active exactly while its condition holds, on the old pump and the new', () =>
    acrossReplacements(checkAlarms));
  it('REQ-LOG-01 (replacement): the log goes on append-only and monotonic across a replacement', () =>
    acrossReplacements(checkLogAppendOnly));
  it('REQ-DEL-01 (replacement): nothing is delivered while halted, on the old pump and the new', () =>
    acrossReplacements(checkNoDeliveryWhenHalted));
});
