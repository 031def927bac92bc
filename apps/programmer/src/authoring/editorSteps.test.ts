import { describe, expect, it } from 'vitest';
import { fieldId, stepOf } from './editorSteps.ts';
import { timelineMarkers } from './timelineItems.ts';

describe('editorSteps', () => {
  it('sends each problem to the step whose page holds its field', () => {
    expect(stepOf('pump.reservoir.volumeMl')).toBe('pump');
    expect(stepOf('patient.needMcgPerDay')).toBe('patient');
    expect(stepOf('timeline[0].at')).toBe('timeline');
    expect(stepOf('duration')).toBe('timeline');
    expect(stepOf('training.visitAt')).toBe('timeline');
    expect(stepOf('training.objectives.2.before')).toBe('objectives');
    expect(stepOf('training.plan.0.at')).toBe('objectives');
    expect(stepOf('training.silentFault.at')).toBe('objectives');
    expect(stepOf('training.brief')).toBe('brief');
    expect(stepOf('')).toBe('brief');
  });

  it('gives the field at a path one element id, however the path is written', () => {
    expect(fieldId('timeline[0].at')).toBe(fieldId('timeline.0.at'));
  });
});

describe('timelineMarkers', () => {
  it('names each hidden event in words, a fault that stops with its end, then the visit', () => {
    const markers = timelineMarkers({
      timeline: [
        { at: 'P3D', action: 'fault', kind: 'catheterKink', until: 'P5D' },
        { at: 'P4D', action: 'refill', needle: 'pocket', volumeMl: 20, concentrationMcgPerMl: 500 },
        { at: 'P6D', action: 'program', therapy: { mode: 'stopped' } },
      ],
      training: { visitAt: 'P35D' },
    });
    expect(markers.map((m) => [m.words, m.kind, m.atPath, m.untilPath])).toEqual([
      ['Catheter kink', 'fault', 'timeline.0.at', 'timeline.0.until'],
      ["A colleague's refill, into the pocket", 'colleague', 'timeline.1.at', null],
      ["A colleague's program change", 'colleague', 'timeline.2.at', null],
      ['The trainee arrives (the visit)', 'visit', 'training.visitAt', null],
    ]);
  });
});
