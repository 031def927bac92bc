import { formatClock, type Milliseconds, MS_PER_HOUR, type OverdoseStage, type WithdrawalStage } from '@itps/core';
import { eventWords } from '../eventWords.ts';
import { meets } from '../observe.ts';
import type { ScenarioAction, ScenarioFile, TrainingObjective } from '../scenarioSchema.ts';
import { CLINICAL_ACTIONS } from './traineeActions.ts';
import type { TrainingRun } from './trainingRun.ts';

/** One line of the rubric: what was judged, whether it held, and the points it earned (negative: a penalty). */
export interface RubricItem {
  readonly kind: 'objective' | 'detection' | 'unsafe' | 'alarms';
  readonly text: string;
  readonly passed: boolean;
  readonly points: number;
  /** Points it could earn (0 for penalties). */
  readonly max: number;
  readonly explanation: string;
}

/** One entry of the debrief's timeline, by lane: what the trainee did, what the pump logged, the patient, the hidden truth. */
export interface DebriefEntry {
  readonly at: number;
  readonly lane: 'trainee' | 'pump' | 'patient' | 'truth';
  readonly text: string;
}

/** The score and debrief of one training run. */
export interface TrainingDebrief {
  readonly scenario: string;
  readonly scorePercent: number;
  readonly earned: number;
  readonly max: number;
  readonly passed: boolean;
  readonly items: readonly RubricItem[];
  readonly timeline: readonly DebriefEntry[];
  /** What was missed, in words, most important first. */
  readonly missed: readonly string[];
  /** Time from the silent fault to its detection (ms); null when there was none or it was missed. */
  readonly timeToDetectMs: number | null;
  readonly lesson: string | null;
}

/** The share of the maximum needed to pass. */
export const PASS_PERCENT = 70;
/** Points for detecting a silent fault within a day, within three days, later. */
export const DETECTION_POINTS = { withinDay: 20, withinThreeDays: 10, later: 5 } as const;
const PENALTY = {
  softLimit: -5,
  pumpStopped: -15,
  incompleteSession: -15,
  alarm: -10,
  withdrawal: { none: 0, early: -5, moderate: -10, severe: -20 } satisfies Record<WithdrawalStage, number>,
  overdose: { none: 0, drowsy: -5, somnolent: -10, respiratoryDepression: -20, coma: -30 } satisfies Record<
    OverdoseStage,
    number
  >,
} as const;

/** An instant to the minute: link latencies add seconds nobody needs to read. */
/** Writes a simulated instant on a scenario's wall clock: "day 1, 14:05". */
type When = (at: number) => string;
const clockOf =
  (s: ScenarioFile): When =>
  (at) =>
    formatClock(at as Milliseconds, s.timeOfDayAtStart);

/** An expectation of a final value, in words. */
function expectedWords(e: unknown): string {
  if (typeof e === 'number' || typeof e === 'string') return String(e);
  const v = e as { near?: number; within?: number; min?: number; max?: number };
  if (v.near !== undefined) return `${v.near} (within ${v.within})`;
  if (v.min !== undefined && v.max !== undefined) return `between ${v.min} and ${v.max}`;
  return JSON.stringify(e);
}

/** What an observable key means at the end of a run, in words. */
const OBSERVABLE_WORDS: Readonly<Record<string, string>> = {
  'pump.state': 'the pump',
  'pump.mode': 'the therapy mode',
  'pump.doseMcgPerDay': 'the daily dose (mcg/day)',
  'pump.reservoirMl': 'the calculated reservoir (mL)',
  'patient.ashworth': 'the Ashworth score',
  'patient.withdrawal': 'withdrawal',
  'patient.overdose': 'overdose',
  'truth.deliveredMcg': 'the drug delivered (mcg)',
};
const keyWords = (key: string) => OBSERVABLE_WORDS[key] ?? key;

/**
 * The training part of a scenario: its own, or for a plain scenario (a failing property's file, an
 * engineer's scenario) a default: keep the patient out of moderate withdrawal and somnolence, and
 * detect the first silent fault of its timeline.
 */
export function trainingOf(s: ScenarioFile): NonNullable<ScenarioFile['training']> {
  if (s.training !== undefined) return s.training;
  const fault = (s.timeline ?? []).map(silentFaultOf).find((f) => f !== null) ?? null;
  return {
    brief: `${s.name}. Find out what is wrong and keep the patient safe.`,
    objectives: [
      { text: 'Keep the patient out of moderate withdrawal', never: 'patient.withdrawal.moderate' },
      { text: 'Keep the patient out of somnolence', never: 'patient.overdose.somnolent' },
    ],
    ...(fault === null ? {} : { silentFault: fault }),
  };
}

function silentFaultOf(a: ScenarioAction): { at: Milliseconds; detectedBy: string } | null {
  if (a.action === 'fault' && a.kind.startsWith('catheter'))
    return { at: a.at, detectedBy: 'clinical.suspectCatheter' };
  if (a.action === 'fault' && a.kind === 'tipMigration') return { at: a.at, detectedBy: 'clinical.suspectCatheter' };
  if (a.action === 'refill' && (a.needle === 'pocket' || a.needle === 'cap'))
    return { at: a.at, detectedBy: a.needle === 'pocket' ? 'clinical.suspectPocketFill' : 'clinical.suspectOverdose' };
  return null;
}

const firstAt = (run: TrainingRun, name: string, from = 0, details?: readonly string[]): number | null => {
  const times = [...run.trainee, ...run.events]
    .filter(
      (e) =>
        e.type === name &&
        e.at >= from &&
        (details === undefined || details.includes((e as { detail?: string }).detail ?? '')),
    )
    .map((e) => e.at);
  return times.length === 0 ? null : Math.min(...times);
};

function judgeObjective(o: TrainingObjective, run: TrainingRun, when: When): RubricItem {
  const max = o.points ?? 10;
  let passed: boolean;
  let explanation: string;
  if ('event' in o) {
    const from = o.after === undefined ? 0 : o.after;
    const details = o.detail === undefined ? undefined : [o.detail].flat();
    const at = firstAt(run, o.event, from, details);
    const limit = o.before === undefined ? null : o.before;
    passed = at !== null && (limit === null || at <= limit);
    const since = `${details === undefined ? '' : ` (${details.join(' or ')})`}${o.after === undefined ? '' : ` after ${when(o.after)}`}`;
    explanation =
      at === null
        ? `${eventWords(o.event)}: not done${since}`
        : `${eventWords(o.event)} at ${when(at)}${limit === null ? '' : passed ? `, before ${when(limit)}` : `, later than ${when(limit)}`}`;
  } else if ('never' in o) {
    const at = firstAt(run, o.never);
    passed = at === null;
    explanation = at === null ? `${eventWords(o.never)}: never` : `${eventWords(o.never)} at ${when(at)}`;
  } else {
    const wrong = Object.entries(o.atEnd).filter(([key, expected]) => !meets(expected, run.final[key]));
    passed = wrong.length === 0;
    explanation = passed
      ? `at the end: ${Object.keys(o.atEnd)
          .map((k) => `${keyWords(k)} ${run.final[k]}`)
          .join(', ')}`
      : `at the end: ${wrong.map(([k, e]) => `${keyWords(k)} was ${run.final[k] ?? 'not observed'}, where ${expectedWords(e)} was needed`).join('; ')}`;
  }
  return { kind: 'objective', text: o.text, passed, points: passed ? max : 0, max, explanation };
}

/** What a fault did, in a clinician's words. */
function faultWords(a: Extract<ScenarioAction, { action: 'fault' }>): string {
  switch (a.kind) {
    case 'catheterOcclusion':
      return `the catheter became blocked (${a.blockedPercent ?? 100} %): the pump cannot tell`;
    case 'catheterKink':
      return 'the catheter kinked on and off: the pump cannot tell';
    case 'catheterDisconnect':
      return 'the catheter came off the pump: the drug went into the pocket';
    case 'catheterLeak':
      return (a.escapePercent ?? 100) >= 100
        ? 'the catheter fractured: the drug went under the skin'
        : `the catheter leaked (${a.escapePercent} % of the flow)`;
    case 'tipMigration':
      return `the catheter tip moved ${a.tip === 'subcutaneous' ? 'under the skin' : `into the ${a.tip} space`}`;
    case 'motorStall':
      return 'the pump motor stalled';
    case 'lowBatteryReset':
      return 'the pump reset on a low battery (minimum rate)';
    case 'memoryError':
      return 'the pump memory failed: it stopped for good';
  }
}

/** What a colleague did, in words: a dose, a flex schedule, minimum rate, stopped. */
const therapyWords = (t: Extract<ScenarioAction, { action: 'program' }>['therapy']): string =>
  t.mode === 'simple'
    ? `${t.doseMcgPerDay} mcg/day`
    : t.mode === 'flex'
      ? `a flex schedule of ${t.steps.length} step${t.steps.length === 1 ? '' : 's'}`
      : t.mode === 'minimum'
        ? 'the minimum rate'
        : 'stopped';

function describeTruth(a: ScenarioAction, when: When): string | null {
  switch (a.action) {
    case 'fault':
      return `${faultWords(a)}${a.until === undefined ? '' : `, until ${when(a.until)}`}`;
    case 'refill':
      return `refill by a colleague: ${a.volumeMl} mL at ${a.concentrationMcgPerMl} mcg/mL${a.needle && a.needle !== 'reservoir' ? `, needle in the ${a.needle === 'cap' ? 'catheter access port' : 'pocket'}` : ''}`;
    case 'program':
      return `programmed by a colleague to ${therapyWords(a.therapy)}${a.interrupt && a.interrupt !== 'none' ? `, the session dropped ${a.interrupt === 'afterSend' ? 'after sending (the pump left stopped)' : 'before sending'}` : ''}`;
    case 'mri':
      return `MRI scan at ${a.fieldT} T`;
    case 'bolus':
      return `${a.kind} bolus given by a colleague`;
    default:
      return null;
  }
}

/** Scores a trainee's run of a training scenario and writes its debrief. Pure. */
export function scoreTraining(s: ScenarioFile, run: TrainingRun): TrainingDebrief {
  const when = clockOf(s);
  const training = trainingOf(s);
  const items: RubricItem[] = training.objectives.map((o) => judgeObjective(o, run, when));
  const missed: string[] = items.filter((i) => !i.passed).map((i) => `${i.text}: ${i.explanation}`);
  let timeToDetectMs: number | null = null;
  if (training.silentFault !== undefined) {
    const faultAt = training.silentFault.at;
    const found = run.trainee.find((t) => t.type === training.silentFault?.detectedBy && t.at >= faultAt);
    timeToDetectMs = found === undefined ? null : found.at - faultAt;
    const points =
      timeToDetectMs === null
        ? 0
        : timeToDetectMs <= 24 * MS_PER_HOUR
          ? DETECTION_POINTS.withinDay
          : timeToDetectMs <= 72 * MS_PER_HOUR
            ? DETECTION_POINTS.withinThreeDays
            : DETECTION_POINTS.later;
    const label =
      CLINICAL_ACTIONS[training.silentFault.detectedBy as keyof typeof CLINICAL_ACTIONS] ??
      training.silentFault.detectedBy;
    items.push({
      kind: 'detection',
      text: `Detect the silent fault: ${label.toLowerCase()}`,
      passed: timeToDetectMs !== null,
      points,
      max: DETECTION_POINTS.withinDay,
      explanation:
        timeToDetectMs === null
          ? `not detected; it began at ${when(training.silentFault.at)}`
          : `detected ${(timeToDetectMs / MS_PER_HOUR).toFixed(1)} h after it began`,
    });
    if (timeToDetectMs === null)
      missed.unshift(
        `The silent fault that began at ${when(training.silentFault.at)} was never detected (the pump cannot sense it)`,
      );
  }
  const penalty = (text: string, points: number, explanation: string) => {
    items.push({ kind: 'unsafe', text, passed: false, points, max: 0, explanation });
    missed.push(`${text}: ${explanation}`);
  };
  // confirming a large cut acknowledges a risk (as when correcting an overdose), it overrides no limit
  const overrides = run.trainee.filter(
    (a) => a.type === 'programmer.softLimitConfirmed' && a.detail !== 'dose.largeDecrease',
  );
  for (const t of overrides) {
    penalty('Soft limit overridden', PENALTY.softLimit, `${t.detail ?? 'a finding'} confirmed at ${when(t.at)}`);
  }
  // in the screening trial no pump is implanted yet: nothing about a pump is judged
  const screening = training.phase === 'screening';
  if (!screening && run.final['pump.state'] === 'stopped')
    penalty('Pump left stopped', PENALTY.pumpStopped, 'no therapy at the end of the run');
  if (run.incompleteSession)
    penalty('Programming session left unfinished', PENALTY.incompleteSession, 'sent but never verified');
  if (run.worst.withdrawal !== 'none')
    penalty('Withdrawal reached', PENALTY.withdrawal[run.worst.withdrawal], `worst stage: ${run.worst.withdrawal}`);
  if (run.worst.overdose !== 'none')
    penalty('Overdose reached', PENALTY.overdose[run.worst.overdose], `worst stage: ${run.worst.overdose}`);
  const sounding = Object.entries(run.final)
    .filter(([k, v]) => k.startsWith('alarm.') && v === 'active')
    .map(([k]) => k.slice(6));
  if (!screening)
    items.push({
      kind: 'alarms',
      text: 'Alarms resolved by the end',
      passed: sounding.length === 0,
      points: PENALTY.alarm * sounding.length,
      max: 0,
      explanation: sounding.length === 0 ? 'no alarm sounding' : `still sounding: ${sounding.join(', ')}`,
    });
  if (sounding.length > 0) missed.push(`Alarms left sounding: ${sounding.join(', ')}`);
  const max = items.reduce((sum, i) => sum + i.max, 0);
  const earned = items.reduce((sum, i) => sum + i.points, 0);
  const scorePercent = max === 0 ? 0 : Math.max(0, Math.min(100, Math.round((100 * earned) / max)));
  const truth: DebriefEntry[] = (s.timeline ?? []).flatMap((a) => {
    const text = describeTruth(a, when);
    return text === null || a.at > run.endedAt ? [] : [{ at: a.at, lane: 'truth' as const, text }];
  });
  const timeline: DebriefEntry[] = [
    ...truth,
    ...run.trainee.map((t) => ({
      at: t.at,
      lane: 'trainee' as const,
      text: `${eventWords(t.type)}${t.detail && (!(t.type in CLINICAL_ACTIONS) || t.type === 'clinical.examine') ? `: ${t.detail}` : ''}`,
    })),
    ...run.events.map((e) => ({
      at: e.at,
      lane: e.type.startsWith('patient.') ? ('patient' as const) : ('pump' as const),
      text: eventWords(e.type),
    })),
  ].sort((a, b) => a.at - b.at);
  return {
    scenario: s.name,
    scorePercent,
    earned,
    max,
    passed: scorePercent >= PASS_PERCENT,
    items,
    timeline,
    missed,
    timeToDetectMs,
    lesson: training.lesson ?? null,
  };
}
