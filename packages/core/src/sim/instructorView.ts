import type { PainPatient } from '../patient/painPatient.ts';
import { type PainStatus, painStatus } from '../patient/painStatus.ts';
import type { PatientParameters } from '../patient/patientParameters.ts';
import type { PatientState } from '../patient/patientState.ts';
import { type PatientStatus, patientStatus } from '../patient/patientStatus.ts';
import { nextDueInstant } from '../pump/nextDueTime.ts';
import type { PumpLifecycle } from '../pump/pumpMachine.ts';
import type { PumpState } from '../pump/pumpState.ts';
import { type PumpBeliefView, type PumpTruthView, pumpBeliefView, pumpTruthView } from '../pump/pumpStatus.ts';
import type { LinkConditions } from '../telemetry/link.ts';
import type { Milliseconds } from '../units/quantity.ts';
import { type ProgrammerView, programmerView } from './programmerView.ts';
import type { WorldState } from './worldState.ts';

/** Truth beside belief, the patient model's internals, the link and the trainee's programmer: for the instructor and reports. */
export interface InstructorView {
  readonly now: Milliseconds;
  readonly lifecycle: PumpLifecycle;
  /** What the pump believes now (what an interrogation would read). */
  readonly belief: PumpBeliefView;
  /** What is physically there. */
  readonly truth: PumpTruthView;
  /** The pump's whole state (the log, the fluid path), for the event log and observables. */
  readonly pump: PumpState;
  readonly programmer: ProgrammerView;
  readonly patient: {
    readonly status: PatientStatus;
    readonly state: PatientState;
    readonly parameters: PatientParameters;
  } | null;
  /** The patient treated for pain, their model's state and status (absent without one). */
  readonly pain?: { readonly status: PainStatus; readonly patient: PainPatient };
  readonly link: LinkConditions;
  /** The next instant something happens by itself in the pump; null when nothing ever will. */
  readonly nextEventAt: Milliseconds | null;
  /** Pumps taken out at a replacement, oldest first: each one's last reading and what it held. */
  readonly explanted: WorldState['explanted'];
}

/** The instructor's view of a world. */
export function instructorView(world: WorldState): InstructorView {
  return {
    now: world.now,
    lifecycle: world.lifecycle,
    belief: pumpBeliefView(world.pump, world.lifecycle),
    truth: pumpTruthView(world.pump),
    pump: world.pump,
    programmer: programmerView(world),
    patient:
      world.patient === null
        ? null
        : { ...world.patient, status: patientStatus(world.patient.state, world.patient.parameters) },
    ...(world.pain === undefined ? {} : { pain: { patient: world.pain, status: painStatus(world.pain) } }),
    link: world.link.conditions,
    nextEventAt: nextDueInstant(world.pump),
    explanted: world.explanted,
  };
}
