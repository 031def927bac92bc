import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GateModel, gateCommands, gateCommandsFor, PAIN_SETUPS, setupGate } from './gateModel.ts';

// A clinician as an adversary on the programmer, through the world's door: flex schedules with
// steps past every limit, stops, restarts, boluses, thresholds, hostile reservoir records, refills
// (aspirate, inject, record), confirmations, re-entries, back, review, cancel, verify, retry, restart,
// reloads (a restore from the saved world), link faults at any step and time passing. Judged after
// every command by an oracle written from the requirements, not by the gate (see gateModel.ts).
describe('the one therapy gate against a hurried clinician', () => {
  it('REQ-GATE-01, REQ-GATE-02, REQ-GATE-03: only reviewed drafts reach the pump, never past a hard limit or an unanswered finding, and a refill records no more than is there', () => {
    const totals = { sends: 0, stops: 0, refills: 0 };
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(20, 20, 5, 1.4),
        fc.commands(gateCommands, { maxCommands: 50, size: 'max' }),
        (seed, reservoirMl, commands) => {
          let model: GateModel | null = null;
          fc.modelRun(() => {
            const s = setupGate(seed, reservoirMl);
            model = s.model;
            return s;
          }, commands);
          const m = model as GateModel | null;
          totals.sends += m?.sends ?? 0;
          totals.stops += m?.stopsSent ?? 0;
          totals.refills += m?.refillsRecorded ?? 0;
        },
      ),
      { numRuns: 150 },
    );
    // the sequences reach the pump often enough to judge: not a property that cannot fail
    console.log(`therapy gate model: ${totals.sends} sends, ${totals.stops} stops, ${totals.refills} refills recorded`);
    expect(totals.sends).toBeGreaterThan(50);
    expect(totals.stops).toBeGreaterThan(2);
    expect(totals.refills).toBeGreaterThan(2);
    // budgeted by runs, not by wall time: a busy machine must not fail it
  }, 300_000);

  it('REQ-DRUG-01, REQ-GATE-01, REQ-GATE-02: with morphine, ziconotide and a baclofen-morphine admixture, nothing passes a drug past its own hard limit or without the confirmations its own limits ask', () => {
    const totals = { sends: 0, stops: 0, refills: 0 };
    const bySetup = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(20, 20, 5),
        fc
          .constantFrom(...PAIN_SETUPS)
          .chain((setup) =>
            fc.tuple(fc.constant(setup), fc.commands(gateCommandsFor(setup), { maxCommands: 40, size: 'max' })),
          ),
        (seed, reservoirMl, [setup, commands]) => {
          let model: GateModel | null = null;
          fc.modelRun(() => {
            const s = setupGate(seed, reservoirMl, setup);
            model = s.model;
            return s;
          }, commands);
          const m = model as GateModel | null;
          totals.sends += m?.sends ?? 0;
          totals.stops += m?.stopsSent ?? 0;
          totals.refills += m?.refillsRecorded ?? 0;
          bySetup.set(setup.name, (bySetup.get(setup.name) ?? 0) + (m?.sends ?? 0));
        },
      ),
      { numRuns: 120 },
    );
    console.log(
      `therapy gate model (pain drugs): ${totals.sends} sends (${[...bySetup].map(([k, v]) => `${k} ${v}`).join(', ')}), ${totals.stops} stops, ${totals.refills} refills recorded`,
    );
    // every setup reaches the pump: not a property that cannot fail
    for (const setup of PAIN_SETUPS) expect(bySetup.get(setup.name) ?? 0).toBeGreaterThan(5);
    expect(totals.refills).toBeGreaterThan(2);
  }, 300_000);
});
