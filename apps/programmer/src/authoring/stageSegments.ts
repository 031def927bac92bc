import { type PreviewSample, shortEventWords } from '@itps/scenarios';

/** The patient's danger stages a preview shades: baclofen's (spasticity) and the pain drugs'. */
export type StageKind =
  | 'withdrawal'
  | 'overdose'
  | 'sedation'
  | 'respiratoryDepression'
  | 'opioidWithdrawal'
  | 'granuloma'
  | 'neuropsychiatric';

/** A spasticity patient's stages (baclofen's model). */
export const SPASTICITY_STAGE_KINDS: readonly StageKind[] = ['withdrawal', 'overdose'];
/** A pain patient's stages that show in the pain score: opioid withdrawal, the catheter-tip mass, ziconotide's effects. */
export const PAIN_STAGE_KINDS: readonly StageKind[] = ['opioidWithdrawal', 'granuloma', 'neuropsychiatric'];
/** A pain patient's stages that show in the breathing and wakefulness: sedation and respiratory depression. */
export const BREATHING_STAGE_KINDS: readonly StageKind[] = ['sedation', 'respiratoryDepression'];

/** A stretch of the patient's course in one stage of one kind (not `none`). */
export interface StageSegment {
  readonly from: number;
  readonly to: number;
  readonly kind: StageKind;
  readonly stage: string;
}

const stageOf = (s: PreviewSample, kind: StageKind): string =>
  (kind === 'withdrawal' || kind === 'overdose' ? s.patient?.[kind] : s.pain?.[kind]) ?? 'none';

/**
 * The stretches the patient spent in each stage of the given kinds (baclofen's withdrawal and
 * overdose unless said), from the preview's samples, in time order.
 */
export function stageSegments(
  samples: readonly PreviewSample[],
  kinds: readonly StageKind[] = SPASTICITY_STAGE_KINDS,
): StageSegment[] {
  const out: StageSegment[] = [];
  const open = new Map<StageKind, number>();
  samples.forEach((s, i) => {
    const next = samples[i + 1]?.at ?? s.at;
    for (const kind of kinds) {
      const stage = stageOf(s, kind);
      const index = open.get(kind);
      const last = index === undefined ? undefined : out[index];
      if (stage === 'none') {
        open.delete(kind);
      } else if (last !== undefined && last.stage === stage && last.to === s.at) {
        out[index as number] = { ...last, to: next };
      } else {
        open.set(kind, out.length);
        out.push({ from: s.at, to: next, kind, stage });
      }
    }
  });
  return out.sort((a, b) => a.from - b.from);
}

/** Where a plot's short label leaves the grade out, a key beside other grades needs it. */
const GRADED: Readonly<Record<string, string>> = {
  'opioidWithdrawal.moderate': 'moderate opioid withdrawal',
  'respiratoryDepression.moderate': 'moderate respiratory depression',
  'respiratoryDepression.severe': 'severe respiratory depression',
};

/** A stage in a clinician's short words: "early withdrawal", "slow breathing", "confused (ziconotide)". */
export const stageLabel = (segment: Pick<StageSegment, 'kind' | 'stage'>): string =>
  GRADED[`${segment.kind}.${segment.stage}`] ??
  shortEventWords(`patient.${segment.kind}.${segment.stage}`).replace(/^Patient: /, '');
