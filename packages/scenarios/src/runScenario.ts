import {
  checkPumpState,
  createSimulation,
  implantedCatheterVolume,
  type Milliseconds,
  mlToNanolitres,
  type PumpInput,
  type PumpLifecycle,
  pumpBeliefView,
  reservoirVolume,
  type Simulation,
  type Violation,
} from '@itps/core';
import { parseDuration, parseTimeOfDay } from './duration.ts';
import { beliefObservables, meets, truthObservables } from './observe.ts';
import { type ExpectationResult, REPORT_NOTICE, type ScenarioReport, type SeriesPoint } from './report.ts';
import { catheterVolumePerCm, createScenarioPlayer } from './scenarioPlayer.ts';
import type { ScenarioFile } from './scenarioSchema.ts';
import { toProgram } from './toCore.ts';

const ms = (d: string): Milliseconds => (parseDuration(d) ?? 0) as Milliseconds;

const SERIES_POINTS = 400;

/** The pump a scenario describes, as the core's input. */
export function scenarioPumpInput(s: ScenarioFile, seed: number): PumpInput {
  const perCm = catheterVolumePerCm(s);
  return {
    profileId: s.pump.model,
    seed,
    accuracy: s.pump.accuracy ?? 'exact',
    timeOfDayAtStart: (parseTimeOfDay(s.startsAt ?? '00:00') ?? 0) as Milliseconds,
    program: toProgram(s.pump.therapy, s.pump.reservoir.concentrationMcgPerMl),
    reservoirVolume: mlToNanolitres(s.pump.reservoir.volumeMl),
    catheterVolume: implantedCatheterVolume(s.pump.catheter.implantedLengthCm, perCm),
    primedWith: s.pump.catheter.primedWith ?? 'reservoir',
    ageAtStart: ms(s.pump.ageAtStart ?? 'P0D'),
    ...(s.pump.lowReservoirAlarmMl === undefined
      ? {}
      : { lowReservoirThreshold: mlToNanolitres(s.pump.lowReservoirAlarmMl) }),
    ...(s.pump.pumpTubingVolumeMl === undefined ? {} : { pumpTubingVolume: mlToNanolitres(s.pump.pumpTubingVolumeMl) }),
    ...(s.pump.reservoirDeadSpaceMl === undefined
      ? {}
      : { reservoirDeadSpace: mlToNanolitres(s.pump.reservoirDeadSpaceMl) }),
    ...(s.pump.catheter.tip === undefined ? {} : { tip: s.pump.catheter.tip }),
  };
}

/** The simulation for a scenario's pump at t = 0. */
export const createScenarioSimulation = (s: ScenarioFile, seed: number): Simulation =>
  createSimulation(scenarioPumpInput(s, seed));

/**
 * Runs a validated scenario and reports on it. Pure and deterministic: the same scenario and seed
 * give the same report, byte for byte once serialised. Every action happens whole at its instant
 * (actions at the same instant in file order); point expectations are checked after the actions
 * of their instant; event expectations against the pump's log at the end. The invariants of the
 * requirements under `checks` are judged after every step and sample; the first violation of each
 * is reported and fails the run.
 */
export function runScenario(s: ScenarioFile, options: { readonly seed?: number } = {}): ScenarioReport {
  const seed = options.seed ?? s.seed ?? 1;
  const sim = createScenarioSimulation(s, seed);
  const violations: Violation[] = [];
  const seen = new Set<string>();
  const check = () => {
    for (const v of checkPumpState(sim.pumpState(), s.checks ?? [])) {
      if (seen.has(v.requirement)) continue;
      seen.add(v.requirement);
      violations.push(v);
    }
  };
  const player = createScenarioPlayer(s, sim, { afterStep: check });
  const duration = ms(s.duration);
  const results: ExpectationResult[] = [];
  const checks: { at: Milliseconds; index: number; that: Record<string, unknown> }[] = [];
  (s.expect ?? []).forEach((e, index) => {
    if ('that' in e) checks.push({ at: ms(e.at), index, that: e.that });
  });
  const sampleEvery = Math.max(1, Math.floor(duration / SERIES_POINTS));
  const samples = new Set<number>();
  for (let t = 0; t <= duration; t += sampleEvery) samples.add(t);
  const instants = [...new Set([...samples, ...checks.map((c) => c.at), duration])].sort((a, b) => a - b);
  const series: SeriesPoint[] = [];
  for (const t of instants) {
    player.advanceTo(t as Milliseconds);
    check();
    if (samples.has(t)) series.push(sample(sim));
    for (const check of checks.filter((c) => c.at === t)) {
      const observed = { ...beliefObservables(sim.pumpState(), sim.lifecycle()), ...truthObservables(sim.pumpState()) };
      const actual: Record<string, unknown> = {};
      let passed = true;
      for (const [key, expected] of Object.entries(check.that)) {
        actual[key] = observed[key];
        if (!meets(expected, observed[key])) passed = false;
      }
      results.push({ index: check.index, passed, expected: check.that, actual, at: t });
    }
  }
  const log = sim.pumpState().log;
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
      const [from, to] = [ms(e.between[0]), ms(e.between[1])];
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
    passed: results.every((r) => r.passed) && violations.length === 0,
    expectations: results,
    violations,
    events: log.map((e) => ({ at: e.at, type: e.type })),
    refusals: player.refusals,
    interrogations: player.interrogations,
    final: { belief: beliefObservables(sim.pumpState(), sim.lifecycle()), truth: truthObservables(sim.pumpState()) },
    series,
  };
}

function sample(sim: Simulation): SeriesPoint {
  const pump = sim.pumpState();
  const belief = pumpBeliefView(pump, sim.lifecycle() as PumpLifecycle);
  return {
    at: pump.now,
    beliefReservoirMl: belief.calculatedReservoir / 1_000_000,
    truthReservoirMl: reservoirVolume(pump.truth.path.reservoir) / 1_000_000,
    doseMcgPerDay: belief.state === 'running' ? belief.dose / 1_000_000 : 0,
    deliveredMcg: pump.truth.sinks.csf.mass / 1_000_000,
    pocketMcg: pump.truth.sinks.pocket.mass / 1_000_000,
    alarms: Object.entries(belief.alarms)
      .filter(([, on]) => on)
      .map(([name]) => name),
  };
}
