import { type Actor, createActor, type Snapshot } from 'xstate';
import type { SpasticityOrigin } from '../drug/drug.ts';
import type { PatientParameters } from '../patient/patientParameters.ts';
import type { PatientState } from '../patient/patientState.ts';
import { type SessionEvent, sessionMachine } from '../programmer/sessionMachine.ts';
import type { PumpInput } from '../pump/createPumpState.ts';
import { EMPTY_FLUID, type Fluid } from '../pump/fluid.ts';
import type { PumpLifecycle } from '../pump/pumpMachine.ts';
import { type PumpBeliefView, pumpBeliefView } from '../pump/pumpStatus.ts';
import type { InjectionSite } from '../pump/reservoirAccess.ts';
import type { Refusal } from '../refusal.ts';
import {
  communicatorLink,
  type LinkConditions,
  type LinkProfile,
  type Transmission,
  transmit,
} from '../telemetry/link.ts';
import type { Milliseconds, Nanolitres } from '../units/quantity.ts';
import { type RandomState, seedRandom } from './seededRandom.ts';
import { createSimulation, type Simulation } from './simulation.ts';

/** How a world starts: the pump, the patient's spasticity origin, and where the communicator is. */
export interface WorldInput {
  readonly pump: PumpInput;
  readonly origin: SpasticityOrigin;
  readonly link?: LinkConditions;
  readonly linkProfile?: LinkProfile;
  /** The patient at the end of the catheter; without one no patient model runs. */
  readonly patient?: PatientParameters;
}

/** The simulated world: the implanted pump, the telemetry link, and the clinician's programmer. */
export interface World {
  readonly simulation: Simulation;
  readonly session: Actor<typeof sessionMachine>;
  /** A clinician's action on the programmer; every message it causes crosses the link before this returns. */
  act(event: SessionEvent): void;
  /** Moves the communicator or changes the interference. */
  setLink(conditions: LinkConditions): void;
  /** Makes `count` messages fail as a dropped link, after `afterDelivered` more get through (fault injection). */
  dropNextMessages(count: number, afterDelivered?: number): void;
  /** What the programmer would read from the pump now (its belief). */
  interrogationAnswer(): PumpBeliefView;
  /** The clinician's syringe at the pump: aspirates and returns what it withdrew (no telemetry). */
  aspirate(volume: Nanolitres | 'all'): Fluid;
  /** The clinician's needle, wherever it really is; refused (nothing injected) if the reservoir would overfill. */
  inject(site: InjectionSite, fluid: Fluid): Refusal | null;
  /** The whole world as plain JSON-serialisable data (format `itps-world/1`), to restore with {@link createWorld}. */
  persist(): WorldSnapshot;
}

/** A saved world: what it was created from, and where every part of it is now. */
export interface WorldSnapshot {
  readonly format: 'itps-world/1';
  readonly input: WorldInput;
  readonly pump: unknown;
  readonly session: unknown;
  /** The patient's state, when the world has a patient. */
  readonly patient?: PatientState | null;
  readonly link: {
    readonly conditions: LinkConditions;
    readonly rng: RandomState;
    readonly forcedDrops: number;
    readonly deliveriesBeforeDrop: number;
    readonly lastActivity: number;
  };
}

/** Whether a value read from storage or a file looks like a saved world this version can restore. */
export function isWorldSnapshot(value: unknown): value is WorldSnapshot {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<WorldSnapshot>;
  return (
    v.format === 'itps-world/1' &&
    typeof v.input === 'object' &&
    v.pump !== undefined &&
    v.session !== undefined &&
    typeof v.link === 'object'
  );
}

/**
 * Creates a world. The programmer session never touches the pump directly: every message goes over
 * the link, which takes its latency in simulated time and may lose it (out of range, interference,
 * an injected drop). The pump answers interrogations with its belief only.
 */
export function createWorld(input: WorldInput, restore?: WorldSnapshot): World {
  const simulation = createSimulation(
    input.pump,
    restore?.pump,
    input.patient === undefined
      ? undefined
      : { parameters: input.patient, ...(restore?.patient ? { state: restore.patient } : {}) },
  );
  const session = (
    restore === undefined
      ? createActor(sessionMachine, { input: { origin: input.origin } })
      : createActor(sessionMachine, { input: { origin: input.origin }, snapshot: restore.session as Snapshot<unknown> })
  ).start();
  const profile = input.linkProfile ?? communicatorLink;
  let conditions: LinkConditions = restore?.link.conditions ?? input.link ?? { distanceCm: 50, interference: 'none' };
  let rng: RandomState = restore?.link.rng ?? seedRandom(input.pump.seed ^ 0x2f6b_a1c3);
  let forcedDrops = restore?.link.forcedDrops ?? 0;
  let deliveriesBeforeDrop = restore?.link.deliveriesBeforeDrop ?? 0;
  let lastActivity = restore?.link.lastActivity ?? simulation.now();

  const answer = () => pumpBeliefView(simulation.pumpState(), simulation.lifecycle() as PumpLifecycle);
  const carry = (): Transmission => {
    let t: Transmission;
    if (forcedDrops > 0 && deliveriesBeforeDrop > 0) {
      deliveriesBeforeDrop -= 1;
      t = transmit(conditions, profile, rng);
    } else if (forcedDrops > 0) {
      forcedDrops -= 1;
      t = { delivered: false, failure: 'dropped', latencyMs: profile.latencyMs, rng };
    } else {
      t = transmit(conditions, profile, rng);
    }
    rng = t.rng;
    simulation.advanceTo((simulation.now() + t.latencyMs) as Milliseconds);
    return t;
  };
  const drain = () => {
    for (let step = 0; step < 64; step += 1) {
      const snapshot = session.getSnapshot();
      const state = snapshot.value;
      if (state === 'connecting') {
        const t = carry();
        session.send(t.delivered ? { type: 'link.up' } : { type: 'link.down', failure: t.failure });
      } else if (state === 'interrogating' || state === 'verifying') {
        const t = carry();
        if (!t.delivered) {
          session.send({ type: 'link.down', failure: t.failure });
          continue;
        }
        simulation.send({ type: 'telemetry.interrogate' });
        session.send({ type: 'telemetry.report', view: answer() });
      } else if (state === 'sending') {
        const message = snapshot.context.plan[snapshot.context.sent];
        if (message === undefined) return;
        const t = carry();
        if (!t.delivered) {
          session.send({ type: 'link.down', failure: t.failure });
          continue;
        }
        const before = simulation.pump.getSnapshot().context.lastRefusal;
        simulation.send(message);
        const refusal = simulation.pump.getSnapshot().context.lastRefusal;
        // a repeated session start or an abort with nothing open changes nothing: not a refusal to report
        const benign = refusal?.code === 'pump.updateInProgress' || refusal?.code === 'pump.notUpdating';
        if (refusal !== null && refusal !== before && !benign) session.send({ type: 'message.refused', refusal });
        else session.send({ type: 'message.delivered' });
      } else {
        return;
      }
    }
  };
  return {
    simulation,
    session,
    act(event) {
      const idle = simulation.now() - lastActivity > profile.idleTimeoutMs;
      const open = !['disconnected', 'connecting'].includes(String(session.getSnapshot().value));
      if (idle && open && event.type !== 'session.connect') {
        session.send({ type: 'link.down', failure: 'idleTimeout' });
      }
      session.send(event);
      lastActivity = simulation.now();
      drain();
      lastActivity = simulation.now();
    },
    setLink(next) {
      conditions = next;
    },
    dropNextMessages(count, afterDelivered = 0) {
      forcedDrops = count;
      deliveriesBeforeDrop = afterDelivered;
    },
    interrogationAnswer: answer,
    aspirate(volume) {
      simulation.send({ type: 'reservoir.aspirate', volume });
      return simulation.pump.getSnapshot().context.lastWithdrawn ?? EMPTY_FLUID;
    },
    persist: () => ({
      format: 'itps-world/1',
      input,
      pump: simulation.persist(),
      session: session.getPersistedSnapshot(),
      patient: simulation.patient(),
      link: { conditions, rng, forcedDrops, deliveriesBeforeDrop, lastActivity },
    }),
    inject(site, fluid) {
      const before = simulation.pump.getSnapshot().context.lastRefusal;
      simulation.send({ type: 'injection.give', site, fluid });
      const after = simulation.pump.getSnapshot().context.lastRefusal;
      return after !== null && after !== before ? after : null;
    },
  };
}
