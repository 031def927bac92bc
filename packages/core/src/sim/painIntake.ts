import type { DrugId } from '../drug/drug.ts';
import type { OpioidIntake } from '../patient/opioidPatient.ts';
import { dailyTotal } from '../pump/dailyTotal.ts';
import { massOf } from '../pump/fluid.ts';
import type { PumpLifecycle } from '../pump/pumpMachine.ts';
import type { PumpState } from '../pump/pumpState.ts';
import { pumpBeliefView } from '../pump/pumpStatus.ts';
import { picogramsPerDayToMcgPerDay } from '../units/conversions.ts';

/** What of `drug` reached the patient from the pump so far: each site's mass, the volume into the CSF and the mass under the skin. */
export const painIntakeFrom = (pump: PumpState, drug: DrugId): OpioidIntake => ({
  csf: massOf(pump.truth.sinks.csf, drug),
  subdural: massOf(pump.truth.sinks.subdural, drug),
  epidural: massOf(pump.truth.sinks.epidural, drug),
  csfVolume: pump.truth.sinks.csf.volume,
  pocket: massOf(pump.truth.sinks.pocket, drug),
});

/**
 * The intake at an instant of a steady run, told the CSF sink's mass of the drug then: the whole path
 * holds the reservoir's one batch, so the volume that went with it is at that batch's concentration.
 */
export function observedPainIntake(piece: PumpState, drug: DrugId, csfMass: number): OpioidIntake {
  const before = painIntakeFrom(piece, drug);
  const batch = piece.truth.path.reservoir.batch;
  const mass = massOf(batch, drug);
  const volume = mass > 0 ? ((csfMass - before.csf) * batch.volume) / mass : 0;
  return { ...before, csf: csfMass, csfVolume: before.csfVolume + volume };
}

/**
 * The daily dose of `drug` the pump delivers into the CSF when the world starts, mcg/day: the
 * program's volume rate times the drug's concentration in the reservoir (the programmed dose itself
 * for the lead drug of a full path); 0 when the pump is stopped, the tip is not intrathecal or the
 * catheter starts empty.
 */
export function startingDailyDoseMcg(pump: PumpState, lifecycle: PumpLifecycle, drug: DrugId): number {
  const belief = pumpBeliefView(pump, lifecycle);
  const flowing =
    belief.state === 'running' && pump.truth.catheter.tip === 'intrathecal' && pump.truth.path.catheter.length > 0;
  if (!flowing || pump.program.concentration <= 0) return 0;
  const batch = pump.truth.path.reservoir.batch;
  const concentration = batch.volume > 0 ? massOf(batch, drug) / batch.volume : 0;
  return (picogramsPerDayToMcgPerDay(dailyTotal(belief.therapy)) * concentration) / pump.program.concentration;
}
