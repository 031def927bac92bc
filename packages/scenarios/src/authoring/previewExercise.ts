import {
  bedsideView,
  type DoseUnit,
  type DrugId,
  drugOf,
  type GranulomaStage,
  type Milliseconds,
  type NeuropsychiatricStage,
  type OpioidWithdrawalStage,
  type OverdoseStage,
  painStatus,
  type RespiratoryStage,
  type SedationStage,
  sampleWorld,
  type WithdrawalStage,
  type WorldState,
} from '@itps/core';
import { createScenarioWorld } from '../runScenario.ts';
import { createScenarioPlayer } from '../scenarioPlayer.ts';
import type { ScenarioFile } from '../scenarioSchema.ts';
import { type TrainingDebrief, trainingOf } from '../training/scoreTraining.ts';
import type { TraineeAction } from '../training/traineeActions.ts';
import type { TrainingRun } from '../training/trainingRun.ts';
import { startTraining } from '../training/trainingSession.ts';
import { playPlanStep } from './playPlanStep.ts';

/** One sample of a preview's course: the pump's belief and the truth, the dose, the patient, the alarms sounding. */
export interface PreviewSample {
  /** ms since t = 0. */
  readonly at: number;
  /** What the pump calculates is in its reservoir (mL). */
  readonly beliefReservoirMl: number;
  /** What is really in the reservoir (mL). */
  readonly truthReservoirMl: number;
  /** The daily dose the running program gives (mcg/day; 0 when the pump is not running). */
  readonly programmedMcgPerDay: number;
  /**
   * The drug that really reached the spinal fluid at the catheter's tip since the sample before, as a
   * daily dose (mcg/day); null at the first sample.
   */
  readonly tipMcgPerDay: number | null;
  /** The daily dose the running program gives, in the lead drug's own unit (the course's `doseUnit`; 0 when not running). */
  readonly programmedDose: number;
  /** What reached the spinal fluid at the tip since the sample before, in the course's `doseUnit` per day; null at the first sample. */
  readonly tipDose: number | null;
  /** The patient treated for spasticity (baclofen's model; null without one). */
  readonly patient: {
    readonly ashworth: number;
    readonly withdrawal: WithdrawalStage;
    readonly overdose: OverdoseStage;
  } | null;
  /** The patient treated for pain (morphine's or ziconotide's model; null without one), as the bedside and the observables read them. */
  readonly pain: PainSample | null;
  /** Alarms sounding at this instant, by the pump's names. */
  readonly alarms: readonly string[];
}

/**
 * A patient treated for pain in one sample: the pain score they give and the breaths a minute the
 * bedside counts (the slower of both models' on an admixture), as `patient.painScore` and
 * `patient.respiratoryRate` read them, and the stages the model is in (the instructor's).
 */
export interface PainSample {
  /** The pain score the patient gives when asked, 0-10, a whole number. */
  readonly painScore: number;
  /** Breaths a minute. */
  readonly breathsPerMin: number;
  readonly sedation: SedationStage;
  readonly respiratoryDepression: RespiratoryStage;
  readonly opioidWithdrawal: OpioidWithdrawalStage;
  readonly granuloma: GranulomaStage;
  readonly neuropsychiatric: NeuropsychiatricStage;
}

/** An alarm from the instant it was raised to the instant it cleared (null: still sounding at the end). */
export interface AlarmInterval {
  readonly alarm: string;
  readonly from: number;
  readonly to: number | null;
}

/** A plan step the world refused: which, when, and the world's words. */
export interface RefusedStep {
  /** Its index in `training.plan`. */
  readonly index: number;
  readonly at: number;
  readonly reason: string;
}

/** One headless run of an exercise, sampled for the preview's plots, with its events and its score. */
export interface PreviewCourse {
  /** The program's (lead) drug at t = 0, whose doses the samples give. */
  readonly drug: DrugId;
  /** The unit of the samples' `programmedDose` and `tipDose` (per day): mcg for baclofen and ziconotide, mg for morphine. */
  readonly doseUnit: DoseUnit;
  readonly samples: readonly PreviewSample[];
  readonly alarms: readonly AlarmInterval[];
  /** The pump's log and the patient's stage changes. */
  readonly events: readonly { readonly at: number; readonly type: string }[];
  /** What the (planned) trainee did, as the run recorded it. */
  readonly trainee: readonly TraineeAction[];
  /** Plan steps the world refused (empty for the idle course). */
  readonly refused: readonly RefusedStep[];
  /** The score and debrief, as `scoreTraining` gives them. */
  readonly score: TrainingDebrief;
  /** The run record that was scored. */
  readonly run: TrainingRun;
}

/** What happens to this pump and this patient if the trainee does nothing, and if they follow the right plan. */
export interface ExercisePreview {
  readonly idle: PreviewCourse;
  /** Null when the exercise has no `training.plan`. */
  readonly plan: PreviewCourse | null;
}

/** The finest spacing of a preview's samples (simulated time). */
export const PREVIEW_MIN_SPACING_MS = 15 * 60_000;
/** A preview keeps about this many samples, whatever the exercise's length. */
export const PREVIEW_SAMPLES = 480;

/** The spacing of a preview's samples for an exercise of this length: a multiple of 15 minutes. */
export const previewSpacing = (durationMs: number): number =>
  Math.max(1, Math.ceil(durationMs / PREVIEW_SAMPLES / PREVIEW_MIN_SPACING_MS)) * PREVIEW_MIN_SPACING_MS;

const MCG_PER_UNIT: Readonly<Record<DoseUnit, number>> = { mcg: 1, mg: 1000 };

/** The pain patient as `patient.painScore`, `patient.respiratoryRate` and the stages read them (null without one). */
function painOf(world: WorldState): PainSample | null {
  if (world.pain === undefined) return null;
  const p = painStatus(world.pain);
  return {
    painScore: p.painScore,
    breathsPerMin: bedsideView(world).pain?.respiratoryRatePerMin ?? p.respiratoryRatePerMin,
    sedation: p.sedation,
    respiratoryDepression: p.respiratoryDepression,
    opioidWithdrawal: p.opioidWithdrawal,
    granuloma: p.granuloma,
    neuropsychiatric: p.neuropsychiatric,
  };
}

function sampleOf(
  world: WorldState,
  before: { at: number; delivered: number } | null,
  doseUnit: DoseUnit,
): PreviewSample {
  const s = sampleWorld(world);
  const days = before === null ? 0 : (s.at - before.at) / 86_400_000;
  const programmedMcgPerDay = s.dose / 1_000_000;
  const tipMcgPerDay = before === null || days <= 0 ? null : (s.delivered - before.delivered) / 1_000_000 / days;
  return {
    at: s.at,
    beliefReservoirMl: s.beliefReservoir / 1_000_000,
    truthReservoirMl: s.truthReservoir / 1_000_000,
    programmedMcgPerDay,
    tipMcgPerDay,
    programmedDose: programmedMcgPerDay / MCG_PER_UNIT[doseUnit],
    tipDose: tipMcgPerDay === null ? null : tipMcgPerDay / MCG_PER_UNIT[doseUnit],
    patient:
      s.patient === null
        ? null
        : { ashworth: s.patient.ashworth, withdrawal: s.patient.withdrawal, overdose: s.patient.overdose },
    pain: painOf(world),
    alarms: s.alarms,
  };
}

/** Alarm intervals from a run's events. */
function alarmIntervals(events: readonly { at: number; type: string }[]): AlarmInterval[] {
  const open = new Map<string, number>();
  const out: AlarmInterval[] = [];
  for (const e of events) {
    const m = /^alarm\.(\w+)\.(raised|cleared)$/.exec(e.type);
    if (m === null) continue;
    const [, alarm = '', edge] = m;
    if (edge === 'raised' && !open.has(alarm)) open.set(alarm, e.at);
    if (edge === 'cleared' && open.has(alarm)) {
      out.push({ alarm, from: open.get(alarm) ?? e.at, to: e.at });
      open.delete(alarm);
    }
  }
  for (const [alarm, from] of open) out.push({ alarm, from, to: null });
  return out.sort((a, b) => a.from - b.from || a.alarm.localeCompare(b.alarm));
}

/** The samples before the visit: the same for every trainee, run once on a world of its own. */
function beforeVisit(scenario: ScenarioFile, seed: number, visit: number, spacing: number) {
  const world = createScenarioWorld(scenario, seed);
  const player = createScenarioPlayer(scenario, world);
  const drug = world.state().pump.program.drug;
  const doseUnit = drugOf(drug).doseUnit;
  const samples: PreviewSample[] = [];
  let last: { at: number; delivered: number } | null = null;
  for (let t = 0; t < visit; t += spacing) {
    player.advanceTo(t as Milliseconds);
    samples.push(sampleOf(world.state(), last, doseUnit));
    last = { at: t, delivered: sampleWorld(world.state()).delivered };
  }
  return { drug, doseUnit, samples, last };
}

/** One course from the visit on: the plan's steps (or none) done at their instants, sampled on the way. */
function course(
  scenario: ScenarioFile,
  seed: number,
  spacing: number,
  before: ReturnType<typeof beforeVisit>,
  plan: NonNullable<NonNullable<ScenarioFile['training']>['plan']> | null,
): PreviewCourse {
  const session = startTraining(scenario, { text: '', file: scenario.name }, seed);
  const samples = [...before.samples];
  let last = before.last;
  const refused: RefusedStep[] = [];
  const sample = () => {
    const world = session.world.state();
    if (samples[samples.length - 1]?.at === world.now) return;
    samples.push(sampleOf(world, last, before.doseUnit));
    last = { at: world.now, delivered: sampleWorld(world).delivered };
  };
  const advanceTo = (to: number) => {
    for (let t = (Math.floor(session.world.state().now / spacing) + 1) * spacing; t < to; t += spacing) {
      session.apply({ type: 'time.advance', to: t as Milliseconds });
      sample();
    }
    if (to > session.world.state().now) session.apply({ type: 'time.advance', to: to as Milliseconds });
  };
  sample();
  (plan ?? []).forEach((step, index) => {
    advanceTo(Math.min(step.at, scenario.duration));
    const refusal = playPlanStep(scenario, session, step);
    if (refusal !== null) refused.push({ index, at: session.world.state().now, reason: refusal.message });
  });
  advanceTo(scenario.duration);
  sample();
  const { run, debrief } = session.finish();
  return {
    drug: before.drug,
    doseUnit: before.doseUnit,
    samples,
    alarms: alarmIntervals(run.events),
    events: run.events,
    trainee: run.trainee,
    refused,
    score: debrief,
    run,
  };
}

/**
 * Runs an exercise headless through the world's door, as a trainee's run goes (the story before the
 * visit unseen, the timeline playing as time moves, the rest of the story to the end), twice: with a
 * trainee who does nothing, and with one who follows `training.plan`. Event-driven: simulated time
 * jumps from sample to sample, so a 60-day exercise takes well under a second. Pure.
 */
export function previewExercise(scenario: ScenarioFile, options: { readonly seed?: number } = {}): ExercisePreview {
  const seed = options.seed ?? scenario.seed ?? 1;
  const spacing = previewSpacing(scenario.duration);
  const training = trainingOf(scenario);
  const before = beforeVisit(scenario, seed, Math.min(training.visitAt ?? 0, scenario.duration), spacing);
  return {
    idle: course(scenario, seed, spacing, before, null),
    plan: training.plan === undefined ? null : course(scenario, seed, spacing, before, training.plan),
  };
}
