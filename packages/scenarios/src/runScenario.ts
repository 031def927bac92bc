import {
  bedsideView,
  checkPumpState,
  createPatientParameters,
  createWorld,
  implantedCatheterVolume,
  logEntries,
  type Milliseconds,
  MS_PER_DAY,
  massOf,
  mlToNanolitres,
  nanolitresToMl,
  nextDueInstant,
  OVERDOSE_STAGES,
  type PatientParameters,
  type PumpInput,
  painStatus,
  picogramsPerDayToMcgPerDay,
  picogramsToMcg,
  RESPIRATORY_STAGES,
  SEDATION_STAGES,
  STATE_INVARIANTS,
  type StateRequirement,
  sampleWorld,
  timeToTipConcentrationChange,
  type Violation,
  WITHDRAWAL_STAGES,
  type World,
  type WorldState,
} from '@itps/core';
import { formatDuration } from './duration.ts';
import {
  beliefObservables,
  drugObservables,
  involvesOtherDrugs,
  meets,
  painObservables,
  patientObservables,
  truthObservables,
} from './observe.ts';
import {
  type DailyDose,
  type ExpectationResult,
  type FaultSpan,
  REPORT_NOTICE,
  type ScenarioReport,
  type SeriesPoint,
} from './report.ts';
import { scenarioPainPatient, treatedForSpasticity } from './scenarioPainPatient.ts';
import { catheterVolumePerCm, createScenarioPlayer, type ScenarioPlayer } from './scenarioPlayer.ts';
import type { ScenarioFile } from './scenarioSchema.ts';
import { checkSessionInvariants } from './sessionInvariants.ts';
import { scenarioProgram } from './toCore.ts';

const SERIES_POINTS = 400;
/** The most instants of change a series adds to its grid (each sampled on both sides). */
const CHANGE_POINTS = 2000;

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Where the series samples: a regular grid, every day boundary, and on both sides of every step
 * the timeline makes (an action, a bolus's end, a fault's or a scan's end), so no step in dose,
 * flow or alarms falls between two samples.
 */
function sampleInstants(s: ScenarioFile): Set<number> {
  const duration = s.duration;
  const out = new Set<number>();
  const every = Math.max(1, Math.floor(duration / SERIES_POINTS));
  for (let t = 0; t <= duration; t += every) out.add(t);
  for (let t = 0; t <= duration; t += MS_PER_DAY) out.add(t);
  const around = (t: number) => {
    if (t <= duration) out.add(t);
    if (t - 1 >= 0 && t - 1 <= duration) out.add(t - 1);
  };
  for (const a of s.timeline ?? []) {
    // reading the pump, the link and the programmer's screens change no physics: no step to catch
    if (a.action !== 'interrogate' && a.action !== 'link' && a.action !== 'session') around(a.at);
    if (a.action === 'bolus' && a.duration !== undefined) around(a.at + a.duration);
    if (a.action === 'fault' && a.until !== undefined) around(a.until);
    if (a.action === 'mri') around(a.at + a.duration + (a.recoveryDelay ?? 0));
  }
  out.add(duration);
  return out;
}

/** The faults and scans a timeline puts in force, as spans. */
function faultSpans(s: ScenarioFile): FaultSpan[] {
  const spans: FaultSpan[] = [];
  for (const a of s.timeline ?? []) {
    if (a.action === 'fault')
      spans.push({
        kind: a.kind === 'catheterLeak' && (a.escapePercent ?? 100) >= 100 ? 'catheterFracture' : a.kind,
        from: a.at,
        to: a.until ?? null,
      });
    if (a.action === 'mri') spans.push({ kind: `mri ${a.fieldT} T`, from: a.at, to: a.at + a.duration });
  }
  return spans;
}

/** The pump a scenario describes, as the core's input. */
export function scenarioPumpInput(s: ScenarioFile, seed: number): PumpInput {
  const perCm = catheterVolumePerCm(s);
  return {
    profileId: s.pump.model,
    seed,
    accuracy: s.pump.accuracy ?? 'exact',
    timeOfDayAtStart: s.timeOfDayAtStart,
    program: scenarioProgram(s),
    reservoirVolume: mlToNanolitres(s.pump.reservoir.volumeMl),
    catheterVolume: implantedCatheterVolume(s.pump.catheter.implantedLengthCm, perCm),
    primedWith: s.pump.catheter.primedWith ?? 'reservoir',
    ageAtStart: s.pump.ageAtStart ?? (0 as Milliseconds),
    ...(s.pump.lowReservoirAlarmMl === undefined
      ? {}
      : { lowReservoirThreshold: mlToNanolitres(s.pump.lowReservoirAlarmMl) }),
    ...(s.pump.pumpTubingVolumeMl === undefined ? {} : { pumpTubingVolume: mlToNanolitres(s.pump.pumpTubingVolumeMl) }),
    ...(s.pump.reservoirDeadSpaceMl === undefined
      ? {}
      : { reservoirDeadSpace: mlToNanolitres(s.pump.reservoirDeadSpaceMl) }),
    ...(s.pump.catheter.tip === undefined ? {} : { tip: s.pump.catheter.tip }),
    ...(s.pump.patientId === undefined ? {} : { patientId: s.pump.patientId }),
    ...(s.pump.patientOpioidHistory === undefined ? {} : { patientOpioidHistory: s.pump.patientOpioidHistory }),
  };
}

/** The format's default wall-clock label of t = 0 (SCENARIO-FORMAT.md). */
const DEFAULT_STARTS_AT = '2026-01-01T00:00';

/** A scenario's wall-clock date and time of t = 0: its own, a time of day on the default date, or the default. */
export function scenarioStartsAt(s: ScenarioFile): string {
  if (s.startsAt === undefined) return DEFAULT_STARTS_AT;
  return s.startsAt.includes('T') ? s.startsAt : `${DEFAULT_STARTS_AT.slice(0, 10)}T${s.startsAt}`;
}

/** The patient a scenario describes, or null when it has none (no patient model runs). */
export function scenarioPatient(s: ScenarioFile, seed: number): PatientParameters | null {
  const p = s.patient;
  if (p === undefined || !treatedForSpasticity(s)) return null;
  return createPatientParameters({
    origin: p.origin ?? 'spinal',
    ...(p.variation === 'seeded' ? { seed } : {}),
    ...(p.needMcgPerDay === undefined ? {} : { needMcgPerDay: p.needMcgPerDay }),
    ...(p.csfHalfLifeH === undefined ? {} : { csfHalfLifeH: p.csfHalfLifeH }),
    ...(p.baselineAshworth === undefined ? {} : { baselineAshworth: p.baselineAshworth }),
  });
}

/**
 * The world for a scenario at t = 0: its pump (and patient), the telemetry link and a clinician's
 * programmer, for the timeline's `session` and `link` actions.
 */
export function createScenarioWorld(s: ScenarioFile, seed: number): World {
  const patient = scenarioPatient(s, seed);
  const painPatient = scenarioPainPatient(s);
  return createWorld({
    pump: scenarioPumpInput(s, seed),
    origin: s.patient?.origin ?? 'spinal',
    startsAt: scenarioStartsAt(s),
    ...(patient === null ? {} : { patient }),
    ...(painPatient === null ? {} : { painPatient }),
  });
}

/** Everything a `that:` can name, now: belief, truth and the patient. */
export const scenarioObservables = (world: WorldState): Record<string, string | number> => ({
  ...beliefObservables(world.pump, world.lifecycle),
  ...truthObservables(world.pump),
  ...patientObservables(world.patient?.state ?? null, world.patient?.parameters ?? null),
  // the per-drug extensions where another drug than baclofen is involved, so a baclofen run's record stays as it was
  ...(involvesOtherDrugs(world.pump) ? drugObservables(world.pump, world.lifecycle) : {}),
  ...painObservables(world),
});

/** The pump's log and the patient's course in one list, in time order (pump first at the same instant). */
export function scenarioEvents(world: WorldState): { readonly at: number; readonly type: string }[] {
  const pump = logEntries(world.pump.log).map((e) => ({ at: e.at as number, type: e.type as string }));
  const patient = (world.patient?.state.log ?? []).map((e) => ({ at: e.at as number, type: e.type as string }));
  const pain = (world.pain?.state.log ?? []).map((e) => ({ at: e.at as number, type: e.type as string }));
  return [...pump, ...patient, ...pain].sort((a, b) => a.at - b.at);
}

/**
 * Runs a validated scenario and reports on it. Pure and deterministic: the same scenario and seed
 * give the same report, byte for byte once serialised. Every action happens whole at its instant
 * (actions at the same instant in file order); point expectations are checked after the actions
 * of their instant; event expectations against the pump's log at the end. The invariants of the
 * requirements under `checks` are judged after every step and sample; the first violation of each
 * is reported and fails the run.
 */
export function runScenario(
  s: ScenarioFile,
  options: {
    readonly seed?: number;
    /** False: no series and no daily figures (a verdict or a sweep needs neither), saving their time and memory. */
    readonly series?: boolean;
  } = {},
): ScenarioReport {
  const seed = options.seed ?? s.seed ?? 1;
  const world = createScenarioWorld(s, seed);
  const violations: Violation[] = [];
  const seen = new Set<string>();
  const requirements = s.checks ?? [];
  const pumpRequirements = requirements.filter((r): r is StateRequirement => r in STATE_INVARIANTS);
  const check = () => {
    const now = world.state();
    const found = [...checkPumpState(now.pump, pumpRequirements), ...checkSessionInvariants(now, player, requirements)];
    for (const v of found) {
      if (seen.has(v.requirement)) continue;
      seen.add(v.requirement);
      violations.push(v);
    }
  };
  const player: ScenarioPlayer = createScenarioPlayer(s, world, { afterStep: () => check() });
  const duration = s.duration;
  const results: ExpectationResult[] = [];
  const checks: { at: Milliseconds; index: number; that: Record<string, unknown> }[] = [];
  (s.expect ?? []).forEach((e, index) => {
    if ('that' in e) checks.push({ at: e.at, index, that: e.that });
  });
  const samples = options.series === false ? new Set<number>() : sampleInstants(s);
  const instants = [...new Set([...samples, ...checks.map((c) => c.at), duration])].sort((a, b) => a - b);
  const series: SeriesPoint[] = [];
  const daily: DailyDose[] = [];
  let dayStart: { day: number; delivered: number; dose: number } | null = null;
  let checkIndex = 0;
  const byTime = [...checks].sort((a, b) => a.at - b.at);
  let changes = 0;
  /**
   * A change the pump makes by itself before the next planned instant (a concentration front
   * reaching the tip, a flex step, a bolus's end, an alarm threshold, ERI, EOS), sampled on both
   * sides, so a step in a plot sits at its instant, not at the next point of the grid.
   */
  const sampleChangesAfter = (i: number, t: number): void => {
    const pump = world.state().pump;
    const front = timeToTipConcentrationChange(pump);
    for (const at of [front === null ? null : t + front, nextDueInstant(pump)]) {
      if (at === null || at <= t || at > duration || changes >= CHANGE_POINTS || samples.has(at)) continue;
      changes += 1;
      for (const u of [at - 1, at])
        if (u > t && !samples.has(u)) {
          samples.add(u);
          let j = i + 1;
          while (j < instants.length && (instants[j] as number) < u) j += 1;
          if (instants[j] !== u) instants.splice(j, 0, u);
        }
    }
  };
  for (let i = 0; i < instants.length; i += 1) {
    const t = instants[i] as number;
    player.advanceTo(t as Milliseconds);
    check();
    if (samples.has(t)) {
      const point = seriesPoint(world.state());
      series.push(point);
      sampleChangesAfter(i, t);
      if (t % MS_PER_DAY === 0) {
        if (dayStart !== null)
          daily.push({
            day: dayStart.day,
            deliveredMcg: round6(point.deliveredMcg - dayStart.delivered),
            programmedMcgPerDay: dayStart.dose,
          });
        dayStart = { day: t / MS_PER_DAY, delivered: point.deliveredMcg, dose: point.doseMcgPerDay };
      }
    }
    for (; byTime[checkIndex]?.at === t; checkIndex += 1) {
      const check = byTime[checkIndex];
      if (check === undefined) break;
      const now = world.state();
      // every observable a `that:` may name, the per-drug ones included (of a baclofen pump too)
      const observed = { ...scenarioObservables(now), ...drugObservables(now.pump, now.lifecycle) };
      const actual: Record<string, unknown> = {};
      let passed = true;
      for (const [key, expected] of Object.entries(check.that)) {
        actual[key] = observed[key];
        if (!meets(expected, observed[key])) passed = false;
      }
      results.push({ index: check.index, passed, expected: check.that, actual, at: t });
    }
  }
  const end = world.state();
  const log = scenarioEvents(end);
  (s.expect ?? []).forEach((e, index) => {
    if ('that' in e) return;
    const first = log.find((entry) => entry.type === e.event)?.at ?? null;
    if ('never' in e) {
      results.push({
        index,
        passed: first === null,
        expected: { event: e.event, never: true },
        actual: first === null ? 'never' : { firstAt: first },
        at: first,
      });
    } else {
      const [from, to] = e.between;
      results.push({
        index,
        passed: first !== null && first >= from && first <= to,
        expected: { event: e.event, between: [from, to] },
        actual: first === null ? 'never' : { firstAt: first },
        at: first,
      });
    }
  });
  results.sort((a, b) => a.index - b.index);
  return {
    format: 'itps-report/1',
    notice: REPORT_NOTICE,
    name: s.name,
    seed,
    durationMs: duration,
    startsAt: scenarioStartsAt(s),
    passed: results.every((r) => r.passed) && violations.length === 0,
    expectations: results,
    checks: requirements,
    violations,
    events: log.map((e) => ({ at: e.at, when: formatDuration(e.at), type: e.type })),
    refusals: player.refusals,
    interrogations: player.interrogations,
    refills: player.refills,
    faults: faultSpans(s),
    daily,
    final: {
      belief: beliefObservables(end.pump, end.lifecycle),
      truth: truthObservables(end.pump),
      ...(involvesOtherDrugs(end.pump) ? { drugs: drugObservables(end.pump, end.lifecycle) } : {}),
      ...(end.patient === null && end.pain === undefined
        ? {}
        : {
            patient: {
              ...patientObservables(end.patient?.state ?? null, end.patient?.parameters ?? null),
              ...painObservables(end),
            },
          }),
    },
    series,
  };
}

/** One point of the report's series: the world's one sampler, in the report's human units. */
function seriesPoint(world: WorldState): SeriesPoint {
  const w = sampleWorld(world);
  return {
    at: w.at,
    beliefReservoirMl: nanolitresToMl(w.beliefReservoir),
    truthReservoirMl: nanolitresToMl(w.truthReservoir),
    doseMcgPerDay: picogramsPerDayToMcgPerDay(w.dose),
    deliveredMcg: picogramsToMcg(w.delivered),
    pocketMcg: picogramsToMcg(w.pocket),
    leakedMcg: picogramsToMcg(massOf(world.pump.truth.sinks.leak, world.pump.program.drug)),
    tipConcentrationMcgPerMl: round6(w.tipConcentration),
    programmedConcentrationMcgPerMl: world.pump.program.concentration,
    lowReservoirAlarmMl: nanolitresToMl(world.pump.lowReservoirThreshold),
    alarms: [...w.alarms],
    ...(w.patient === null
      ? {}
      : {
          ashworth: w.patient.ashworth,
          relativeEffect: w.patient.relativeEffect,
          withdrawalStage: WITHDRAWAL_STAGES.indexOf(w.patient.withdrawal),
          overdoseStage: OVERDOSE_STAGES.indexOf(w.patient.overdose),
        }),
    ...painSeriesPoint(world),
  };
}

/** A patient treated for pain in a series point: the pain score, the breathing the bedside counts, the stages' indices. */
function painSeriesPoint(world: WorldState): Partial<SeriesPoint> {
  if (world.pain === undefined) return {};
  const p = painStatus(world.pain);
  return {
    painScore: p.painExact,
    respiratoryRate: bedsideView(world).pain?.respiratoryRatePerMin ?? p.respiratoryRatePerMin,
    sedationStage: SEDATION_STAGES.indexOf(p.sedation),
    respiratoryStage: RESPIRATORY_STAGES.indexOf(p.respiratoryDepression),
  };
}
