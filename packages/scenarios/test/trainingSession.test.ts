import type { Milliseconds } from '@itps/core';
import { describe, expect, it } from 'vitest';
import { resumeTraining, startTraining } from '../src/index.ts';
import { smallScenario } from './smallScenario.ts';

// The training session's door at its edges: no patient, time asked to go back, a second finish,
// a refused action, and a record saved before screens were kept.
const HOUR = 3_600_000;
const source = { text: '', file: 'small.yaml' };

describe('a training session at its edges', () => {
  it('without a patient there is no course to sample; the exercise still runs and finishes once', () => {
    const t = startTraining(smallScenario(), source);
    expect(t.apply({ type: 'time.advance', to: (5 * HOUR) as Milliseconds }).ok).toBe(true);
    expect(t.record().course).toEqual([]);
    const first = t.finish();
    expect(t.finish()).toEqual(first);
  });

  it('time asked to go back is refused by the world, and nothing is noted', () => {
    const t = startTraining(smallScenario(), source);
    t.apply({ type: 'time.advance', to: (2 * HOUR) as Milliseconds });
    const r = t.apply({ type: 'time.advance', to: HOUR as Milliseconds });
    expect(r.ok).toBe(false);
    expect(t.world.state().now).toBe(2 * HOUR);
  });

  it('a programmer action refused notes nothing', () => {
    const t = startTraining(smallScenario(), source);
    expect(t.apply({ type: 'programmer.act', event: { type: 'review.confirm' } }).ok).toBe(false);
    expect(t.record().trainee).toEqual([]);
  });

  it('a record saved by an older version without screens resumes with none, and a finished one gives its debrief back', () => {
    const t = startTraining(smallScenario(), source);
    t.apply({ type: 'time.advance', to: HOUR as Milliseconds });
    const { screens: _old, ...older } = t.record();
    const resumed = resumeTraining(smallScenario(), older, t.world.persist());
    expect(resumed.record().screens).toEqual([]);
    const done = t.finish();
    const again = resumeTraining(smallScenario(), t.record(), t.world.persist());
    expect(again.finish().debrief).toEqual(done.debrief);
  });
});
