import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionCommands, setup, worldCommands } from './sessionModel.ts';

// The whole world: random clinician sessions, link drops and interference, time jumps, catheter
// faults, motor stalls, MRI scans and needles in the reservoir, the pocket or the access port, all
// interleaved; after every command the session's invariants and the pump's hold.
const commands = fc.commands([...sessionCommands, ...worldCommands], { maxCommands: 60, size: 'max' });

describe('the whole world against its model', () => {
  it('REQ-SES-01, REQ-SES-02, REQ-CONS-01, REQ-ALM-01: hold across programmer, link, pump, faults and time', () =>
    fc.assert(
      fc.property(fc.integer(), commands, (seed, cmds) => {
        fc.modelRun(() => setup(seed), cmds);
      }),
      { numRuns: 150 },
    ));

  it('runs sequences of at least 25 commands on average', () => {
    const lengths = fc.sample(commands, { numRuns: 400, seed: 42 }).map((c) => [...c].length);
    const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    console.log(`whole-world sequences: mean ${mean.toFixed(1)} commands, longest ${Math.max(...lengths)}`);
    expect(mean).toBeGreaterThanOrEqual(25);
  });
});
