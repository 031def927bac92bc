import {
  applyUpdate,
  aspirateReservoir,
  divide,
  EMPTY_DRAFT,
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
  planBridgeBolus,
  primingVolume,
  programmedDoseAt,
  reservoirVolume,
  type SessionEvent,
  type Simulation,
  timeOfDayAt,
  type World,
} from '@itps/core';
import { parseDuration } from './duration.ts';
import type { ScenarioAction } from './scenarioSchema.ts';
import { toProgram } from './toCore.ts';

const ms = (d: string): Milliseconds => (parseDuration(d) ?? 0) as Milliseconds;

/** The event that ends a fault at its `until`, for faults that end. */
export function faultEnd(a: Extract<ScenarioAction, { action: 'fault' }>): PumpEvent | null {
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
export function perform(
  world: World,
  a: ScenarioAction,
  catheterPerCm: Nanolitres,
  confirmed?: Set<string>,
): { code: string; message: string } | null {
  const sim = world.simulation;
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
    case 'session':
      for (const event of sessionEvents(world, a)) {
        const before = world.session.getSnapshot();
        const next = before.context.draft.update.program;
        if (event.type === 'review.confirm' && before.value === 'finish' && next !== undefined)
          confirmed?.add(JSON.stringify(next));
        world.act(event);
      }
      return null;
    case 'link': {
      if (a.distanceCm !== undefined || a.interference !== undefined) {
        const now = world.persist().link.conditions;
        world.setLink({ distanceCm: a.distanceCm ?? now.distanceCm, interference: a.interference ?? now.interference });
      }
      if (a.dropNext !== undefined) world.dropNextMessages(a.dropNext, a.dropAfter ?? 0);
      return null;
    }
    case 'needle': {
      const site: InjectionSite = a.site === 'cap' ? 'catheterAccessPort' : a.site;
      const fluid = fluidAt(mlToNanolitres(a.volumeMl), a.concentrationMcgPerMl as McgPerMl);
      const withdraw = a.withdrawMl === undefined || a.withdrawMl === 'all' ? 'all' : mlToNanolitres(a.withdrawMl);
      const aspirated = aspirateReservoir(pump, withdraw).state;
      const injected = giveInjection(aspirated, site, fluid);
      if (!injected.ok) return injected.refusal;
      world.aspirate(withdraw);
      return world.inject(site, fluid);
    }
  }
}

/** The clinician's events on the programmer for one `session` action (an `edit` is a whole change). */
function sessionEvents(world: World, a: Extract<ScenarioAction, { action: 'session' }>): SessionEvent[] {
  const draft = (): SessionEvent => {
    const concentration = (a.concentrationMcgPerMl ?? world.simulation.pumpState().program.concentration) as McgPerMl;
    const program = toProgram({ mode: 'simple', doseMcgPerDay: a.doseMcgPerDay ?? 0 }, concentration);
    return { type: 'draft.change', draft: { ...EMPTY_DRAFT, update: { program }, bridgeDecision: a.bridge ?? null } };
  };
  const pass = (): SessionEvent[] => {
    const { findings, draft: current } = world.session.getSnapshot().context;
    return [
      ...findings
        .filter((f) => f.severity === 'confirm')
        .map((f): SessionEvent => ({ type: 'finding.confirm', code: f.code })),
      ...(findings.some((f) => f.severity === 'reenter')
        ? [{ type: 'draft.reenter', draft: current } as SessionEvent]
        : []),
    ];
  };
  switch (a.do) {
    case 'connect':
      return [{ type: 'session.connect' }];
    case 'disconnect':
      return [{ type: 'session.disconnect' }];
    case 'doseChange':
      return [{ type: 'workflow.start', workflow: 'doseChange' }];
    case 'draft':
      return [draft()];
    case 'passFindings':
      return pass();
    case 'review':
      return [{ type: 'review.open' }];
    case 'back':
      return [{ type: 'review.back' }];
    case 'confirm':
      return [{ type: 'review.confirm' }];
    case 'cancel':
      return [{ type: 'workflow.cancel' }];
    case 'verify':
      return [{ type: 'session.verify' }];
    case 'retry':
      return [{ type: 'session.retry' }];
    case 'restart':
      return [{ type: 'therapy.restart' }];
    case 'edit': {
      // each step acts before the next is worked out: the findings to pass are the draft's own
      for (const event of [
        { type: 'session.connect' } as SessionEvent,
        { type: 'workflow.start', workflow: 'doseChange' } as SessionEvent,
        draft(),
      ])
        world.act(event);
      for (const event of a.passFindings === true ? pass() : []) world.act(event);
      world.act({ type: 'review.open' });
      return [{ type: 'review.confirm' }];
    }
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
