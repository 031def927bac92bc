import type { SpasticityOrigin } from '../drug/drug.ts';
import type { PainPatient } from '../patient/painPatient.ts';
import type { PatientParameters } from '../patient/patientParameters.ts';
import type { PatientState } from '../patient/patientState.ts';
import type { SessionContext, SessionStateName } from '../programmer/sessionMachine.ts';
import type { PumpLifecycle } from '../pump/pumpMachine.ts';
import type { PumpState } from '../pump/pumpState.ts';
import type { LinkConditions } from '../telemetry/link.ts';
import type { Milliseconds } from '../units/quantity.ts';
import type { ExplantedPump } from './explantedPump.ts';

/**
 * A world at one instant as plain, immutable data: what the views select from. It holds the truth,
 * so it is for the core's selectors; a surface renders a view, never this.
 */
export interface WorldState {
  readonly now: Milliseconds;
  readonly origin: SpasticityOrigin;
  /** The wall-clock date and time of t = 0 (`YYYY-MM-DDTHH:MM`), when the world has one. */
  readonly startsAt: string | null;
  readonly pump: PumpState;
  readonly lifecycle: PumpLifecycle;
  readonly session: { readonly state: SessionStateName; readonly context: SessionContext };
  readonly link: {
    readonly conditions: LinkConditions;
    /**
     * What is still on its way over the link, by message number: a message held back (or a copy of
     * one) that will reach the pump after the next message, and a late or copied answer that will
     * reach the programmer during the next exchange (which drops it by its number). Null when nothing is.
     */
    readonly onTheWay: { readonly message: number | null; readonly answer: number | null };
  };
  /** Pumps taken out at a replacement, oldest first: each one's last reading and what it held. */
  readonly explanted: readonly ExplantedPump[];
  /** The patient, when the world has one. */
  readonly patient: { readonly parameters: PatientParameters; readonly state: PatientState } | null;
  /** The patient treated for pain (morphine or ziconotide), when the world has one; absent otherwise. */
  readonly pain?: PainPatient;
}
