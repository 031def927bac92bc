import { type Actor, createActor, type Snapshot } from 'xstate';
import type { DrugId } from '../drug/drug.ts';
import { ItpsMisuseError } from '../errors.ts';
import { advancePatient } from '../patient/advancePatient.ts';
import {
  advancePainPatient,
  createPainPatient,
  givePainDose,
  type PainParameters,
  type PainPatient,
} from '../patient/painPatient.ts';
import { createDrugStep } from '../patient/patientDynamics.ts';
import type { PatientParameters } from '../patient/patientParameters.ts';
import { createPatientState, type PatientState, type ReceivedDrug } from '../patient/patientState.ts';
import { advancePump, advancePumpObserved } from '../pump/advancePump.ts';
import type { PumpInput } from '../pump/createPumpState.ts';
import { dailyTotal } from '../pump/dailyTotal.ts';
import { sinkOfTip } from '../pump/flowThroughPath.ts';
import { massOf } from '../pump/fluid.ts';
import { nextDueInstant } from '../pump/nextDueTime.ts';
import { type PumpEvent, type PumpLifecycle, pumpMachine } from '../pump/pumpMachine.ts';
import type { PumpState } from '../pump/pumpState.ts';
import { pumpBeliefView } from '../pump/pumpStatus.ts';
import { timeToTipConcentrationChange } from '../pump/tipConcentrationChange.ts';
import type { Refusal } from '../refusal.ts';
import { picogramsPerDayToMcgPerDay } from '../units/conversions.ts';
import type { Milliseconds, Picograms } from '../units/quantity.ts';
import { observedPainIntake, painIntakeFrom, startingDailyDoseMcg } from './painIntake.ts';

/** A running simulated world: for now, one implanted pump on virtual time. */
export interface Simulation {
  /** The pump actor; send it events, read its snapshot. */
  readonly pump: Actor<typeof pumpMachine>;
  /** Simulated time now (ms since the scenario start). */
  now(): Milliseconds;
  /** The pump's state now. */
  pumpState(): PumpState;
  /** The pump's lifecycle state now. */
  lifecycle(): PumpLifecycle;
  /** Moves simulated time forward to `to`, processing every event on the way. */
  advanceTo(to: Milliseconds): void;
  /** The next instant at which something happens by itself, or null if nothing ever will. */
  nextEventTime(): Milliseconds | null;
  /** Jumps to the next event (or to `limit`, whichever is first); returns the new time. */
  stepToNextEvent(limit: Milliseconds): Milliseconds;
  /** Sends an event to the pump at the current instant. */
  send(event: PumpEvent): void;
  /** The pump's state as plain JSON-serialisable data, to restore with {@link createSimulation}. */
  persist(): unknown;
  /** The patient's parameters, or null when no patient model runs. */
  readonly patientParameters: PatientParameters | null;
  /** The patient now (plain data, also what to persist), or null when no patient model runs. */
  patient(): PatientState | null;
  /** The patient treated for pain (their drug's model), or null when none runs. */
  painPatient(): PainPatient | null;
  /**
   * Gives the patient a test dose by lumbar puncture (mcg into the CSF now): baclofen (1 to 200 mcg)
   * to the spasticity patient, morphine (1 to 2000 mcg) to the patient treated with it; refused whole
   * without that patient or outside the range.
   */
  testDose(doseMcg: number, drug?: 'baclofen' | 'morphine'): Refusal | null;
}

/** The largest lumbar-puncture test dose accepted: twice the protocol's last step (100 mcg). */
export const MAX_TEST_DOSE_MCG = 200;

/** The largest morphine trial dose accepted by lumbar puncture: twice the usual 0.5-1.0 mg (2°) [P15]. */
export const MAX_MORPHINE_TEST_DOSE_MCG = 2000;

/** A patient treated for pain on the other end of the catheter: who, and (when restoring) where they were. */
export interface SimulationPainPatient {
  readonly parameters: PainParameters;
  readonly restore?: PainPatient;
}

/** A patient on the other end of the catheter: who, and (when restoring) where they were. */
export interface SimulationPatient {
  readonly parameters: PatientParameters;
  readonly state?: PatientState;
}

/** The drug the patient model follows (the baclofen patient's; other drugs' patients read their own). */
const PATIENT_DRUG = 'baclofen';

const receivedFrom = (pump: PumpState): ReceivedDrug => ({
  csf: massOf(pump.truth.sinks.csf, PATIENT_DRUG),
  subdural: massOf(pump.truth.sinks.subdural, PATIENT_DRUG),
  epidural: massOf(pump.truth.sinks.epidural, PATIENT_DRUG),
});

/**
 * The patient at the start of a simulation: at steady state on the dose the pump delivers into the
 * CSF (none when the pump is stopped, the tip is not intrathecal or the catheter starts empty).
 */
function startingPatient(pump: PumpState, lifecycle: PumpLifecycle, p: PatientParameters): PatientState {
  const belief = pumpBeliefView(pump, lifecycle);
  const flowing =
    belief.state === 'running' && pump.truth.catheter.tip === 'intrathecal' && pump.truth.path.catheter.length > 0;
  const dailyDoseMcg = flowing ? picogramsPerDayToMcgPerDay(dailyTotal(belief.therapy)) : 0;
  return createPatientState(p, { at: pump.now, dailyDoseMcg, received: receivedFrom(pump) });
}

/**
 * Creates a simulation at t = 0, or from a persisted pump snapshot (see {@link Simulation.persist}).
 * Pure: no clock is read; time moves only when asked.
 */
export function createSimulation(
  input: PumpInput,
  restore?: unknown,
  withPatient?: SimulationPatient,
  withPain?: SimulationPainPatient,
): Simulation {
  const pump = (
    restore === undefined
      ? createActor(pumpMachine, { input })
      : createActor(pumpMachine, { input, snapshot: restore as Snapshot<unknown> })
  ).start();
  const pumpState = (): PumpState => pump.getSnapshot().context.pump;
  const lifecycle = () => pump.getSnapshot().value as PumpLifecycle;
  const parameters = withPatient?.parameters ?? null;
  const drugStep = parameters === null ? null : createDrugStep(parameters);
  let patient: PatientState | null =
    parameters === null ? null : (withPatient?.state ?? startingPatient(pumpState(), lifecycle(), parameters));
  // the pain patient reads the drug their model is for (morphine or ziconotide) from the pump's sinks
  let pain: PainPatient | null =
    withPain === undefined
      ? null
      : (withPain.restore ??
        createPainPatient(withPain.parameters, {
          at: pumpState().now,
          dailyDoseMcg: startingDailyDoseMcg(pumpState(), lifecycle(), withPain.parameters.drug),
          received: painIntakeFrom(pumpState(), withPain.parameters.drug),
        }));
  const followPatient = () => {
    if (patient !== null && parameters !== null && drugStep !== null)
      patient = advancePatient(patient, parameters, drugStep, pumpState().now, receivedFrom(pumpState()));
    if (pain !== null) pain = advancePainPatient(pain, pumpState().now, painIntakeFrom(pumpState(), pain.drug));
  };
  const advancePumpTo = (to: Milliseconds) => {
    if (to > pumpState().now) pump.send({ type: 'time.advance', to });
  };
  const simulation: Simulation = {
    pump,
    now: () => pumpState().now,
    pumpState,
    lifecycle,
    advanceTo(to) {
      if (to < pumpState().now) throw new ItpsMisuseError('advanceTo', `time cannot go back to ${to} ms`);
      if ((patient === null || parameters === null || drugStep === null) && pain === null) {
        advancePumpTo(to);
        return;
      }
      // the patient needs the drug rate at the tip constant over each piece: cut at the pump's own
      // events and where a concentration front reaches the tip. The pieces are cut on a copy with
      // the pure kernel, and the machine then moves in one event: the kernel gives the same state
      // however time is cut (REQ-TIME-01), and one event costs far less than thousands.
      let piece = pumpState();
      let person = patient;
      let painPerson = pain;
      // where the whole path holds one batch, the steady run tells the tip's delivery at each
      // instant the flow may change, and no state is built between them
      const observe = (at: Milliseconds, tipMassOf: (drug: DrugId) => Picograms) => {
        const sink = sinkOfTip[piece.truth.catheter.tip];
        if (person !== null && parameters !== null && drugStep !== null) {
          const received = { ...receivedFrom(piece) };
          if (sink === 'csf' || sink === 'subdural' || sink === 'epidural') received[sink] = tipMassOf(PATIENT_DRUG);
          person = advancePatient(person, parameters, drugStep, at, received);
        }
        if (painPerson !== null) {
          const drug = painPerson.drug;
          const tipMass = tipMassOf(drug);
          let received = painIntakeFrom(piece, drug);
          if (sink === 'csf') received = observedPainIntake(piece, drug, tipMass);
          else if (sink === 'subdural' || sink === 'epidural' || sink === 'pocket')
            received = { ...received, [sink]: tipMass };
          painPerson = advancePainPatient(painPerson, at, received);
        }
      };
      while (piece.now < to) {
        piece = advancePumpObserved(piece, to, observe);
        if (piece.now >= to) break;
        const now = piece.now;
        const due = nextDueInstant(piece);
        const front = timeToTipConcentrationChange(piece);
        let end = to;
        if (due !== null && due > now && due < end) end = due;
        if (front !== null && now + front < end) end = (now + front) as Milliseconds;
        piece = advancePump(piece, end);
        if (piece.now === now) throw new ItpsMisuseError('advanceTo', `the pump did not move from ${now} ms`);
        if (person !== null && parameters !== null && drugStep !== null)
          person = advancePatient(person, parameters, drugStep, piece.now, receivedFrom(piece));
        if (painPerson !== null)
          painPerson = advancePainPatient(painPerson, piece.now, painIntakeFrom(piece, painPerson.drug));
      }
      patient = person;
      pain = painPerson;
      advancePumpTo(to);
    },
    nextEventTime: () => nextDueInstant(pumpState()),
    stepToNextEvent(limit) {
      const next = nextDueInstant(pumpState());
      const to = next === null || next > limit ? limit : next;
      simulation.advanceTo(to);
      return to;
    },
    send: (event) => {
      pump.send(event);
      followPatient();
    },
    persist: () => pump.getPersistedSnapshot(),
    patientParameters: parameters,
    patient: () => patient,
    painPatient: () => pain,
    testDose(doseMcg, drug = 'baclofen') {
      if (drug === 'morphine') {
        if (pain === null || pain.drug !== 'morphine')
          return {
            code: 'patient.none',
            message: 'There is no patient treated with morphine to give a trial dose to.',
          };
        if (!Number.isFinite(doseMcg) || doseMcg < 1 || doseMcg > MAX_MORPHINE_TEST_DOSE_MCG)
          return {
            code: 'testDose.outOfRange',
            message: `An intrathecal trial dose of morphine is 1 to ${MAX_MORPHINE_TEST_DOSE_MCG} mcg (usually 500 to 1000 mcg); ${doseMcg} mcg was asked for.`,
          };
        pain = givePainDose(pain, doseMcg);
        return null;
      }
      if (patient === null) return { code: 'patient.none', message: 'There is no patient to give a test dose to.' };
      if (!Number.isFinite(doseMcg) || doseMcg < 1 || doseMcg > MAX_TEST_DOSE_MCG)
        return {
          code: 'testDose.outOfRange',
          message: `A lumbar-puncture test dose is 1 to ${MAX_TEST_DOSE_MCG} mcg (the protocol gives 50, 75, then 100); ${doseMcg} mcg was asked for.`,
        };
      patient = { ...patient, drug: { ...patient.drug, csf: patient.drug.csf + doseMcg } };
      return null;
    },
  };
  return simulation;
}
