import {
  baclofen,
  formatClock,
  getDeviceProfile,
  type Milliseconds,
  MS_PER_HOUR,
  OVERDOSE_STAGES,
  type OverdoseStage,
  type PumpProgram,
  programmedDoseAt,
  WITHDRAWAL_STAGES,
  type WithdrawalStage,
} from '@itps/core';
import { alarmWords, detailWords, eventWords, findingWords, painStageWords, stageWords } from '../eventWords.ts';
import { meets } from '../observe.ts';
import type { ScenarioAction, ScenarioFile, TrainingObjective } from '../scenarioSchema.ts';
import { CLINICAL_ACTIONS } from './traineeActions.ts';
import type { PumpChange, TrainingRun } from './trainingRun.ts';

/** One line of the rubric: what was judged, whether it held, and the points it earned (negative: a penalty). */
export interface RubricItem {
  /** `truth`: judged on what really happened (the real reservoir, the drug the patient really got). */
  readonly kind: 'objective' | 'detection' | 'unsafe' | 'truth' | 'alarms';
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

/** A fault the instructor injected while the exercise ran (in a class, or from the console): when, and its name. */
export interface InjectedFault {
  readonly at: number;
  readonly label: string;
}

/** Trainee actions that change the drug reaching the patient. */
const DELIVERY_ACTIONS = new Set([
  'programmer.sent',
  'programmer.restart',
  'clinical.testDose',
  'clinical.oralBaclofen',
  'clinical.emergencyCare',
  'clinical.naloxone',
]);
/** Pump log events that change the drug reaching the patient (and alarms that say delivery stopped). */
const DELIVERY_EVENTS = new Set([
  'pump.stopped',
  'pump.started',
  'program.committed',
  'refill.recorded',
  'bolus.started',
  'bolus.completed',
  'bolus.cancelled',
  'ptm.bolus',
  'motor.stall',
  'motor.recovered',
  'pump.reset',
]);
const deliveryEvent = (type: string) =>
  DELIVERY_EVENTS.has(type) ||
  /^alarm\.(reservoirEmpty|eos|memoryError|motorStall|lowBatteryReset)\.raised$/.test(type);
/** Who made the change a patient's stage change follows (the hidden truth speaks for itself). */
const CAUSE_LANE: Record<DebriefEntry['lane'], string> = {
  trainee: "the trainee's action: ",
  pump: 'the pump: ',
  truth: '',
  patient: '',
};
/** At one instant, the cause named is the truth before the trainee's action before the pump's echo of it. */
const CAUSE_RANK: Record<DebriefEntry['lane'], number> = { pump: 0, patient: 0, trainee: 1, truth: 2 };

/** The share of the maximum needed to pass. */
export const PASS_PERCENT = 70;
/** Points for detecting a silent fault within a day, within three days, later. */
export const DETECTION_POINTS = { withinDay: 20, withinThreeDays: 10, later: 5 } as const;
const PENALTY = {
  softLimit: -5,
  pumpStopped: -15,
  incompleteSession: -15,
  alarm: -10,
  /** The pump's record left above what is really in the reservoir: it will run dry with no alarm. */
  recordAboveTruth: -30,
  /** The reservoir really ran dry while the pump counted drug left: no drug, no alarm. */
  ranDry: -20,
  /** A tenfold or wrong-concentration entry that reached the pump. */
  entryError: -20,
  withdrawal: { none: 0, early: -5, moderate: -10, severe: -20 } satisfies Record<WithdrawalStage, number>,
  overdose: { none: 0, drowsy: -5, somnolent: -10, respiratoryDepression: -20, coma: -30 } satisfies Record<
    OverdoseStage,
    number
  >,
} as const;

/**
 * A patient treated for pain: points for each stage reached after the visit (the worst of each
 * family against the stage at the visit), from the patient's course in the run's events.
 */
const PAIN_PENALTY: readonly {
  readonly family: string;
  readonly text: string;
  readonly points: Readonly<Record<string, number>>;
}[] = [
  {
    family: 'respiratoryDepression',
    text: 'Respiratory depression reached',
    points: { none: 0, early: -5, moderate: -20, severe: -30, arrest: -40 },
  },
  {
    family: 'opioidWithdrawal',
    text: 'Opioid withdrawal reached',
    points: { none: 0, early: -5, moderate: -10, severe: -20 },
  },
  {
    family: 'granuloma',
    text: 'A catheter-tip mass formed',
    points: { none: 0, mass: -5, deficit: -20, compression: -30 },
  },
  {
    family: 'neuropsychiatric',
    text: "Ziconotide's adverse effects reached",
    points: { none: 0, mild: -5, confusion: -10, psychosis: -20 },
  },
];

/** A pain patient's stage in one family at the visit and the worst from then on (by its points), from the run's events. */
function painStageSinceVisit(
  run: TrainingRun,
  family: string,
  points: Readonly<Record<string, number>>,
  visit: number,
): { atVisit: string; worst: string } {
  const prefix = `patient.${family}.`;
  const changes = run.events.filter((e) => e.type.startsWith(prefix)).sort((a, b) => a.at - b.at);
  let atVisit = 'none';
  for (const e of changes) if (e.at < visit) atVisit = e.type.slice(prefix.length);
  let worst = atVisit;
  for (const e of changes) {
    const stage = e.type.slice(prefix.length);
    if (e.at >= visit && (points[stage] ?? 0) < (points[worst] ?? 0)) worst = stage;
  }
  return { atVisit, worst };
}

/** An instant to the minute: link latencies add seconds nobody needs to read. */
/** Writes a simulated instant on a scenario's wall clock: "day 1, 14:05". */
type When = (at: number) => string;
const clockOf =
  (s: ScenarioFile): When =>
  (at) =>
    formatClock(at as Milliseconds, s.timeOfDayAtStart);

/** An expectation of a final value, in words. */
function expectedWords(key: string, e: unknown): string {
  if (typeof e === 'number' || typeof e === 'string') return valueWords(key, e);
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
  'pump.rateMlPerDay': 'the flow (mL/day)',
  'truth.reservoirMl': 'the drug really in the reservoir (mL)',
  'truth.deliveredMl': 'the volume delivered (mL)',
  'truth.pocketMcg': 'the drug that went into the pocket (mcg)',
  'truth.leakMcg': 'the drug that leaked (mcg)',
  'truth.epiduralMcg': 'the drug that went epidural (mcg)',
  'truth.subduralMcg': 'the drug that went subdural (mcg)',
  'truth.tip': 'where the catheter tip lies',
  'truth.explantedMcg': 'the drug taken out with the old pump (mcg)',
  'patient.ashworthGrade': 'the Ashworth grade',
  'patient.heartRateBpm': 'the heart rate (/min)',
  'patient.temperatureC': 'the temperature (°C)',
  'patient.respiratoryRatePerMin': 'the breathing rate (/min)',
  'patient.consciousness': 'consciousness',
  'patient.csfMcg': 'the baclofen in the spinal fluid (mcg)',
  'patient.relativeEffect': 'the drug effect',
  'patient.neuropsychiatric': "ziconotide's adverse effects",
  'patient.painScore': 'the pain score (0-10)',
  'pump.dose.ziconotideMcgPerDay': 'the ziconotide dose (mcg/day)',
  'pump.dose.morphineMgPerDay': 'the morphine dose (mg/day)',
  'pump.dose.baclofenMcgPerDay': 'the baclofen dose (mcg/day)',
};
const keyWords = (key: string): string => {
  const alarm = /^alarm\.(\w+)$/.exec(key);
  if (alarm === null) return OBSERVABLE_WORDS[key] ?? 'a value the exercise watches';
  // only the first letter lowered: an abbreviation (ERI, EOS) stays as the pump's screen writes it
  const words = alarmWords(alarm[1] ?? '');
  return `the ${words.charAt(0).toLowerCase()}${words.slice(1)} alarm`;
};

/** An observable's value in words: alarms sounding or silent, the pump's states and the stages as a clinician says them. */
const VALUE_WORDS: Readonly<Record<string, string>> = {
  active: 'sounding',
  inactive: 'silent',
  running: 'running',
  stopped: 'stopped',
  stalled: 'stopped by a motor stall',
  endOfService: 'at end of service',
  error: 'failed',
  simple: 'a simple continuous dose',
  flex: 'a flex schedule',
  minimum: 'the minimum rate',
  bolus: 'a bolus',
};
function valueWords(key: string, value: string | number | undefined): string {
  if (value === undefined) return 'not observed';
  if (typeof value === 'number') return String(value);
  const stage = /^patient\.(withdrawal|overdose)$/.exec(key);
  if (stage !== null) return stageWords(stage[1] as 'withdrawal' | 'overdose', value);
  const pain = /^patient\.(sedation|respiratoryDepression|opioidWithdrawal|granuloma|neuropsychiatric)$/.exec(key);
  if (pain !== null) return value === 'none' ? 'none' : painStageWords(pain[1] ?? '', value);
  return VALUE_WORDS[value] ?? value;
}

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
    const since = `${details === undefined ? '' : ` (${details.map((d) => detailWords(o.event, d)).join(' or ')})`}${o.after === undefined ? '' : ` after ${when(o.after)}`}`;
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
          .map((k) => `${keyWords(k)} ${valueWords(k, run.final[k])}`)
          .join(', ')}`
      : `at the end: ${wrong.map(([k, e]) => `${keyWords(k)} was ${valueWords(k, run.final[k])}, where ${expectedWords(k, e)} was needed`).join('; ')}`;
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
    ? t.doseMgPerDay !== undefined
      ? `${t.doseMgPerDay} mg/day`
      : `${t.doseMcgPerDay} mcg/day`
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
      return `refill by a colleague: ${a.volumeMl} mL at ${a.concentrationMgPerMl !== undefined ? `${a.concentrationMgPerMl} mg/mL` : `${a.concentrationMcgPerMl} mcg/mL`}${a.drug === undefined ? '' : ` ${a.drug}`}${(a.admixture ?? []).map((p) => ` with ${p.drug} ${p.concentrationMgPerMl !== undefined ? `${p.concentrationMgPerMl} mg/mL` : `${p.concentrationMcgPerMl} mcg/mL`}`).join('')}${a.needle && a.needle !== 'reservoir' ? `, needle in the ${a.needle === 'cap' ? 'catheter access port' : 'pocket'}` : ''}`;
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

/**
 * Confirmations that acknowledge a risk the clinician means to take and override no limit: they cost
 * no points (every other confirmation overrides a soft limit and costs some).
 */
export const ACKNOWLEDGEMENTS: readonly string[] = [
  'dose.largeDecrease',
  'therapy.stop',
  'therapy.restart',
  'bolus.priming',
  'catheter.dataChange',
  'alarm.thresholdLowered',
  'reservoir.raised',
  'refill.shortAspiration',
  'refill.discrepancy',
  // an admixture is always compounded: its admixed strengths are prepared dilutions, confirmed as such
  'admixture.customDilution',
  'replacement.primingTubing',
  'replacement.primingNewCatheter',
];

/** Alarms a clinician can clear at a visit: a refill clears the reservoir alarms, reprogramming the reset. */
export const CLEARABLE_ALARMS: readonly string[] = ['lowReservoir', 'reservoirEmpty', 'lowBatteryReset'];

type Stage<K extends 'withdrawal' | 'overdose'> = K extends 'withdrawal' ? WithdrawalStage : OverdoseStage;

/**
 * A patient's stage at the visit and the worst from then to the end, from the patient's stage
 * changes in the run's events; a run without them (a hand-made run) falls back to its worst stage.
 */
function stageSinceVisit<K extends 'withdrawal' | 'overdose'>(
  run: TrainingRun,
  kind: K,
  visit: number,
): { atVisit: Stage<K>; worst: Stage<K> } {
  const order = (kind === 'withdrawal' ? WITHDRAWAL_STAGES : OVERDOSE_STAGES) as readonly Stage<K>[];
  const prefix = `patient.${kind}.`;
  const changes = run.events.filter((e) => e.type.startsWith(prefix)).sort((a, b) => a.at - b.at);
  if (changes.length === 0) return { atVisit: order[0] as Stage<K>, worst: run.worst[kind] as Stage<K> };
  const stageOf = (type: string) => type.slice(prefix.length) as Stage<K>;
  let atVisit = order[0] as Stage<K>;
  for (const e of changes) if (e.at < visit) atVisit = stageOf(e.type);
  let worst = atVisit;
  for (const e of changes)
    if (e.at >= visit && order.indexOf(stageOf(e.type)) > order.indexOf(worst)) worst = stageOf(e.type);
  return { atVisit, worst };
}

function stageExplanation(kind: 'withdrawal' | 'overdose', s: { atVisit: string; worst: string }): string {
  return `worst after your visit: ${stageWords(kind, s.worst)}${s.atVisit === 'none' ? '' : ` (already ${stageWords(kind, s.atVisit)} when you met the patient)`}`;
}

const ml = (x: number) => `${x.toFixed(2)} mL`;
const mcg = (pg: number) => `${(pg / 1_000_000).toFixed(1)} mcg`;
const mcgPerDay = (pg: number) => `${(pg / 1_000_000).toFixed(1)} mcg/day`;

/**
 * Judged on what really happened, not on the pump's belief: the pump's reservoir record left above
 * what is really there (beyond what the pump's accuracy and a syringe reading explain: 1 mL in a
 * pump up to 20 mL, 2 mL above), and the reservoir really running dry while the pump counted drug
 * left (no drug reaches the patient and no alarm sounds), from the visit on.
 */
function truthFindings(
  s: ScenarioFile,
  run: TrainingRun,
  visit: number,
  when: When,
): { text: string; points: number; explanation: string }[] {
  const out: { text: string; points: number; explanation: string }[] = [];
  const belief = run.final['pump.reservoirMl'];
  const truth = run.final['truth.reservoirMl'];
  const tolerance = s.pump === undefined || getDeviceProfile(s.pump.model).capacity <= 20_000_000 ? 1 : 2;
  if (typeof belief === 'number' && typeof truth === 'number' && belief - truth > tolerance + 1e-9)
    out.push({
      text: "The pump's reservoir record is above what is really there",
      points: PENALTY.recordAboveTruth,
      explanation: `at the end the pump counted ${ml(belief)}; the reservoir really held ${ml(truth)}: it will run dry before any alarm`,
    });
  // the reservoir really dry while the pump counts drug: from an onset after the visit, or still so at the end
  const course = run.course;
  let dryAt: number | null = null;
  for (let i = 0; i < course.length; i++) {
    const p = course[i];
    const before = course[i - 1];
    if (p === undefined || p.at < visit || p.truthReservoirNl !== 0 || (p.beliefReservoirNl ?? 0) === 0) continue;
    const onset = before !== undefined && (before.truthReservoirNl ?? 0) > 0;
    const last = i === course.length - 1;
    if (onset || last) {
      dryAt = onset ? p.at : null;
      out.push({
        text: 'The reservoir really ran dry while the pump counted drug left',
        points: PENALTY.ranDry,
        explanation: `${dryAt === null ? 'dry still at the end' : `from about ${when(dryAt)}`}, with the pump counting ${ml((p.beliefReservoirNl ?? 0) / 1_000_000)}: no drug reached the patient and no alarm sounded`,
      });
      break;
    }
  }
  return out;
}

/** Minutes after midnight at which either therapy changes its dose (0 for a simple dose). */
const boundaries = (a: PumpProgram, b: PumpProgram): number[] =>
  [
    ...new Set([
      0,
      ...[a, b].flatMap((p) => (p.therapy.mode === 'flex' ? p.therapy.steps.map((x) => x.startMinute) : [])),
    ]),
  ].sort((x, y) => x - y);
const clockOfMinute = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A concentration wrong beyond what mixing with a residual explains: more than a quarter off. */
/** More than any of these pumps' tubing and implanted catheter hold together (0.2 mL tubing, catheters well under 0.8 mL). */
const PATH_UPPER_BOUND_NL = 1_000_000;
const wrongRatio = (ratio: number) => ratio < 0.8 || ratio > 1.25;
const tenfold = (ratio: number) => ratio >= 10 || ratio <= 0.1;

/**
 * Entry errors that reached the pump, named wherever they were made: a dose or a flex step tenfold
 * (or more) above what ran at that hour, a concentration entered that is not what the reservoir
 * really holds (at a refill or a concentration change), a bolus whose real dose is not the one
 * shown or is above the library's usual maximum for one bolus.
 */
export function entryErrors(
  changes: readonly PumpChange[],
  when: When,
  /** What a pump's tubing and catheter can hold: a priming or bridge bolus beyond it pushes reservoir drug on. */
  pathNl = PATH_UPPER_BOUND_NL,
): { text: string; explanation: string }[] {
  const out: { text: string; explanation: string }[] = [];
  const named = new Set<string>();
  // a restart is judged against the dose that ran before the stop, not the stop's zero
  let lastDosing: PumpProgram | null = null;
  const concentration = (at: number, entered: number, real: number | null, where: string) => {
    if (real === null) return;
    const ratio = real / entered;
    const key = `${entered}/${Math.round(real)}`;
    if (!wrongRatio(ratio) || named.has(key)) return;
    named.add(key);
    out.push({
      text: tenfold(ratio) ? 'Tenfold concentration error' : 'Wrong concentration entered',
      explanation: `${where} at ${when(at)}: the pump was told ${entered} mcg/mL; the reservoir really holds ${Math.round(real)} mcg/mL, so every dose is really ${ratio.toFixed(2)} times what the programmer shows`,
    });
  };
  for (const c of changes) {
    if (c.kind === 'program') {
      const dosingOld = c.old.therapy.mode === 'simple' || c.old.therapy.mode === 'flex';
      if (dosingOld) lastDosing = c.old;
      const before = dosingOld || lastDosing === null ? c.old : lastDosing;
      for (const minute of boundaries(before, c.new)) {
        const tod = (minute * 60_000) as Milliseconds;
        const was = programmedDoseAt(before, tod);
        const is = programmedDoseAt(c.new, tod);
        if (was > 0 && is >= 10 * was) {
          out.push({
            text: 'Tenfold dose sent to the pump',
            explanation: `at ${when(c.at)}: ${c.new.therapy.mode === 'flex' ? `the flex step from ${clockOfMinute(minute)}` : 'the dose'} ${mcgPerDay(is)} where ${mcgPerDay(was)} ran`,
          });
          break;
        }
      }
      if (c.new.concentration !== c.old.concentration && !c.refill)
        concentration(c.at, c.new.concentration, c.trueMcgPerMl, 'concentration changed');
    } else if (c.kind === 'refill') {
      concentration(c.at, c.programmedMcgPerMl, c.trueMcgPerMl, 'refill');
    } else if (c.trueMcgPerMl !== null) {
      const shown = c.volumeNl * c.programmedMcgPerMl;
      const real = c.volumeNl * c.trueMcgPerMl;
      if (wrongRatio(real / shown))
        out.push({
          text: tenfold(real / shown) ? 'Tenfold bolus from a concentration error' : 'Bolus at a wrong concentration',
          explanation: `${c.bolus} bolus at ${when(c.at)}: the programmer showed ${mcg(shown)}; it really gave ${mcg(real)}`,
        });
      else if (c.bolus !== 'single' && c.volumeNl > pathNl)
        out.push({
          text: `A ${c.bolus} bolus beyond the tubing and catheter`,
          explanation: `at ${when(c.at)}: ${(c.volumeNl / 1e6).toFixed(2)} mL, more than a pump's tubing and catheter hold, so ${mcg(real)} of the reservoir's drug went on into the spinal fluid`,
        });
      else if (c.bolus === 'single' && real > baclofen.bolusSoftMax)
        out.push({
          text: 'Bolus above the usual maximum sent',
          explanation: `at ${when(c.at)}: ${mcg(real)}, above the usual ${mcg(baclofen.bolusSoftMax)} for one bolus (a tenfold entry?)`,
        });
    }
  }
  return out;
}

/** Scores a trainee's run of a training scenario and writes its debrief. Pure. */
export function scoreTraining(
  s: ScenarioFile,
  run: TrainingRun,
  injected: readonly InjectedFault[] = [],
): TrainingDebrief {
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
  const penalty = (text: string, points: number, explanation: string, kind: 'unsafe' | 'truth' = 'unsafe') => {
    items.push({ kind, text, passed: false, points, max: 0, explanation });
    missed.push(`${text}: ${explanation}`);
  };
  // confirming a large cut, a stop, a restart, a priming bolus, catheter data or a refill finding
  // acknowledges a risk (as when correcting an overdose), it overrides no limit
  const overrides = run.trainee.filter(
    (a) => a.type === 'programmer.softLimitConfirmed' && !ACKNOWLEDGEMENTS.includes(a.detail ?? ''),
  );
  for (const t of overrides) {
    penalty(
      'Soft limit overridden',
      PENALTY.softLimit,
      `${t.detail === undefined ? 'a guard-rail warning' : findingWords(t.detail)} confirmed at ${when(t.at)}`,
    );
  }
  // in the screening trial no pump is implanted yet: nothing about a pump is judged
  const screening = training.phase === 'screening';
  if (!screening && run.final['pump.state'] === 'stopped')
    penalty('Pump left stopped', PENALTY.pumpStopped, 'no therapy at the end of the run');
  if (run.incompleteSession)
    penalty('Programming session left unfinished', PENALTY.incompleteSession, 'sent but never verified');
  // the patient's course from the visit on: a stage already reached before the trainee met the patient
  // is not theirs to answer for, only a worsening after it
  const visit = training.visitAt ?? 0;
  const withdrawal = stageSinceVisit(run, 'withdrawal', visit);
  const withdrawalPoints = PENALTY.withdrawal[withdrawal.worst] - PENALTY.withdrawal[withdrawal.atVisit];
  if (withdrawalPoints < 0) penalty('Withdrawal reached', withdrawalPoints, stageExplanation('withdrawal', withdrawal));
  const overdose = stageSinceVisit(run, 'overdose', visit);
  const overdosePoints = PENALTY.overdose[overdose.worst] - PENALTY.overdose[overdose.atVisit];
  if (overdosePoints < 0) penalty('Overdose reached', overdosePoints, stageExplanation('overdose', overdose));
  for (const { family, text, points } of PAIN_PENALTY) {
    const stage = painStageSinceVisit(run, family, points, visit);
    const lost = (points[stage.worst] ?? 0) - (points[stage.atVisit] ?? 0);
    if (lost < 0)
      penalty(
        text,
        lost,
        `worst after your visit: ${painStageWords(family, stage.worst)}${stage.atVisit === 'none' ? '' : ` (already ${painStageWords(family, stage.atVisit)} when you met the patient)`}`,
      );
  }
  if (!screening) {
    for (const t of truthFindings(s, run, visit, when)) penalty(t.text, t.points, t.explanation, 'truth');
    for (const e of entryErrors(run.changes ?? [], when)) penalty(e.text, PENALTY.entryError, e.explanation);
  }
  // only alarms the clinician can clear at a visit cost points: ERI, EOS, a memory error or a motor
  // stall are cleared by replacing the pump (or by the motor itself), never by the clinician
  const soundingAll = Object.entries(run.final)
    .filter(([k, v]) => k.startsWith('alarm.') && v === 'active')
    .map(([k]) => k.slice(6));
  const sounding = soundingAll.filter((a) => CLEARABLE_ALARMS.includes(a));
  const beyond = soundingAll.filter((a) => !CLEARABLE_ALARMS.includes(a));
  const beyondWords =
    beyond.length === 0
      ? ''
      : `; ${beyond.map(alarmWords).join(', ')} still sounding, which only replacing the pump (or the motor itself) clears: no points taken`;
  if (!screening)
    items.push({
      kind: 'alarms',
      text: 'Alarms resolved by the end',
      passed: sounding.length === 0,
      points: sounding.length === 0 ? 0 : PENALTY.alarm * sounding.length,
      max: 0,
      explanation:
        (sounding.length === 0
          ? 'no alarm the clinician can clear left sounding'
          : `still sounding: ${sounding.map(alarmWords).join(', ')}`) + beyondWords,
    });
  if (sounding.length > 0) missed.push(`Alarms left sounding: ${sounding.map(alarmWords).join(', ')}`);
  const max = items.reduce((sum, i) => sum + i.max, 0);
  const earned = items.reduce((sum, i) => sum + i.points, 0);
  const scorePercent = max === 0 ? 0 : Math.max(0, Math.min(100, Math.round((100 * earned) / max)));
  const truth: DebriefEntry[] = (s.timeline ?? []).flatMap((a) => {
    const text = describeTruth(a, when);
    return text === null || a.at > run.endedAt ? [] : [{ at: a.at, lane: 'truth' as const, text }];
  });
  const faults: DebriefEntry[] = injected
    .filter((f) => f.at <= run.endedAt)
    .map((f) => ({ at: f.at, lane: 'truth' as const, text: `${f.label}, injected by the instructor` }));
  const traineeText = (t: TrainingRun['trainee'][number]) =>
    `${eventWords(t.type)}${t.detail && (!(t.type in CLINICAL_ACTIONS) || t.type === 'clinical.examine') ? `: ${detailWords(t.type, t.detail)}` : ''}`;
  // what changed the drug reaching the patient, latest first when a stage change asks for its cause
  const changes: DebriefEntry[] = [
    ...truth,
    ...faults,
    ...run.trainee
      .filter((t) => DELIVERY_ACTIONS.has(t.type))
      .map((t) => ({ at: t.at, lane: 'trainee' as const, text: traineeText(t) })),
    ...run.events
      .filter((e) => deliveryEvent(e.type))
      .map((e) => ({ at: e.at, lane: 'pump' as const, text: eventWords(e.type) })),
  ].sort((a, b) => a.at - b.at || CAUSE_RANK[a.lane] - CAUSE_RANK[b.lane]);
  const causeOf = (at: number): string => {
    let cause: DebriefEntry | undefined;
    for (const c of changes) if (c.at <= at) cause = c;
    return cause === undefined
      ? 'nothing changed the drug reaching them before it (the course of what was already given)'
      : `after ${CAUSE_LANE[cause.lane]}${cause.text} (${when(cause.at)})`;
  };
  const timeline: DebriefEntry[] = [
    ...truth,
    ...faults,
    ...run.trainee.map((t) => ({ at: t.at, lane: 'trainee' as const, text: traineeText(t) })),
    ...run.events.map((e) =>
      e.type.startsWith('patient.')
        ? { at: e.at, lane: 'patient' as const, text: `${eventWords(e.type)}, ${causeOf(e.at)}` }
        : { at: e.at, lane: 'pump' as const, text: eventWords(e.type) },
    ),
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
