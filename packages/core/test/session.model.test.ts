import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SessionModel, sessionCommands, setup } from './sessionModel.ts';

// Random clinician sessions (connect, edit drafts that pass or break the guard rails, review,
// confirm, verify, retry, restart, disconnect) interleaved with random link drops, range and
// interference changes and waits, checked after every command against a simpler model.
describe('programmer session against its model', () => {
  it('REQ-SES-01, REQ-SES-02, REQ-SES-03: never a mixed program, an unfinished update always shown, nothing sent unreviewed', () => {
    let verified = 0;
    fc.assert(
      fc.property(fc.integer(), fc.commands(sessionCommands, { maxCommands: 60, size: 'max' }), (seed, commands) => {
        let model: SessionModel | null = null;
        fc.modelRun(() => {
          const s = setup(seed);
          model = s.model;
          return s;
        }, commands);
        verified += (model as SessionModel | null)?.verified ?? 0;
      }),
      { numRuns: 200 },
    );
    // the model is narrowed by verified sends often enough to judge: not a property that cannot fail
    expect(verified).toBeGreaterThan(20);
  });
});
