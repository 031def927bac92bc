import type { OverdoseStage, WithdrawalStage } from '../patient/patientParameters.ts';
import { patientStatus } from '../patient/patientStatus.ts';
import type { AlarmName } from '../pump/deviceProfile.ts';
import { massOf } from '../pump/fluid.ts';
import { pumpBeliefView } from '../pump/pumpStatus.ts';
import { reservoirVolume } from '../pump/reservoir.ts';
import { concentrationAtTip } from '../pump/tipConcentrationChange.ts';
import type { Milliseconds, Nanolitres, Picograms, PicogramsPerDay } from '../units/quantity.ts';
import type { WorldState } from './worldState.ts';

/** The patient in one sample: what the debrief's course and the plots draw. */
export interface PatientSample {
  readonly ashworth: number;
  readonly relativeEffect: number;
  readonly withdrawal: WithdrawalStage;
  readonly overdose: OverdoseStage;
}

/** One sample of a world for plots and CSV, in base units: the one sampler every plot uses. */
export interface WorldSample {
  readonly at: Milliseconds;
  readonly beliefReservoir: Nanolitres;
  readonly truthReservoir: Nanolitres;
  /** The programmed daily dose while the pump runs; zero while it does not. */
  readonly dose: PicogramsPerDay;
  /** Cumulative drug that reached the CSF. */
  readonly delivered: Picograms;
  /** Cumulative drug that went to the pocket. */
  readonly pocket: Picograms;
  /** The concentration leaving the catheter tip (mcg/mL), which lags the reservoir's after a refill. */
  readonly tipConcentration: number;
  /** Alarms sounding. */
  readonly alarms: readonly AlarmName[];
  /** The patient; null when the world has none. */
  readonly patient: PatientSample | null;
}

/** Samples a world now. */
export function sampleWorld(world: WorldState): WorldSample {
  const pump = world.pump;
  const belief = pumpBeliefView(pump, world.lifecycle);
  const p = world.patient === null ? null : patientStatus(world.patient.state, world.patient.parameters);
  return {
    at: pump.now,
    beliefReservoir: belief.calculatedReservoir,
    truthReservoir: reservoirVolume(pump.truth.path.reservoir),
    dose: belief.state === 'running' ? belief.dose : (0 as PicogramsPerDay),
    delivered: massOf(pump.truth.sinks.csf, pump.program.drug),
    pocket: massOf(pump.truth.sinks.pocket, pump.program.drug),
    tipConcentration: concentrationAtTip(pump),
    alarms: (Object.keys(belief.alarms) as AlarmName[]).filter((name) => belief.alarms[name]),
    patient:
      p === null
        ? null
        : { ashworth: p.ashworth, relativeEffect: p.relativeEffect, withdrawal: p.withdrawal, overdose: p.overdose },
  };
}
