import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HistoryOptions, pumpHistoryArb, runPumpHistory } from '../src/testing/index.ts';
import { type Aspect, judgeAgainstReference, referenceModels } from './reference/judgeAgainstReference.ts';

// Each safety requirement judged by the reference pump (test/reference/referencePump.ts), which
// shares no code with the product: after every command of random histories, and inside every wait
// at each instant the reference saw something change by itself (flex steps, alarms, an empty
// reservoir, a bolus ending, ERI, EOS) and 1 ms before it. Histories leave out what the reference
// does not model: MRI scans and stalls of random length.
const judged = (aspects: readonly Aspect[], options: HistoryOptions = {}) =>
  fc.assert(
    fc.property(pumpHistoryArb(options), ({ input, commands }) => {
      const modelled = commands.filter(referenceModels);
      expect(judgeAgainstReference(input, runPumpHistory(input, modelled), aspects)).toEqual([]);
    }),
  );

/** Pumps whose battery reaches ERI, and often EOS, during the history; waits up to 240 days. */
const NEAR_END_OF_LIFE: HistoryOptions = { nearEndOfLife: true, maxWaitDays: 240, minCommands: 1 };

describe('safety requirements judged against the reference pump', () => {
  it('REQ-RATE-01 (reference): the pump stores exactly the programs within the limits, and runs them at the rounded rate', () =>
    judged(['program', 'belief']));
  it('REQ-PROG-01 (reference): after every update, committed, refused or abandoned, the pump is in the state the reference is in', () =>
    judged(['program', 'belief', 'alarms']));
  it('REQ-RES-01 (reference): the calculated reservoir is the reference figure at every step and inside every wait', () =>
    judged(['belief']));
  it('REQ-ALM-01 (reference): every alarm is raised and cleared at the reference instant', () => judged(['alarms']));
  it('REQ-ALM-01 (reference, end of life): ERI and EOS alarms at the reference instants', () =>
    judged(['alarms'], NEAR_END_OF_LIFE));
  it('REQ-BAT-01 (reference): ERI comes when the battery is drained, and EOS 90 days later', () =>
    judged(['battery'], NEAR_END_OF_LIFE));
  it('REQ-DEL-01 (reference): what leaves the reservoir and reaches the spinal fluid is the reference volume, none while halted', () =>
    judged(['delivery']));
  it('REQ-DEL-01 (reference, end of life): nothing is delivered after EOS, even inside a wait that crosses it', () =>
    judged(['delivery', 'program'], NEAR_END_OF_LIFE));
  it('REQ-BOL-01 (reference): boluses start, complete and are cancelled when the reference says', () =>
    judged(['bolus']));
  it('REQ-CONS-01 (reference): every nanolitre put in is in the reservoir, the path or a sink', () =>
    judged(['volume']));
  it('REQ-CONS-02 (reference): with admixtures and refills that change a drug or its concentration, each drug is where the reference puts it, to the picogram', () =>
    judged(['volume', 'delivery'], { drugs: true }));
});
