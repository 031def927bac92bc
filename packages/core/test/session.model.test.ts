import fc from 'fast-check';
import { describe, it } from 'vitest';
import { sessionCommands, setup } from './sessionModel.ts';

// Random clinician sessions (connect, edit drafts that pass or break the guard rails, review,
// confirm, verify, retry, restart, disconnect) interleaved with random link drops, range and
// interference changes and waits, checked after every command against a simpler model.
describe('programmer session against its model', () => {
  it('REQ-SES-01, REQ-SES-02, REQ-SES-03: never a mixed program, an unfinished update always shown, nothing sent unreviewed', () =>
    fc.assert(
      fc.property(fc.integer(), fc.commands(sessionCommands, { maxCommands: 60, size: 'max' }), (seed, commands) => {
        fc.modelRun(() => setup(seed), commands);
      }),
      { numRuns: 200 },
    ));
});
