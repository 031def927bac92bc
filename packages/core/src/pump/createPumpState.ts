import { type Solution, singleDrug } from '../drug/solution.ts';
import { ItpsMisuseError } from '../errors.ts';
import { nextIntInRange, seedRandom } from '../random/seededRandom.ts';
import type { McgPerMl, Milliseconds, Nanolitres } from '../units/quantity.ts';
import { integrateRate } from '../units/rateIntegral.ts';
import { averageProgramRate, batteryDrainPerDay } from './batteryLife.ts';
import { type DeviceProfileId, getDeviceProfile } from './deviceProfile.ts';
import { addFluids, type Batch, EMPTY_FLUID, fluidOf, NO_DRUG_MASSES, wholeBatch } from './fluid.ts';
import type { PumpProgram } from './program.ts';
import { EMPTY_LOG } from './pumpLog.ts';
import type { OpioidHistory, PumpState, TipLocation } from './pumpState.ts';
import { settlePump } from './settlePump.ts';
import { validateProgram } from './validateProgram.ts';

/** How a new simulated pump starts. */
export interface PumpInput {
  readonly profileId: DeviceProfileId;
  /** Seed of every random draw (the accuracy bias). */
  readonly seed: number;
  /** `exact` delivers what is programmed; `nominal` draws a fixed bias inside the profile's range. */
  readonly accuracy: 'exact' | 'nominal';
  /** Time of day at t = 0, ms after midnight. */
  readonly timeOfDayAtStart: Milliseconds;
  readonly program: PumpProgram;
  /** Volume in the reservoir at t = 0, at the program's concentration (both believed and real). */
  readonly reservoirVolume: Nanolitres;
  /** Concentration really in the reservoir; defaults to the program's. */
  readonly actualConcentration?: McgPerMl;
  /**
   * What the reservoir really holds, every drug at its concentration (an admixture); overrides
   * `actualConcentration`. Defaults to the program's solution: its lead drug at `actualConcentration`
   * (the program's when absent) and every admixed drug at the concentration entered.
   */
  readonly actualSolution?: Solution;
  readonly lowReservoirThreshold?: Nanolitres;
  /** Implanted catheter volume (length x volume per cm). */
  readonly catheterVolume: Nanolitres;
  /** Overrides the profile's pump tubing volume. */
  readonly pumpTubingVolume?: Nanolitres;
  /** `reservoir`: tubing and catheter hold the reservoir's drug; `empty`: they hold drug-free fluid. */
  readonly primedWith: 'reservoir' | 'empty';
  /** How long the pump has been implanted at t = 0 (battery wear, at the initial program's flow). */
  readonly ageAtStart: Milliseconds;
  /** Overrides the profile's reservoir dead space (what aspiration cannot withdraw). */
  readonly reservoirDeadSpace?: Nanolitres;
  /** Where the catheter tip lies at t = 0; intrathecal unless said otherwise. */
  readonly tip?: TipLocation;
  /**
   * The patient's name or identifier as entered into the pump at implant (an interrogation reads
   * it back); absent when none was entered.
   */
  readonly patientId?: string;
  /** The patient's opioid history as entered in the pump's patient information; `unknown` when absent. */
  readonly patientOpioidHistory?: OpioidHistory;
}

/** The pump state at t = 0 for an input. Throws on an input the profile cannot run (misuse). */
export function createPumpState(input: PumpInput): PumpState {
  const profile = getDeviceProfile(input.profileId);
  const valid = validateProgram(input.program, profile);
  if (!valid.ok) throw new ItpsMisuseError('createPumpState', valid.refusal.message);
  if (input.reservoirVolume > profile.capacity) {
    throw new ItpsMisuseError('createPumpState', `reservoir volume ${input.reservoirVolume} nL is over capacity`);
  }
  let biasPpm = 0;
  if (input.accuracy === 'nominal') {
    // the bias draws from a stream of its own, so it does not shift the simulation's other draws
    biasPpm = nextIntInRange(
      seedRandom(input.seed ^ 0x5bd1e995),
      profile.nominalBiasPpm.min,
      profile.nominalBiasPpm.max,
    ).value;
  }
  const solution: Solution = input.actualSolution ?? [
    ...singleDrug(input.program.drug, input.actualConcentration ?? input.program.concentration),
    ...(input.program.admixed ?? []),
  ];
  const reservoirFluid = fluidOf(input.reservoirVolume, solution);
  const tubingVolume = input.pumpTubingVolume ?? profile.pumpTubingVolume;
  const batch = (id: number, volume: Nanolitres): Batch =>
    input.primedWith === 'reservoir' ? { id, ...fluidOf(volume, solution) } : { id, volume, masses: NO_DRUG_MASSES };
  const tubing = batch(1, tubingVolume);
  const catheter = batch(2, input.catheterVolume);
  const loaded = addFluids(addFluids(reservoirFluid, tubing), catheter);
  const serialDraw = nextIntInRange(seedRandom(input.seed ^ 0x1b873593), 100_000, 999_999).value;
  // fields in the order every kernel builds a state in, so all states share one shape
  const state: PumpState = {
    profileId: input.profileId,
    serial: `${profile.modelCode}-${serialDraw}`,
    now: 0 as Milliseconds,
    timeOfDayAtStart: input.timeOfDayAtStart,
    program: input.program,
    therapyActive: true,
    lowReservoirThreshold: input.lowReservoirThreshold ?? profile.defaultLowReservoirThreshold,
    catheterVolumeEntered: input.catheterVolume,
    reservoirDeadSpace: input.reservoirDeadSpace ?? profile.reservoirDeadSpace,
    belief: {
      calculatedReservoir: input.reservoirVolume,
      lastRefill: { at: 0 as Milliseconds, volume: input.reservoirVolume },
      carry: 0,
    },
    truth: {
      path: {
        reservoir: { batch: { id: 0, ...reservoirFluid }, drawn: 0 },
        tubing: tubing.volume > 0 ? [wholeBatch(tubing)] : [],
        catheter: catheter.volume > 0 ? [wholeBatch(catheter)] : [],
        catheterProximal: [],
      },
      sinks: {
        csf: EMPTY_FLUID,
        pocket: EMPTY_FLUID,
        epidural: EMPTY_FLUID,
        subdural: EMPTY_FLUID,
        leak: EMPTY_FLUID,
        aspirated: EMPTY_FLUID,
        explanted: EMPTY_FLUID,
      },
      loaded,
      nextBatchId: 3,
      catheter: { tip: input.tip ?? 'intrathecal', occlusionPpm: 0, kink: null, breach: null },
      biasPpm,
      carry: 0,
    },
    battery: batteryAtAge(input),
    bolus: null,
    motor: { stall: null, awaitingInterrogation: false },
    lowBatteryReset: false,
    memoryError: false,
    ptmGiven: [],
    alarms: {
      lowReservoir: { active: false, since: null },
      reservoirEmpty: { active: false, since: null },
      eri: { active: false, since: null },
      eos: { active: false, since: null },
      motorStall: { active: false, since: null },
      lowBatteryReset: { active: false, since: null },
      memoryError: { active: false, since: null },
    },
    log: EMPTY_LOG,
    rng: seedRandom(input.seed),
    eventsProcessed: 0,
  };
  return settlePump(state);
}

function batteryAtAge(input: PumpInput): PumpState['battery'] {
  const profile = getDeviceProfile(input.profileId);
  // past use is assumed at the initial program's average flow
  const rate = averageProgramRate(input.program, profile);
  const drain = integrateRate(batteryDrainPerDay(profile, rate), input.ageAtStart, 0);
  if (drain.amount >= profile.battery.capacity) {
    throw new ItpsMisuseError('createPumpState', 'the pump is older than its battery life at this flow');
  }
  return { drained: drain.amount, carry: drain.carry, eriAt: null, eosAt: null };
}
