import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelRunWithReplay, printingReplay } from './replayOnFailure.ts';
import { sessionCommands, setup, worldCommands } from './sessionModel.ts';
import { randomAnswerMishaps } from './worldActs.ts';

// The whole world: random clinician sessions, link drops and interference, time jumps, catheter
// faults, motor stalls, MRI scans and needles in the reservoir, the pocket or the access port, all
// interleaved; after every command the session's invariants and the pump's hold. The link also
// fails at random both ways under interference and near its range's edge (see session.model.test.ts).
const commands = fc.commands([...sessionCommands, ...worldCommands], { maxCommands: 60, size: 'max' });

describe('the whole world against its model', () => {
  it('REQ-SES-01, REQ-SES-02, REQ-CONS-01, REQ-ALM-01: hold across programmer, link, pump, faults and time', () => {
    const mishapsBefore = randomAnswerMishaps.seen;
    printingReplay(() =>
      fc.assert(
        fc.property(fc.integer(), commands, (seed, cmds) => {
          modelRunWithReplay(`whole-world model run, seed ${seed}`, () => setup(seed), cmds, [
            'REQ-SES-01',
            'REQ-SES-02',
            'REQ-CONS-01',
            'REQ-ALM-01',
          ]);
        }),
        { numRuns: 150 },
      ),
    );
    expect(randomAnswerMishaps.seen - mishapsBefore).toBeGreaterThan(0);
  });

  it('REQ-SES-02, REQ-LINK-01: hold with no link fault injected, the random link alone failing', () => {
    // the same commands without the injected drops and disturbances: only the link's own chances
    // (interference, distance) lose, delay, copy and reorder messages and answers
    const noInjectedFault = [...sessionCommands, ...worldCommands].filter(
      (arb) => !String(fc.sample(arb, { numRuns: 1, seed: 1 })[0]).startsWith('drop('),
    );
    expect(noInjectedFault).toHaveLength(sessionCommands.length + worldCommands.length - 1);
    const mishapsBefore = randomAnswerMishaps.seen;
    printingReplay(() =>
      fc.assert(
        fc.property(fc.integer(), fc.commands(noInjectedFault, { maxCommands: 60, size: 'max' }), (seed, cmds) => {
          modelRunWithReplay(`random-link model run, seed ${seed}`, () => setup(seed), cmds, [
            'REQ-SES-01',
            'REQ-SES-02',
          ]);
        }),
        { numRuns: 150 },
      ),
    );
    expect(randomAnswerMishaps.seen - mishapsBefore).toBeGreaterThan(0);
  });

  it('runs sequences of at least 25 commands on average', () => {
    const lengths = fc.sample(commands, { numRuns: 400, seed: 42 }).map((c) => [...c].length);
    const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    console.log(`whole-world sequences: mean ${mean.toFixed(1)} commands, longest ${Math.max(...lengths)}`);
    expect(mean).toBeGreaterThanOrEqual(25);
  });
});
