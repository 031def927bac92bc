import {
  applyUpdate,
  aspirateReservoir,
  createSimulation,
  divide,
  fluidAt,
  getDeviceProfile,
  giveInjection,
  type InjectionSite,
  implantedCatheterVolume,
  type McgPerMl,
  type Milliseconds,
  MS_PER_DAY,
  mcgToPicograms,
  mlToNanolitres,
  type Nanolitres,
  type PumpEvent,
  type PumpLifecycle,
  planBridgeBolus,
  primingVolume,
  programmedDoseAt,
  pumpBeliefView,
  reservoirVolume,
  type Simulation,
  timeOfDayAt,
} from '@itps/core';
import { parseDuration, parseTimeOfDay } from './duration.ts';
import { beliefObservables, meets, truthObservables } from './observe.ts';
import { type ExpectationResult, REPORT_NOTICE, type ScenarioReport, type SeriesPoint } from './report.ts';
import type { ScenarioAction, ScenarioFile } from './scenarioSchema.ts';
import { toProgram } from './toCore.ts';

const ms = (d: string): Milliseconds => (parseDuration(d) ?? 0) as Milliseconds;

type Step =
  | { readonly at: Milliseconds; readonly order: 0; readonly kind: 'faultEnd'; readonly event: PumpEvent }
  | {
      readonly at: Milliseconds;
      readonly order: 1;
      readonly kind: 'action';
      readonly index: number;
      readonly action: ScenarioAction;
    }
  | {
      readonly at: Milliseconds;
      readonly order: 2;
      readonly kind: 'check';
      readonly index: number;
      readonly that: Record<string, unknown>;
    };

const SERIES_POINTS = 400;

/** The scenario's catheter volume per cm: its own, or the profile's default. */
const catheterVolumePerCm = (s: ScenarioFile): Nanolitres =>
  s.pump.catheter.volumeMlPerCm === undefined
    ? getDeviceProfile(s.pump.model).catheterVolumePerCm
    : mlToNanolitres(s.pump.catheter.volumeMlPerCm);

/** The simulation for a scenario's pump at t = 0. */
export function createScenarioSimulation(s: ScenarioFile, seed: number): Simulation {
  const perCm = catheterVolumePerCm(s);
  return createSimulation({
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
  });
}

/**
 * Runs a validated scenario and reports on it. Pure and deterministic: the same scenario and seed
 * give the same report, byte for byte once serialised. Every action happens whole at its instant
 * (actions at the same instant in file order); point expectations are checked after the actions
 * of their instant; event expectations against the pump's log at the end.
 */
export function runScenario(s: ScenarioFile, options: { readonly seed?: number } = {}): ScenarioReport {
  const seed = options.seed ?? s.seed ?? 1;
  const sim = createScenarioSimulation(s, seed);
  const catheterPerCm = catheterVolumePerCm(s);
  const duration = ms(s.duration);
  const steps: Step[] = [];
  const refusals: { at: number; action: number; code: string; message: string }[] = [];
  const interrogations: { at: number; belief: Record<string, unknown> }[] = [];
  const results: ExpectationResult[] = [];
  (s.timeline ?? []).forEach((action, index) => {
    steps.push({ at: ms(action.at), order: 1, kind: 'action', index, action });
    if (action.action === 'fault' && action.until !== undefined) {
      const end = faultEnd(action);
      if (end !== null) steps.push({ at: ms(action.until), order: 0, kind: 'faultEnd', event: end });
    }
  });
  (s.expect ?? []).forEach((e, index) => {
    if ('that' in e) steps.push({ at: ms(e.at), order: 2, kind: 'check', index, that: e.that });
  });
  steps.sort((a, b) => a.at - b.at || a.order - b.order || ('index' in a && 'index' in b ? a.index - b.index : 0));

  const series: SeriesPoint[] = [];
  const sampleEvery = Math.max(1, Math.floor(duration / SERIES_POINTS));
  let nextSample = 0;
  const advance = (to: Milliseconds) => {
    while (nextSample <= to) {
      sim.advanceTo(nextSample as Milliseconds);
      series.push(sample(sim));
      nextSample += sampleEvery;
    }
    sim.advanceTo(to);
  };

  for (const step of steps) {
    advance(step.at);
    if (step.kind === 'faultEnd') sim.send(step.event);
    else if (step.kind === 'action') {
      const refusal = perform(sim, step.action, catheterPerCm);
      if (refusal !== null) refusals.push({ at: step.at, action: step.index, ...refusal });
      if (step.action.action === 'interrogate') {
        sim.send({ type: 'telemetry.interrogate' });
        interrogations.push({ at: step.at, belief: beliefObservables(sim.pumpState(), sim.lifecycle()) });
      }
    } else {
      const observed = { ...beliefObservables(sim.pumpState(), sim.lifecycle()), ...truthObservables(sim.pumpState()) };
      const actual: Record<string, unknown> = {};
      let passed = true;
      for (const [key, expected] of Object.entries(step.that)) {
        actual[key] = observed[key];
        if (!meets(expected, observed[key])) passed = false;
      }
      results.push({ index: step.index, passed, expected: step.that, actual, at: step.at });
    }
  }
  advance(duration);
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
    passed: results.every((r) => r.passed),
    expectations: results,
    events: log.map((e) => ({ at: e.at, type: e.type })),
    refusals,
    interrogations,
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

function faultEnd(a: Extract<ScenarioAction, { action: 'fault' }>): PumpEvent | null {
  switch (a.kind) {
    case 'catheterOcclusion':
      return { type: 'fault.catheter.end', kind: 'occlusion' };
    case 'catheterKink':
      return { type: 'fault.catheter.end', kind: 'kink' };
    case 'catheterDisconnect':
      return { type: 'fault.catheter.end', kind: 'disconnect' };
    case 'catheterLeak':
      return { type: 'fault.catheter.end', kind: (a.escapePercent ?? 100) >= 100 ? 'fracture' : 'leak' };
    case 'tipMigration':
      return { type: 'fault.catheter.end', kind: 'tipMigration' };
    default:
      return null;
  }
}

const lastRefusal = (sim: Simulation) => sim.pump.getSnapshot().context.lastRefusal;

/** Performs one action whole; returns why it was refused (nothing applied), or null. */
function perform(
  sim: Simulation,
  a: ScenarioAction,
  catheterPerCm: Nanolitres,
): { code: string; message: string } | null {
  const pump = sim.pumpState();
  const profile = getDeviceProfile(pump.profileId);
  switch (a.action) {
    case 'refill': {
      const site: InjectionSite =
        a.needle === 'pocket' ? 'pocket' : a.needle === 'cap' ? 'catheterAccessPort' : 'reservoir';
      const withdraw = a.withdrawMl === undefined || a.withdrawMl === 'all' ? 'all' : mlToNanolitres(a.withdrawMl);
      const fluid = fluidAt(mlToNanolitres(a.volumeMl), a.concentrationMcgPerMl as McgPerMl);
      // check the whole visit on the pump's state first: a refused visit changes nothing
      const aspirated = aspirateReservoir(pump, withdraw).state;
      const injected = giveInjection(aspirated, site, fluid);
      if (!injected.ok) return injected.refusal;
      const left = reservoirVolume(aspirated.truth.path.reservoir);
      const enteredVolume =
        a.entered === undefined ? ((left + fluid.volume) as Nanolitres) : mlToNanolitres(a.entered.volumeMl);
      const enteredConcentration = (a.entered?.concentrationMcgPerMl ?? a.concentrationMcgPerMl) as McgPerMl;
      const changes = enteredConcentration !== pump.program.concentration;
      const update = {
        calculatedReservoir: enteredVolume,
        ...(changes ? { program: { ...pump.program, concentration: enteredConcentration } } : {}),
      };
      const recorded = applyUpdate(injected.value, update);
      if (!recorded.ok) return recorded.refusal;
      sim.send({ type: 'update.begin' });
      sim.send({ type: 'reservoir.aspirate', volume: withdraw });
      sim.send({ type: 'injection.give', site, fluid });
      sim.send({ type: 'update.commit', update });
      if (changes && a.bridgeBolus === true) {
        const dose = programmedDoseAt(pump.program, timeOfDayAt(pump.now, pump.timeOfDayAtStart));
        const plan = planBridgeBolus({
          deadVolume: (profile.pumpTubingVolume + pump.catheterVolumeEntered) as Nanolitres,
          dose,
          oldConcentration: pump.program.concentration,
        });
        if (!plan.ok) return plan.refusal;
        sim.send({ type: 'bolus.start', bolus: plan.value });
        return lastRefusal(sim);
      }
      return null;
    }
    case 'program': {
      const program = toProgram(a.therapy, pump.program.concentration);
      const interrupt = a.interrupt ?? 'none';
      if (interrupt === 'beforeSend') return null;
      sim.send({ type: 'update.begin' });
      if (interrupt === 'afterSend') return null;
      sim.send({ type: 'update.commit', update: { program } });
      const refused = lastRefusal(sim);
      if (refused !== null) sim.send({ type: 'update.abort' });
      return refused;
    }
    case 'bolus': {
      let volume: Nanolitres;
      let durationMs: number;
      if (a.kind === 'priming' && a.doseMcg === undefined && a.volumeMl === undefined) {
        volume = primingVolume(profile.pumpTubingVolume, pump.catheterVolumeEntered);
      } else {
        volume =
          a.volumeMl !== undefined
            ? mlToNanolitres(a.volumeMl)
            : (divide(mcgToPicograms(a.doseMcg ?? 0), pump.program.concentration, 'nearest') as Nanolitres);
      }
      if (a.duration !== undefined) durationMs = ms(a.duration);
      else durationMs = divide(volume * MS_PER_DAY, profile.maxRate, 'ceil');
      sim.send({ type: 'bolus.start', bolus: { kind: a.kind, volume, durationMs } });
      return lastRefusal(sim);
    }
    case 'setLowReservoirAlarm': {
      const threshold = mlToNanolitres(a.volumeMl);
      const checked = applyUpdate(pump, { lowReservoirThreshold: threshold });
      if (!checked.ok) return checked.refusal;
      sim.send({ type: 'update.begin' });
      sim.send({ type: 'update.commit', update: { lowReservoirThreshold: threshold } });
      return null;
    }
    case 'fault':
      return fault(sim, a, catheterPerCm);
    case 'mri':
      sim.send({
        type: 'mri.scan',
        scan: {
          durationMs: ms(a.duration),
          fieldMilliTesla: Math.round(a.fieldT * 1000),
          recoveryDelayMs: a.recoveryDelay === undefined ? 'drawn' : ms(a.recoveryDelay),
        },
      });
      return null;
    case 'interrogate':
      return null;
  }
}

function fault(
  sim: Simulation,
  a: Extract<ScenarioAction, { action: 'fault' }>,
  catheterPerCm: Nanolitres,
): { code: string; message: string } | null {
  const pump = sim.pumpState();
  const send = (event: PumpEvent) => {
    sim.send(event);
    return null;
  };
  switch (a.kind) {
    case 'catheterOcclusion':
      return send({
        type: 'fault.catheter.start',
        fault: { kind: 'occlusion', blockedPpm: Math.round((a.blockedPercent ?? 100) * 10_000) },
      });
    case 'catheterKink': {
      const periodMs = ms(a.period ?? 'PT6H');
      return send({
        type: 'fault.catheter.start',
        fault: { kind: 'kink', periodMs, kinkedMs: Math.round((periodMs * (a.kinkedPercent ?? 50)) / 100) },
      });
    }
    case 'catheterDisconnect':
      return send({ type: 'fault.catheter.start', fault: { kind: 'disconnect' } });
    case 'catheterLeak': {
      const atVolume = Math.min(
        implantedCatheterVolume(a.atCm ?? 0, catheterPerCm),
        pump.catheterVolumeEntered,
      ) as Nanolitres;
      const escaping = a.escapePercent ?? 100;
      return send({
        type: 'fault.catheter.start',
        fault:
          escaping >= 100
            ? { kind: 'fracture', atVolume }
            : { kind: 'leak', atVolume, escapePpm: Math.round(escaping * 10_000) },
      });
    }
    case 'tipMigration':
      return send({ type: 'fault.catheter.start', fault: { kind: 'tipMigration', tip: a.tip ?? 'subdural' } });
    case 'motorStall':
      return send({ type: 'fault.motorStall', recoversAt: a.until === undefined ? null : ms(a.until) });
    case 'lowBatteryReset':
      return send({ type: 'fault.lowBatteryReset' });
    case 'memoryError':
      return send({ type: 'fault.memoryError' });
  }
}
