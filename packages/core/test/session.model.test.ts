import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelRunWithReplay, printingReplay } from './replayOnFailure.ts';
import { type SessionModel, sessionCommands, setup } from './sessionModel.ts';
import { randomAnswerMishaps } from './worldActs.ts';

// Random clinician sessions (connect, edit drafts that pass or break the guard rails, review,
// confirm, verify, retry, restart, disconnect) interleaved with random link drops, range and
// interference changes and waits, checked after every command against a simpler model. Under
// interference, and near the range's edge, the link itself fails at random both ways (answers
// lost, late or heard twice, messages copied or held back: src/telemetry/link.ts drawExchange),
// drawn from the world's seeded generator, so the seed fast-check prints replays those too.
describe('programmer session against its model', () => {
  it('REQ-SES-01, REQ-SES-02, REQ-SES-03: never a mixed program, an unfinished update always shown, nothing sent unreviewed', () => {
    let verified = 0;
    const mishapsBefore = randomAnswerMishaps.seen;
    printingReplay(() =>
      fc.assert(
        fc.property(fc.integer(), fc.commands(sessionCommands, { maxCommands: 60, size: 'max' }), (seed, commands) => {
          let model: SessionModel | null = null;
          modelRunWithReplay(
            `session model run, seed ${seed}`,
            () => {
              const s = setup(seed);
              model = s.model;
              return s;
            },
            commands,
            ['REQ-SES-01', 'REQ-SES-02', 'REQ-CONS-01', 'REQ-ALM-01'],
          );
          verified += (model as SessionModel | null)?.verified ?? 0;
        }),
        { numRuns: 200 },
      ),
    );
    // the model is narrowed by verified sends often enough to judge: not a property that cannot fail
    expect(verified).toBeGreaterThan(20);
    // and the random link's own mishaps happened in these runs, not only the injected faults
    expect(randomAnswerMishaps.seen - mishapsBefore).toBeGreaterThan(0);
  });
});
