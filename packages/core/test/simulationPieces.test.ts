import { describe, expect, it } from 'vitest';
import {
  advancePatient,
  advancePump,
  averageProgramRate,
  batteryLifeAtRate,
  createDrugStep,
  createPatientParameters,
  createPatientState,
  createPumpState,
  daysToMs,
  getDeviceProfile,
  type Milliseconds,
  massOf,
  type Nanolitres,
  nextDueInstant,
  type PatientState,
  type Picograms,
  type PumpState,
  reservoirVolume,
} from '../src/index.ts';
import { oneBatchOutlet } from '../src/pump/oneBatchOutlet.ts';
import { timeToTipConcentrationChange } from '../src/pump/tipConcentrationChange.ts';
import { createSimulation } from '../src/sim/simulation.ts';
import { fourStepFlexInput } from '../src/testing/index.ts';

// The patient is told the tip's delivery by the steady run where the whole path holds one batch
// (simulation.ts). The reference here is the plain way: cut time at every pump event and every
// concentration front, advance a copy of the pump to each cut, and hand the patient the sinks.
const input = fourStepFlexInput();
const parameters = createPatientParameters({ origin: 'spinal', needMcgPerDay: 275 });
const received = (p: PumpState) => ({
  csf: massOf(p.truth.sinks.csf, 'baclofen'),
  subdural: massOf(p.truth.sinks.subdural, 'baclofen'),
  epidural: massOf(p.truth.sinks.epidural, 'baclofen'),
});

function followByPieces(pump: PumpState, patient: PatientState, to: Milliseconds) {
  const step = createDrugStep(parameters);
  let p = pump;
  let person = patient;
  while (p.now < to) {
    const due = nextDueInstant(p);
    const front = timeToTipConcentrationChange(p);
    let end = to;
    if (due !== null && due > p.now && due < end) end = due;
    if (front !== null && p.now + front < end) end = (p.now + front) as Milliseconds;
    p = advancePump(p, end);
    person = advancePatient(person, parameters, step, p.now, received(p));
  }
  return { pump: p, patient: person };
}

const startOf = (pumpInput: typeof input): PatientState =>
  createSimulation(pumpInput, undefined, { parameters }).patient() as PatientState;

describe('the patient told the tip delivery by the steady run', () => {
  it('follows 200 days with refills at three concentrations as cutting at every event and front does', () => {
    const sim = createSimulation(input, undefined, { parameters });
    let pump = createPumpState(input);
    let patient = sim.patient() as PatientState;
    // 2000, then 3000 (a front the patient must meet when it reaches the tip), then 1000 mcg/mL
    for (const [day, concentration] of [
      [40, 3000],
      [80, 1000],
      [120, 2000],
    ] as const) {
      const at = daysToMs(day);
      sim.advanceTo(at);
      ({ pump, patient } = followByPieces(pump, patient, at));
      expect(sim.patient()).toEqual(patient);
      sim.send({ type: 'update.begin' });
      sim.send({ type: 'reservoir.aspirate', volume: 'all' });
      const fill = 20_000_000 - reservoirVolume(sim.pumpState().truth.path.reservoir);
      const fluid = { volume: fill as Nanolitres, masses: { baclofen: (fill * concentration) as Picograms } };
      sim.send({ type: 'injection.give', site: 'reservoir', fluid });
      sim.send({ type: 'update.commit', update: { calculatedReservoir: 20_000_000 as Nanolitres } });
      pump = sim.pumpState();
      patient = advancePatient(patient, parameters, createDrugStep(parameters), pump.now, received(pump));
    }
    sim.advanceTo(daysToMs(200));
    ({ pump, patient } = followByPieces(pump, patient, daysToMs(200)));
    expect(sim.patient()).toEqual(patient);
    expect(sim.pumpState()).toEqual(pump);
  });

  it('follows a pump through ERI and EOS as cutting at every event does: nothing reaches the patient after EOS', () => {
    const profile = getDeviceProfile(input.profileId);
    const life = batteryLifeAtRate(profile, averageProgramRate(input.program, profile));
    const old = { ...input, ageAtStart: (life - daysToMs(30)) as Milliseconds };
    const sim = createSimulation(old, undefined, { parameters });
    sim.advanceTo(daysToMs(140));
    const reference = followByPieces(createPumpState(old), startOf(old), daysToMs(140));
    expect(sim.pumpState().battery.eosAt).not.toBeNull();
    expect(sim.patient()).toEqual(reference.patient);
  });

  it('follows an intermittent kink edge by edge, as cutting at every event does (no kink cycles summed)', () => {
    // an hour's cycle, blocked 20 minutes of it: every edge changes the flow the patient receives,
    // so the steady run must tell the patient each one rather than cross whole cycles at once
    const sim = createSimulation(input, undefined, { parameters });
    sim.advanceTo(daysToMs(5));
    sim.send({ type: 'fault.catheter.start', fault: { kind: 'kink', periodMs: 3_600_000, kinkedMs: 1_200_000 } });
    const reference = followByPieces(sim.pumpState(), sim.patient() as PatientState, daysToMs(8));
    sim.advanceTo(daysToMs(8));
    expect(sim.pumpState()).toEqual(reference.pump);
    expect(sim.patient()).toEqual(reference.patient);
  });

  it('creates the patient it follows from the same start', () => {
    expect(createSimulation(input, undefined, { parameters }).patient()).toEqual(
      createPatientState(parameters, {
        at: 0 as Milliseconds,
        dailyDoseMcg: 275,
        received: received(createPumpState(input)),
      }),
    );
  });
});

describe('oneBatchOutlet: where the tip draws one unbroken batch from', () => {
  // the catheter is primed with a batch of its own; five days flush it and the tubing through
  const start = createPumpState(input);
  const pump = advancePump(start, daysToMs(5));
  const batch = pump.truth.path.reservoir.batch;

  it('is the catheter outlet offset once the path holds the reservoir batch end to end, null before', () => {
    expect(oneBatchOutlet(start)).toBeNull();
    expect(oneBatchOutlet(pump)).toBe(pump.truth.path.catheter[0]?.from);
  });

  it('is the reservoir draw point when the path holds nothing', () => {
    const empty = { ...pump, truth: { ...pump.truth, path: { ...pump.truth.path, tubing: [], catheter: [] } } };
    expect(oneBatchOutlet(empty)).toBe(pump.truth.path.reservoir.drawn);
  });

  it('is null with another batch in the catheter, a gap, or fluid held behind a breach', () => {
    const other = { ...batch, id: batch.id + 1 };
    const [first, ...rest] = pump.truth.path.catheter;
    if (first === undefined) throw new Error('the catheter is primed');
    const path = pump.truth.path;
    const withPath = (changes: object) => ({ ...pump, truth: { ...pump.truth, path: { ...path, ...changes } } });
    expect(oneBatchOutlet(withPath({ catheter: [{ ...first, batch: other }, ...rest] }))).toBeNull();
    expect(oneBatchOutlet(withPath({ catheter: [{ ...first, to: first.to - 1 }, ...rest] }))).toBeNull();
    expect(oneBatchOutlet(withPath({ catheterProximal: [first] }))).toBeNull();
    expect(oneBatchOutlet(withPath({ reservoir: { ...path.reservoir, drawn: path.reservoir.drawn + 1 } }))).toBeNull();
  });
});
