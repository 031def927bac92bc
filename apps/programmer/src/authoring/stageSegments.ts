import type { PreviewSample } from '@itps/scenarios';

/** A stretch of the patient's course in one withdrawal or overdose stage (not `none`). */
export interface StageSegment {
  readonly from: number;
  readonly to: number;
  readonly kind: 'withdrawal' | 'overdose';
  readonly stage: string;
}

/** The stretches the patient spent in withdrawal or overdose, from the preview's samples. */
export function stageSegments(samples: readonly PreviewSample[]): StageSegment[] {
  const out: StageSegment[] = [];
  samples.forEach((s, i) => {
    const next = samples[i + 1]?.at ?? s.at;
    for (const kind of ['withdrawal', 'overdose'] as const) {
      const stage = s.patient?.[kind] ?? 'none';
      if (stage === 'none') continue;
      const last = out[out.length - 1];
      if (last !== undefined && last.kind === kind && last.stage === stage && last.to === s.at) {
        out[out.length - 1] = { ...last, to: next };
      } else out.push({ from: s.at, to: next, kind, stage });
    }
  });
  return out;
}
