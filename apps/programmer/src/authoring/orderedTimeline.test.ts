import { describe, expect, it } from 'vitest';
import { orderedTimeline } from './orderedTimeline.ts';

describe('orderedTimeline', () => {
  it('puts the timeline in time order and says where each ordered event is being edited', () => {
    const doc = {
      timeline: [
        { at: 'P5D', action: 'fault', kind: 'catheterKink' },
        { at: 'P1D', action: 'fault', kind: 'catheterOcclusion' },
        { at: 'P3D', action: 'mri' },
      ],
    };
    const { doc: ordered, editingPath } = orderedTimeline(doc);
    expect((ordered.timeline as { at: string }[]).map((a) => a.at)).toEqual(['P1D', 'P3D', 'P5D']);
    // the third ordered event (day 5) is the first being edited
    expect(editingPath('timeline[2].kind')).toBe('timeline.0.kind');
    expect(editingPath('timeline.0.at')).toBe('timeline.1.at');
    expect(editingPath('pump.reservoir.volumeMl')).toBe('pump.reservoir.volumeMl');
    expect(doc.timeline[0]?.at).toBe('P5D');
  });

  it('orders the right plan the same way, and keeps events of the same instant as written', () => {
    const doc = {
      training: {
        plan: [
          { at: 'P2D', do: 'refill' },
          { at: 'P1D', do: 'interrogate' },
          { at: 'P1D', do: 'restart' },
        ],
      },
    };
    const { doc: ordered, editingPath } = orderedTimeline(doc);
    expect((ordered.training as { plan: { do: string }[] }).plan.map((s) => s.do)).toEqual([
      'interrogate',
      'restart',
      'refill',
    ]);
    expect(editingPath('training.plan[2].volumeMl')).toBe('training.plan.0.volumeMl');
  });
});
