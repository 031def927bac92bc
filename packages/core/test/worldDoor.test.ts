import { describe, expect, it } from 'vitest';
import {
  bedsideView,
  createPatientParameters,
  createWorld,
  daysToMs,
  EMPTY_FLUID,
  fluidAt,
  instructorView,
  type McgPerMl,
  type Milliseconds,
  massOf,
  type Nanolitres,
  programmerView,
  sampleWorld,
  traineeView,
  type WorldCommand,
} from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';

const world = (patient = false) =>
  createWorld({
    pump: buildPumpInput(),
    origin: 'spinal',
    ...(patient ? { patient: createPatientParameters({ origin: 'spinal', needMcgPerDay: 250 }) } : {}),
  });
const ml = (x: number) => (x * 1_000_000) as Nanolitres;

describe('the one door', () => {
  it('answers a command with a result: accepted at an instant, or refused with a reason code and words', () => {
    const w = world();
    expect(w.apply({ type: 'time.advance', to: daysToMs(1) })).toEqual({ ok: true, at: daysToMs(1) });
    expect(w.apply({ type: 'time.advance', to: daysToMs(0) })).toEqual({
      ok: false,
      at: daysToMs(1),
      refusal: {
        code: 'time.notForward',
        message: 'Time moves forward only: 0 ms is before now (86400000 ms).',
      },
    });
    expect(w.apply({ type: 'bolus.cancel' })).toMatchObject({ ok: false, refusal: { code: 'bolus.noneRunning' } });
    expect(w.apply({ type: 'programmer.act', event: { type: 'review.open' } })).toEqual({
      ok: false,
      at: daysToMs(1),
      refusal: {
        code: 'programmer.unavailable',
        message: 'The programmer cannot do review.open now (it is disconnected).',
      },
    });
  });

  it('takes and gives plain data only: a command and its result survive JSON unchanged', () => {
    const w = world();
    const commands: WorldCommand[] = [
      { type: 'time.advance', to: daysToMs(2) },
      { type: 'programmer.act', event: { type: 'session.connect' } },
      { type: 'visit.needle', visit: { aspirate: 'all', site: 'reservoir', inject: EMPTY_FLUID } },
      { type: 'link.set', conditions: { distanceCm: 80, interference: 'moderate' } },
      { type: 'clinical.act', action: 'clinical.suspectWithdrawal' },
    ];
    for (const command of commands) {
      const result = w.apply(JSON.parse(JSON.stringify(command)));
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    }
    for (const view of [programmerView(w.state()), bedsideView(w.state()), instructorView(w.state())])
      expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('tells what a syringe withdrew, and the states the programmer passed through', () => {
    const w = world();
    const needle = w.apply({
      type: 'visit.needle',
      visit: { aspirate: ml(2), site: 'reservoir', inject: EMPTY_FLUID },
    });
    expect(needle).toEqual({ ok: true, at: 0, withdrawn: { volume: ml(2), masses: { baclofen: ml(2) * 500 } } });
    const connect = w.apply({ type: 'programmer.act', event: { type: 'session.connect' } });
    expect(connect.ok && connect.trail?.map((s) => s.session)).toEqual(['connecting', 'interrogating', 'ready']);
  });
});

describe('visits are whole', () => {
  it('a refill visit is one pump event: refused whole, the pump as it was, nothing logged', () => {
    const w = world();
    const before = w.state().pump;
    const overfill = w.apply({
      type: 'visit.refill',
      visit: { aspirate: 0 as Nanolitres, inject: fluidAt(ml(5), 500 as McgPerMl) },
    });
    expect(overfill).toMatchObject({ ok: false, refusal: { code: 'reservoir.overCapacity' } });
    expect(w.state().pump).toEqual(before);
    const refill = w.apply({
      type: 'visit.refill',
      visit: { aspirate: 'all', inject: fluidAt(ml(18), 500 as McgPerMl) },
    });
    expect(refill).toMatchObject({ ok: true, withdrawn: { volume: ml(20) - before.reservoirDeadSpace } });
    expect(w.state().pump.belief.calculatedReservoir).toBe(before.reservoirDeadSpace + ml(18));
    expect(w.state().lifecycle).toBe('running');
  });

  it('a refill is refused while another programming session is open, and at end of service', () => {
    const w = world();
    w.apply({ type: 'pump.update', update: { program: simpleProgram(300) }, interrupt: 'afterSend' });
    const before = w.state().pump;
    expect(
      w.apply({ type: 'visit.refill', visit: { aspirate: 'all', inject: fluidAt(ml(1), 500 as McgPerMl) } }),
    ).toMatchObject({ ok: false, refusal: { code: 'pump.updateInProgress' } });
    expect(w.state().pump).toEqual(before);
  });

  it('a needle visit whose injection is refused withdraws nothing either', () => {
    const w = world();
    const before = w.state().pump;
    expect(
      w.apply({
        type: 'visit.needle',
        visit: { aspirate: ml(1), site: 'reservoir', inject: fluidAt(ml(5), 500 as McgPerMl) },
      }),
    ).toMatchObject({ ok: false, refusal: { code: 'reservoir.overCapacity' } });
    expect(w.state().pump).toEqual(before);
  });

  it('a program from another programmer is one visit, refused whole', () => {
    const w = world();
    expect(w.apply({ type: 'pump.update', update: { program: simpleProgram(300) } })).toMatchObject({ ok: true });
    expect(w.state().pump.program).toEqual(simpleProgram(300));
    const before = w.state().pump;
    expect(w.apply({ type: 'pump.update', update: { lowReservoirThreshold: ml(500) } })).toMatchObject({
      ok: false,
      refusal: { code: 'alarm.thresholdOutOfRange' },
    });
    expect(w.state().pump).toEqual(before);
  });
});

describe('views: each audience sees its own', () => {
  it('the programmer sees only what telemetry reported, and its own forecast from it', () => {
    const w = world();
    expect(programmerView(w.state()).pump).toBeNull();
    w.apply({ type: 'programmer.act', event: { type: 'session.connect' } });
    w.apply({ type: 'fault.inject', fault: { kind: 'catheter', fault: { kind: 'occlusion', blockedPpm: 1_000_000 } } });
    w.apply({ type: 'time.advance', to: daysToMs(3) });
    const view = programmerView(w.state());
    // the last interrogation, three days old: not the pump now, and never the truth
    expect(view.pump?.now).toBe(800 * 2);
    expect(JSON.stringify(view)).not.toMatch(/truth|occlusion|sinks|csf/i);
    expect(view.dates?.lowReservoirAt).toBeGreaterThan(0);
    expect(view.dates?.refillBy).toBe(view.dates?.lowReservoirAt);
  });

  it("a trainee's view is the programmer and the bedside with the ward clock and pump model: never truth, a fault or a drug level", () => {
    const w = createWorld({
      pump: buildPumpInput({ timeOfDayAtStart: (9 * 3_600_000) as Milliseconds, patientId: 'A. Test, SIM-0001' }),
      origin: 'spinal',
      patient: createPatientParameters({ origin: 'spinal', needMcgPerDay: 250 }),
      startsAt: '2026-03-02T09:00',
    });
    w.apply({ type: 'programmer.act', event: { type: 'session.connect' } });
    w.apply({ type: 'fault.inject', fault: { kind: 'catheter', fault: { kind: 'occlusion', blockedPpm: 1_000_000 } } });
    w.apply({ type: 'time.advance', to: daysToMs(3) });
    const view = traineeView(w.state());
    expect(Object.keys(view).sort()).toEqual([
      'bedside',
      'now',
      'programmer',
      'pumpModel',
      'startsAt',
      'timeOfDayAtStart',
    ]);
    expect(view).toMatchObject({
      now: daysToMs(3),
      startsAt: '2026-03-02T09:00',
      timeOfDayAtStart: 9 * 3_600_000,
      pumpModel: 'synchromed-ii-20',
    });
    expect(view.programmer).toEqual(programmerView(w.state()));
    // the patient as entered at implant comes back with the interrogation, and only with it
    expect(view.programmer.pump?.patientId).toBe('A. Test, SIM-0001');
    expect(view.bedside).toEqual(bedsideView(w.state()));
    expect(JSON.stringify(view)).not.toMatch(/truth|occlusion|sinks|csf|withdrawal|overdose|relativeEffect/i);
  });

  it('the bedside shows signs, vitals and the alarms sounding, never a stage name or a drug level', () => {
    const w = world(true);
    w.apply({ type: 'fault.inject', fault: { kind: 'catheter', fault: { kind: 'occlusion', blockedPpm: 1_000_000 } } });
    w.apply({ type: 'time.advance', to: daysToMs(3) });
    const bedside = bedsideView(w.state());
    expect(bedside.patient?.signs.length).toBeGreaterThan(0);
    expect(Object.keys(bedside.patient ?? {})).not.toEqual(
      expect.arrayContaining(['withdrawal', 'overdose', 'csfMcg', 'relativeEffect']),
    );
    expect(instructorView(w.state()).patient?.status.withdrawal).not.toBe('none');
  });

  it('the instructor sees truth beside belief; the one sampler agrees with both', () => {
    const w = world();
    w.apply({ type: 'fault.inject', fault: { kind: 'catheter', fault: { kind: 'occlusion', blockedPpm: 1_000_000 } } });
    w.apply({ type: 'time.advance', to: daysToMs(4) });
    const v = instructorView(w.state());
    expect(v.belief.calculatedReservoir).toBe(ml(20) - 4 * 500_000);
    expect(v.truth.reservoir.volume).toBe(ml(20));
    const sample = sampleWorld(w.state());
    expect(sample).toMatchObject({
      at: daysToMs(4),
      beliefReservoir: v.belief.calculatedReservoir,
      truthReservoir: v.truth.reservoir.volume,
      delivered: massOf(v.truth.delivered, 'baclofen'),
      patient: null,
    });
  });
});
