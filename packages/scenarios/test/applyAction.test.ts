import { getDeviceProfile, type PumpEvent, reservoirVolume, type World } from '@itps/core';
import { describe, expect, it } from 'vitest';
import { faultEnd, perform } from '../src/applyAction.ts';
import { createScenarioWorld, type ScenarioAction } from '../src/index.ts';
import { smallScenario } from './smallScenario.ts';

// What each timeline action becomes in the core: the pump events the runner sends, with every
// default the format gives, and the refusals it reports with nothing applied.
const scenario = smallScenario({ name: 'actions', duration: 'P10D' });

const profile = getDeviceProfile('synchromed-ii-20');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function recording(world: World): PumpEvent[] {
  const sent: PumpEvent[] = [];
  const sim = world.simulation;
  const send = sim.send;
  sim.send = (event) => {
    sent.push(event);
    send(event);
  };
  return sent;
}

const act = (a: Record<string, unknown>, world = createScenarioWorld(scenario, 1)) => {
  const sent = recording(world);
  const refusal = perform(world, { at: 'P0D', ...a } as ScenarioAction, profile.catheterVolumePerCm);
  return { sent, refusal, pump: world.simulation.pumpState(), world };
};

describe('faults', () => {
  it('become catheter faults with the format’s defaults', () => {
    expect(act({ action: 'fault', kind: 'catheterOcclusion' }).sent).toEqual([
      { type: 'fault.catheter.start', fault: { kind: 'occlusion', blockedPpm: 1_000_000 } },
    ]);
    expect(act({ action: 'fault', kind: 'catheterOcclusion', blockedPercent: 37.5 }).sent[0]).toEqual({
      type: 'fault.catheter.start',
      fault: { kind: 'occlusion', blockedPpm: 375_000 },
    });
    expect(act({ action: 'fault', kind: 'catheterKink' }).sent[0]).toEqual({
      type: 'fault.catheter.start',
      fault: { kind: 'kink', periodMs: 6 * HOUR, kinkedMs: 3 * HOUR },
    });
    expect(act({ action: 'fault', kind: 'catheterKink', period: 'PT2H', kinkedPercent: 25 }).sent[0]).toEqual({
      type: 'fault.catheter.start',
      fault: { kind: 'kink', periodMs: 2 * HOUR, kinkedMs: HOUR / 2 },
    });
    expect(act({ action: 'fault', kind: 'catheterDisconnect' }).sent).toEqual([
      { type: 'fault.catheter.start', fault: { kind: 'disconnect' } },
    ]);
    expect(act({ action: 'fault', kind: 'tipMigration' }).sent[0]).toEqual({
      type: 'fault.catheter.start',
      fault: { kind: 'tipMigration', tip: 'subdural' },
    });
    expect(act({ action: 'fault', kind: 'tipMigration', tip: 'epidural' }).sent[0]).toEqual({
      type: 'fault.catheter.start',
      fault: { kind: 'tipMigration', tip: 'epidural' },
    });
  });

  it('put a leak where it is along the catheter, no further than its end, and a whole escape is a fracture', () => {
    const perCm = profile.catheterVolumePerCm;
    expect(act({ action: 'fault', kind: 'catheterLeak', atCm: 10, escapePercent: 20 }).sent[0]).toEqual({
      type: 'fault.catheter.start',
      fault: { kind: 'leak', atVolume: 10 * perCm, escapePpm: 200_000 },
    });
    const { sent, pump } = act({ action: 'fault', kind: 'catheterLeak', atCm: 150 });
    expect(sent[0]).toEqual({
      type: 'fault.catheter.start',
      fault: { kind: 'fracture', atVolume: pump.catheterVolumeEntered },
    });
    expect(pump.catheterVolumeEntered).toBe(40 * perCm);
    expect(act({ action: 'fault', kind: 'catheterLeak', atCm: 0, escapePercent: 100 }).sent[0]).toEqual({
      type: 'fault.catheter.start',
      fault: { kind: 'fracture', atVolume: 0 },
    });
  });

  it('end by the kind of fault, and only those that can end', () => {
    const end = (a: Record<string, unknown>) => faultEnd({ at: 'P0D', action: 'fault', ...a } as never);
    expect(end({ kind: 'catheterOcclusion' })).toEqual({ type: 'fault.catheter.end', kind: 'occlusion' });
    expect(end({ kind: 'catheterKink' })).toEqual({ type: 'fault.catheter.end', kind: 'kink' });
    expect(end({ kind: 'catheterDisconnect' })).toEqual({ type: 'fault.catheter.end', kind: 'disconnect' });
    expect(end({ kind: 'catheterLeak' })).toEqual({ type: 'fault.catheter.end', kind: 'fracture' });
    expect(end({ kind: 'catheterLeak', escapePercent: 99 })).toEqual({ type: 'fault.catheter.end', kind: 'leak' });
    expect(end({ kind: 'tipMigration' })).toEqual({ type: 'fault.catheter.end', kind: 'tipMigration' });
    for (const kind of ['motorStall', 'lowBatteryReset', 'memoryError']) expect(end({ kind })).toBeNull();
  });

  it('stall the motor until a time or for good, and reset or corrupt the pump', () => {
    expect(act({ action: 'fault', kind: 'motorStall', until: 'P1D' }).sent).toEqual([
      { type: 'fault.motorStall', recoversAt: DAY },
    ]);
    expect(act({ action: 'fault', kind: 'motorStall' }).sent).toEqual([{ type: 'fault.motorStall', recoversAt: null }]);
    expect(act({ action: 'fault', kind: 'lowBatteryReset' }).sent).toEqual([{ type: 'fault.lowBatteryReset' }]);
    expect(act({ action: 'fault', kind: 'memoryError' }).sent).toEqual([{ type: 'fault.memoryError' }]);
  });
});

describe('boluses', () => {
  it('take a dose at the reservoir concentration, a volume as given, and a priming volume from the path', () => {
    expect(act({ action: 'bolus', kind: 'single', doseMcg: 50, duration: 'PT1H' }).sent).toEqual([
      { type: 'bolus.start', bolus: { kind: 'single', volume: 100_000, durationMs: HOUR } },
    ]);
    expect(act({ action: 'bolus', kind: 'bridge', volumeMl: 0.25, duration: 'PT30M' }).sent[0]).toEqual({
      type: 'bolus.start',
      bolus: { kind: 'bridge', volume: 250_000, durationMs: HOUR / 2 },
    });
    const priming = act({ action: 'bolus', kind: 'priming' });
    const volume = profile.pumpTubingVolume + priming.pump.catheterVolumeEntered;
    expect(priming.sent[0]).toEqual({
      type: 'bolus.start',
      bolus: { kind: 'priming', volume, durationMs: Math.ceil((volume * DAY) / profile.maxRate) },
    });
    expect(act({ action: 'bolus', kind: 'priming', volumeMl: 0.1 }).sent[0]).toMatchObject({
      bolus: { kind: 'priming', volume: 100_000 },
    });
  });

  it('report the pump’s refusal of a bolus it cannot give, in its words', () => {
    const { refusal, pump } = act({ action: 'bolus', kind: 'single', volumeMl: 25, duration: 'PT1M' });
    expect(refusal).toEqual({
      code: 'bolus.rateAboveMaximum',
      message:
        "The bolus would run at 36000.5 mL/day, above the pump's maximum of 24 mL/day; give it over a longer time.",
    });
    expect(pump.bolus).toBeNull();
  });
});

describe('programs', () => {
  it('send a whole update at the reservoir concentration', () => {
    const { sent, refusal, pump } = act({ action: 'program', therapy: { mode: 'simple', doseMcgPerDay: 300 } });
    expect(refusal).toBeNull();
    expect(sent).toEqual([
      { type: 'update.begin' },
      {
        type: 'update.commit',
        update: {
          program: { drug: 'baclofen', concentration: 500, therapy: { mode: 'simple', dose: 300_000_000 } },
        },
      },
    ]);
    expect(pump.program.therapy).toEqual({ mode: 'simple', dose: 300_000_000 });
  });

  it('take the minimum-rate and stopped modes as they are', () => {
    expect(act({ action: 'program', therapy: { mode: 'minimum' } }).pump.program.therapy).toEqual({ mode: 'minimum' });
    expect(act({ action: 'program', therapy: { mode: 'stopped' } }).pump.program.therapy).toEqual({ mode: 'stopped' });
  });

  it('stop where the telemetry was interrupted: before anything was sent, or after the update began', () => {
    expect(act({ action: 'program', therapy: { mode: 'stopped' }, interrupt: 'beforeSend' }).sent).toEqual([]);
    const after = act({ action: 'program', therapy: { mode: 'stopped' }, interrupt: 'afterSend' });
    expect(after.sent).toEqual([{ type: 'update.begin' }]);
    expect(after.world.simulation.lifecycle()).toBe('updating');
    expect(act({ action: 'program', therapy: { mode: 'stopped' }, interrupt: 'none' }).sent).toHaveLength(2);
  });

  it('abort an update the pump refuses, so nothing is half-applied', () => {
    const { sent, refusal, pump, world } = act({
      action: 'program',
      therapy: { mode: 'simple', doseMcgPerDay: 99_999 },
    });
    expect(refusal).toMatchObject({ code: expect.any(String) });
    expect(sent.map((e) => e.type)).toEqual(['update.begin', 'update.commit', 'update.abort']);
    expect(pump.program.therapy).toEqual({ mode: 'simple', dose: 250_000_000 });
    expect(world.simulation.lifecycle()).not.toBe('updating');
  });
});

describe('refills', () => {
  it('withdraw all, inject and record what is there, by default', () => {
    const { sent, refusal, pump } = act({ action: 'refill', volumeMl: 18, concentrationMcgPerMl: 500 });
    expect(refusal).toBeNull();
    expect(sent.map((e) => e.type)).toEqual(['update.begin', 'reservoir.aspirate', 'injection.give', 'update.commit']);
    expect(sent[1]).toEqual({ type: 'reservoir.aspirate', volume: 'all' });
    expect(sent[2]).toMatchObject({ type: 'injection.give', site: 'reservoir' });
    const left = profile.reservoirDeadSpace;
    expect(sent[3]).toEqual({ type: 'update.commit', update: { calculatedReservoir: left + 18_000_000 } });
    expect(pump.belief.calculatedReservoir).toBe(left + 18_000_000);
  });

  it('withdraw a given volume, record what the clinician entered, and go where the needle went', () => {
    const { sent } = act({
      action: 'refill',
      withdrawMl: 2,
      volumeMl: 10,
      concentrationMcgPerMl: 500,
      needle: 'cap',
      entered: { volumeMl: 19, concentrationMcgPerMl: 500 },
    });
    expect(sent[1]).toEqual({ type: 'reservoir.aspirate', volume: 2_000_000 });
    expect(sent[2]).toMatchObject({ type: 'injection.give', site: 'catheterAccessPort' });
    expect(sent[3]).toEqual({ type: 'update.commit', update: { calculatedReservoir: 19_000_000 } });
    expect(act({ action: 'refill', volumeMl: 1, concentrationMcgPerMl: 500, needle: 'pocket' }).sent[2]).toMatchObject({
      site: 'pocket',
    });
  });

  it('change the program’s concentration with the entry, and bridge when asked', () => {
    const plain = act({ action: 'refill', volumeMl: 18, concentrationMcgPerMl: 2000, bridgeBolus: false });
    expect(plain.sent.map((e) => e.type)).toEqual([
      'update.begin',
      'reservoir.aspirate',
      'injection.give',
      'update.commit',
    ]);
    expect(plain.pump.program.concentration).toBe(2000);
    const bridged = act({ action: 'refill', volumeMl: 18, concentrationMcgPerMl: 2000, bridgeBolus: true });
    expect(bridged.sent.map((e) => e.type)).toEqual([
      'update.begin',
      'reservoir.aspirate',
      'injection.give',
      'update.commit',
      'bolus.start',
    ]);
    expect(bridged.sent[4]).toMatchObject({ bolus: { kind: 'bridge' } });
    expect(bridged.pump.bolus?.kind).toBe('bridge');
    const same = act({ action: 'refill', volumeMl: 18, concentrationMcgPerMl: 500, bridgeBolus: true });
    expect(same.sent).toHaveLength(4);
  });

  it('refuse an overfill whole: nothing sent, the reservoir as it was', () => {
    const world = createScenarioWorld(scenario, 1);
    const before = world.simulation.pumpState();
    const { sent, refusal, pump } = act(
      { action: 'refill', withdrawMl: 0, volumeMl: 5, concentrationMcgPerMl: 500 },
      world,
    );
    expect(refusal).toMatchObject({ code: expect.any(String) });
    expect(sent).toEqual([]);
    expect(pump).toEqual(before);
  });
});

describe('other actions', () => {
  it('set the low-reservoir alarm in one update, and refuse a threshold the pump does not take', () => {
    const { sent, pump } = act({ action: 'setLowReservoirAlarm', volumeMl: 3 });
    expect(sent).toEqual([
      { type: 'update.begin' },
      { type: 'update.commit', update: { lowReservoirThreshold: 3_000_000 } },
    ]);
    expect(pump.lowReservoirThreshold).toBe(3_000_000);
    const refused = act({ action: 'setLowReservoirAlarm', volumeMl: 500 });
    expect(refused.refusal).toMatchObject({ code: expect.any(String) });
    expect(refused.sent).toEqual([]);
  });

  it('scan in an MRI with the field in millitesla and a drawn or given recovery', () => {
    expect(act({ action: 'mri', duration: 'PT30M', fieldT: 1.5 }).sent).toEqual([
      { type: 'mri.scan', scan: { durationMs: HOUR / 2, fieldMilliTesla: 1500, recoveryDelayMs: 'drawn' } },
    ]);
    expect(act({ action: 'mri', duration: 'PT30M', fieldT: 3, recoveryDelay: 'PT20M' }).sent[0]).toEqual({
      type: 'mri.scan',
      scan: { durationMs: HOUR / 2, fieldMilliTesla: 3000, recoveryDelayMs: 20 * 60_000 },
    });
  });

  it('interrogate without sending the pump anything itself', () => {
    expect(act({ action: 'interrogate' })).toMatchObject({ sent: [], refusal: null });
  });

  it('move the link and drop messages, keeping what is not given', () => {
    const world = createScenarioWorld(scenario, 1);
    const before = world.persist().link.conditions;
    perform(world, { at: 'P0D', action: 'link', distanceCm: 80 } as ScenarioAction, profile.catheterVolumePerCm);
    expect(world.persist().link.conditions).toEqual({ ...before, distanceCm: 80 });
    perform(
      world,
      { at: 'P0D', action: 'link', interference: 'severe' } as ScenarioAction,
      profile.catheterVolumePerCm,
    );
    expect(world.persist().link.conditions).toEqual({ distanceCm: 80, interference: 'severe' });
    perform(
      world,
      { at: 'P0D', action: 'link', dropNext: 2, dropAfter: 1 } as ScenarioAction,
      profile.catheterVolumePerCm,
    );
    expect(world.persist().link).toMatchObject({
      conditions: { distanceCm: 80, interference: 'severe' },
      forcedDrops: 2,
      deliveriesBeforeDrop: 1,
    });
    perform(world, { at: 'P0D', action: 'link', dropNext: 3 } as ScenarioAction, profile.catheterVolumePerCm);
    expect(world.persist().link).toMatchObject({ forcedDrops: 3, deliveriesBeforeDrop: 0 });
  });

  it('put a needle where the scenario says, withdrawing all by default, unrecorded, and refuse what does not fit', () => {
    const cap = act({ action: 'needle', site: 'cap', withdrawMl: 0, volumeMl: 0.5, concentrationMcgPerMl: 500 });
    expect(cap.refusal).toBeNull();
    expect(reservoirVolume(cap.pump.truth.path.reservoir)).toBe(20_000_000);
    expect(cap.pump.belief.calculatedReservoir).toBe(20_000_000);
    const emptied = act({ action: 'needle', site: 'pocket', volumeMl: 0.5, concentrationMcgPerMl: 500 });
    expect(reservoirVolume(emptied.pump.truth.path.reservoir)).toBe(profile.reservoirDeadSpace);
    expect(emptied.pump.belief.calculatedReservoir).toBe(20_000_000);
    const overfill = act({
      action: 'needle',
      site: 'reservoir',
      withdrawMl: 0,
      volumeMl: 5,
      concentrationMcgPerMl: 500,
    });
    expect(overfill.refusal).toEqual({
      code: 'reservoir.overCapacity',
      message: 'Injecting 5 mL into 20 mL would overfill the 20 mL reservoir.',
    });
    expect(reservoirVolume(overfill.pump.truth.path.reservoir)).toBe(20_000_000);
  });
});

describe('sessions, step by step', () => {
  const step = (world: World, a: Record<string, unknown>, confirmed?: Set<string>) => {
    expect(
      perform(world, { at: 'P0D', action: 'session', ...a } as ScenarioAction, profile.catheterVolumePerCm, confirmed),
    ).toBeNull();
    return String(world.session.getSnapshot().value);
  };
  const dose = (world: World) => world.simulation.pumpState().program.therapy;

  it('walk the programmer through a dose change: findings stop the review until passed, back and forth, confirm, verify', () => {
    const world = createScenarioWorld(scenario, 1);
    const confirmed = new Set<string>();
    expect(step(world, { do: 'connect' })).toBe('ready');
    expect(step(world, { do: 'doseChange' })).toBe('editing');
    expect(step(world, { do: 'draft', doseMcgPerDay: 1000 })).toBe('editing');
    expect(world.session.getSnapshot().context.findings.map((f) => f.code)).toEqual(['dose.titrationStep']);
    expect(step(world, { do: 'review' })).toBe('editing');
    expect(step(world, { do: 'passFindings' })).toBe('editing');
    expect(step(world, { do: 'review' })).toBe('finish');
    expect(step(world, { do: 'back' })).toBe('editing');
    expect(step(world, { do: 'review' })).toBe('finish');
    expect(confirmed.size).toBe(0);
    expect(step(world, { do: 'confirm' }, confirmed)).toBe('ready');
    expect(dose(world)).toEqual({ mode: 'simple', dose: 1_000_000_000 });
    expect([...confirmed]).toEqual([JSON.stringify(world.simulation.pumpState().program)]);
    expect(step(world, { do: 'verify' })).toBe('ready');
    expect(step(world, { do: 'disconnect' })).toBe('disconnected');
  });

  it('cancel a workflow, and a confirm outside the finish screen confirms nothing', () => {
    const world = createScenarioWorld(scenario, 1);
    const confirmed = new Set<string>();
    step(world, { do: 'connect' });
    step(world, { do: 'doseChange' });
    step(world, { do: 'draft', doseMcgPerDay: 260 });
    expect(step(world, { do: 'confirm' }, confirmed)).toBe('editing');
    expect(confirmed.size).toBe(0);
    expect(step(world, { do: 'cancel' })).toBe('ready');
    expect(dose(world)).toEqual({ mode: 'simple', dose: 250_000_000 });
  });

  it('draft at a given concentration with the bridge decision', () => {
    const world = createScenarioWorld(scenario, 1);
    step(world, { do: 'connect' });
    step(world, { do: 'doseChange' });
    step(world, { do: 'draft', doseMcgPerDay: 260, concentrationMcgPerMl: 1000, bridge: false });
    const { draft } = world.session.getSnapshot().context;
    expect(draft.update.program).toEqual({
      drug: 'baclofen',
      concentration: 1000,
      therapy: { mode: 'simple', dose: 260_000_000 },
    });
    expect(draft.bridgeDecision).toBe(false);
    step(world, { do: 'draft', doseMcgPerDay: 270 });
    expect(world.session.getSnapshot().context.draft).toMatchObject({
      update: { program: { concentration: 500 } },
      bridgeDecision: null,
    });
  });

  it('an edit is a whole change, passing findings only when told to', () => {
    const held = createScenarioWorld(scenario, 1);
    step(held, { do: 'edit', doseMcgPerDay: 1000 });
    expect(String(held.session.getSnapshot().value)).toBe('editing');
    expect(dose(held)).toEqual({ mode: 'simple', dose: 250_000_000 });
    const passed = createScenarioWorld(scenario, 1);
    step(passed, { do: 'edit', doseMcgPerDay: 1000, passFindings: true });
    expect(dose(passed)).toEqual({ mode: 'simple', dose: 1_000_000_000 });
  });

  it('retry an update the link dropped after it began, from the incomplete-session warning', () => {
    const world = createScenarioWorld(scenario, 1);
    world.dropNextMessages(1, 3);
    expect(step(world, { do: 'edit', doseMcgPerDay: 260 })).toBe('disconnected');
    expect(world.simulation.lifecycle()).toBe('updating');
    expect(step(world, { do: 'connect' })).toBe('incomplete');
    expect(step(world, { do: 'retry' })).toBe('ready');
    expect(world.session.getSnapshot().context.incomplete).toBe(false);
    expect(world.simulation.lifecycle()).toBe('running');
    expect(dose(world)).toEqual({ mode: 'simple', dose: 260_000_000 });
  });
});
