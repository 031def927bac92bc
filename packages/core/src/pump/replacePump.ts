import { nextIntInRange, type RandomState } from '../random/seededRandom.ts';
import { ok, type Result, refuse } from '../refusal.ts';
import { nanolitresToMl } from '../units/conversions.ts';
import type { Milliseconds, Nanolitres } from '../units/quantity.ts';
import { endCatheterFault } from './catheterFaults.ts';
import { isEndOfService } from './deliveryRate.ts';
import { type DeviceProfileId, getDeviceProfile } from './deviceProfile.ts';
import { addToSink } from './flowThroughPath.ts';
import { addFluids, type Batch, EMPTY_FLUID, type Fluid, wholeBatch } from './fluid.ts';
import { plugFlowContents } from './plugFlow.ts';
import type { PumpProgram } from './program.ts';
import { appendLog } from './pumpLog.ts';
import type { AlarmStatus, PumpLogEntry, PumpState } from './pumpState.ts';
import { drawFromReservoir, reservoirContents } from './reservoir.ts';
import { settlePump } from './settlePump.ts';
import { validateProgram } from './validateProgram.ts';

/** The new pump as the surgical team prepared it on the table, before it is connected. */
export interface PreparedPump {
  /** What was injected into its reservoir (its only contents: a new pump's reservoir starts empty). */
  readonly fill: Fluid;
  /** The program entered into it. */
  readonly program: PumpProgram;
  /** The implanted catheter volume entered as its catheter data. */
  readonly catheterVolumeEntered: Nanolitres;
  /** Its low-reservoir alarm; the profile's default when absent. */
  readonly lowReservoirThreshold?: Nanolitres;
  /**
   * Its tubing primed on the table before the catheter is connected (a priming bolus of the pump
   * tubing only): the tubing holds the fill's drug and the reservoir counts that much less; the
   * tubing's sterile water went into the surgical field and never into the patient.
   */
  readonly tubingPrimed?: boolean;
}

/** A pump replacement: the new pump, and what becomes of the catheter. */
export interface PumpReplacement {
  /** The new pump's model. */
  readonly profileId: DeviceProfileId;
  /**
   * `kept`: the new pump is connected to the implanted catheter, whose contents (the old drug at the
   * old concentration) and condition carry over as they are. `new`: a new catheter, holding spinal
   * fluid (no drug), replaces it; the old one leaves the body with the old pump.
   */
  readonly catheter: 'kept' | 'new';
  /** The new catheter's implanted volume (length x volume per cm); required with `catheter: 'new'`. */
  readonly newCatheterVolume?: Nanolitres;
  /** Overrides the new profile's pump tubing volume. */
  readonly pumpTubingVolume?: Nanolitres;
  /** Overrides the new profile's reservoir dead space. */
  readonly reservoirDeadSpace?: Nanolitres;
  /**
   * Filled and programmed before it is connected; absent: a blank pump (empty reservoir, therapy
   * stopped, no catheter data) for the clinician to fill and program at the programmer.
   */
  readonly prepared?: PreparedPump;
}

/**
 * Why a pump may be replaced now: at its elective replacement indicator or end of service, or early
 * for a fault only a new pump cures (a memory error, a motor stall the pump senses). Null when none
 * applies: a clinic does not explant a working pump with battery left on a whim.
 */
export function replacementCause(pump: PumpState): 'eri' | 'eos' | 'memoryError' | 'motorStall' | null {
  if (pump.memoryError) return 'memoryError';
  if (isEndOfService(pump)) return 'eos';
  if (pump.battery.eriAt !== null && pump.now >= pump.battery.eriAt) return 'eri';
  if (pump.motor.stall !== null) return 'motorStall';
  return null;
}

/** What leaves the body at a replacement: the old pump's reservoir and tubing, and the old catheter when it is changed. */
export function explantedContents(old: PumpState, catheter: 'kept' | 'new'): Fluid {
  const { path } = old.truth;
  const pump = addFluids(reservoirContents(path.reservoir), plugFlowContents(path.tubing));
  if (catheter === 'kept') return pump;
  return addFluids(pump, addFluids(plugFlowContents(path.catheter), plugFlowContents(path.catheterProximal)));
}

/** The kept catheter not yet on the new pump's connector: a disconnection at the pump. */
const TABLE = { kind: 'disconnect', atVolume: 0 as Nanolitres, escapePpm: 1_000_000 } as const;

/**
 * The surgeon connects the kept catheter to the new pump; refused when nothing is disconnected at
 * the pump. The catheter's contents are as they were: the new pump now pushes them to the tip.
 */
export function connectCatheter(pump: PumpState): Result<PumpState> {
  const breach = pump.truth.catheter.breach;
  if (breach === null || breach.kind !== 'disconnect')
    return refuse('replacement.connected', 'The catheter is already connected to the pump.');
  return ok(endCatheterFault(pump, 'disconnect'));
}

const SILENT: AlarmStatus = { active: false, since: null };

/** A batch of drug-free fluid: sterile water in a new pump's tubing, spinal fluid in a new catheter. */
const drugFree = (id: number, volume: Nanolitres): Batch => ({ id, ...EMPTY_FLUID, volume });

/** A serial number for the new pump, drawn from the pump's seeded stream, never the old one's. */
function newSerial(modelCode: string, old: string, rng: RandomState): { serial: string; rng: RandomState } {
  let state = rng;
  for (;;) {
    const draw = nextIntInRange(state, 100_000, 999_999);
    state = draw.state;
    const serial = `${modelCode}-${draw.value}`;
    if (serial !== old) return { serial, rng: state };
  }
}

/**
 * Replaces the implanted pump at the state's instant, or refuses with nothing changed. The old
 * pump's reservoir and tubing contents (and, with a new catheter, the old catheter's) go to the
 * `explanted` sink, exactly; the new pump has a new serial and a new battery (age 0), its own tubing
 * full of sterile water, and either the blank set-up (empty reservoir, therapy stopped at the old
 * pump's drug and concentration, no catheter data) or what the team prepared. A kept catheter
 * carries over as it is, contents and faults alike: the old drug reaches the tip first. The log
 * goes on with `pump.replaced` (entries before it are the explanted pump's).
 */
export function replacePump(old: PumpState, replacement: PumpReplacement): Result<PumpState> {
  if (replacementCause(old) === null)
    return refuse(
      'replacement.notDue',
      'The pump is not at its elective replacement indicator or end of service and has no fault a new pump would cure (memory error, motor stall): it is not replaced.',
    );
  const profile = getDeviceProfile(replacement.profileId);
  const keep = replacement.catheter === 'kept';
  const catheterVolume = replacement.newCatheterVolume ?? (0 as Nanolitres);
  if (!keep && (!Number.isSafeInteger(catheterVolume) || catheterVolume <= 0))
    return refuse(
      'replacement.noCatheterVolume',
      'A new catheter needs its implanted volume (length times volume per cm) to be connected.',
    );
  const prepared = replacement.prepared;
  if (prepared !== undefined) {
    if (prepared.fill.volume > profile.capacity)
      return refuse(
        'replacement.fillOverCapacity',
        `${nanolitresToMl(prepared.fill.volume)} mL does not fit in the new pump's ${nanolitresToMl(profile.capacity)} mL reservoir.`,
      );
    const valid = validateProgram(prepared.program, profile);
    if (!valid.ok) return valid;
  }
  const { path } = old.truth;
  const out = explantedContents(old, replacement.catheter);
  let id = old.truth.nextBatchId;
  const reservoirBatch: Batch = { id, ...(prepared?.fill ?? EMPTY_FLUID) };
  id += 1;
  const tubingVolume = replacement.pumpTubingVolume ?? profile.pumpTubingVolume;
  const primed = prepared?.tubingPrimed === true;
  if (primed && (prepared?.fill.volume ?? 0) < tubingVolume)
    return refuse(
      'replacement.fillOverCapacity',
      `The fill (${nanolitresToMl(prepared?.fill.volume ?? (0 as Nanolitres))} mL) cannot prime the new pump's ${nanolitresToMl(tubingVolume)} mL tubing.`,
    );
  // the tubing: sterile water from the factory, or the fill's own drug when it was primed on the table
  const water = drugFree(id, tubingVolume);
  id += 1;
  const drawn = drawFromReservoir({ batch: reservoirBatch, drawn: 0 }, primed ? tubingVolume : 0);
  const tubing = primed ? [drawn.portion] : tubingVolume > 0 ? [wholeBatch(water)] : [];
  let loaded = addFluids(old.truth.loaded, prepared?.fill ?? EMPTY_FLUID);
  if (!primed) loaded = addFluids(loaded, water);
  let catheter = path.catheter;
  let proximal = path.catheterProximal;
  if (!keep) {
    const fresh = drugFree(id, catheterVolume);
    id += 1;
    catheter = [wholeBatch(fresh)];
    proximal = [];
    loaded = addFluids(loaded, fresh);
  }
  const { serial, rng: afterSerial } = newSerial(profile.modelCode, old.serial, old.rng);
  let rng = afterSerial;
  let biasPpm = 0;
  if (old.truth.biasPpm !== 0) {
    // a pump of nominal accuracy is replaced by one with a bias of its own
    const draw = nextIntInRange(rng, profile.nominalBiasPpm.min, profile.nominalBiasPpm.max);
    biasPpm = draw.value;
    rng = draw.state;
  }
  const now = old.now;
  const entries: PumpLogEntry[] = [{ at: now, type: 'pump.replaced' }];
  if (prepared !== undefined)
    entries.push(
      { at: now, type: 'catheter.recorded' },
      { at: now, type: 'program.committed' },
      { at: now, type: 'refill.recorded' },
    );
  const calculated = ((prepared?.fill.volume ?? 0) - (primed ? tubingVolume : 0)) as Nanolitres;
  // a blank pump on a kept catheter is not connected yet: what it pushes goes into the open pocket
  // until the surgeon connects the catheter (`connectCatheter`); a catheter already breached is
  // connected at once, as it is
  const onTable = keep && prepared === undefined && old.truth.catheter.breach === null;
  const condition = keep
    ? onTable
      ? { ...old.truth.catheter, breach: { ...TABLE, passed: 0, escaped: 0 } }
      : old.truth.catheter
    : { tip: 'intrathecal' as const, occlusionPpm: 0, kink: null, breach: null };
  const state: PumpState = {
    profileId: replacement.profileId,
    serial,
    now,
    timeOfDayAtStart: old.timeOfDayAtStart,
    program: prepared?.program ?? { ...old.program, therapy: { mode: 'stopped' } },
    therapyActive: true,
    lowReservoirThreshold: prepared?.lowReservoirThreshold ?? profile.defaultLowReservoirThreshold,
    catheterVolumeEntered: prepared?.catheterVolumeEntered ?? (0 as Nanolitres),
    reservoirDeadSpace: replacement.reservoirDeadSpace ?? profile.reservoirDeadSpace,
    belief: {
      calculatedReservoir: calculated,
      lastRefill: prepared === undefined ? null : { at: now as Milliseconds, volume: calculated },
      carry: 0,
    },
    truth: {
      path: {
        reservoir: drawn.reservoir,
        tubing,
        catheter,
        catheterProximal: proximal,
      },
      sinks: addToSink(old.truth.sinks, 'explanted', out),
      loaded,
      nextBatchId: id,
      catheter: condition,
      biasPpm,
      carry: 0,
    },
    battery: { drained: 0, carry: 0, eriAt: null, eosAt: null },
    bolus: null,
    motor: { stall: null, awaitingInterrogation: false },
    lowBatteryReset: false,
    memoryError: false,
    alarms: {
      lowReservoir: SILENT,
      reservoirEmpty: SILENT,
      eri: SILENT,
      eos: SILENT,
      motorStall: SILENT,
      lowBatteryReset: SILENT,
      memoryError: SILENT,
    },
    log: appendLog(old.log, entries),
    rng,
    eventsProcessed: old.eventsProcessed,
  };
  return ok(settlePump(state));
}
