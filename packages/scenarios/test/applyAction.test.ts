import {
  getDeviceProfile,
  logEntries,
  programmerView,
  reservoirVolume,
  type World,
  type WorldCommand,
} from '@itps/core';
import { describe, expect, it } from 'vitest';
import { faultEnd, perform } from '../src/applyAction.ts';
import { createScenarioWorld, type ScenarioAction } from '../src/index.ts';
import { smallScenario } from './smallScenario.ts';

// What each timeline action becomes at the world's door: the commands the runner applies, with every
// default the format gives, and the refusals it reports with nothing applied.
const scenario = smallScenario({ name: 'actions', duration: 'P10D' });

const profile = getDeviceProfile('synchromed-ii-20');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A timeline action as a file would write it, through the schema (its times in milliseconds). */
const action = (a: Record<string, unknown>): ScenarioAction => {
  const first = smallScenario({ duration: 'P10D', timeline: [{ at: 'P0D', ...a }] }).timeline?.[0];
  if (first === undefined) throw new Error('no action');
  return first;
};

/** The commands applied at a world's door, in order, while it is watched. */
function recording(world: World): WorldCommand[] {
  const sent: WorldCommand[] = [];
  const apply = world.apply;
  world.apply = (command) => {
    sent.push(command);
    return apply(command);
  };
  return sent;
}

const act = (a: Record<string, unknown>, world = createScenarioWorld(scenario, 1)) => {
  const sent = recording(world);
  const refusal = perform(world, action(a), profile.catheterVolumePerCm);
  return { sent, refusal, pump: world.state().pump, world };
};

describe('faults', () => {
  it('become catheter faults with the format’s defaults', () => {
    expect(act({ action: 'fault', kind: 'catheterOcclusion' }).sent).toEqual([
      { type: 'fault.inject', fault: { kind: 'catheter', fault: { kind: 'occlusion', blockedPpm: 1_000_000 } } },
    ]);
    expect(act({ action: 'fault', kind: 'catheterOcclusion', blockedPercent: 37.5 }).sent[0]).toEqual({
      type: 'fault.inject',
      fault: { kind: 'catheter', fault: { kind: 'occlusion', blockedPpm: 375_000 } },
    });
    expect(act({ action: 'fault', kind: 'catheterKink' }).sent[0]).toEqual({
      type: 'fault.inject',
      fault: { kind: 'catheter', fault: { kind: 'kink', periodMs: 6 * HOUR, kinkedMs: 3 * HOUR } },
    });
    expect(act({ action: 'fault', kind: 'catheterKink', period: 'PT2H', kinkedPercent: 25 }).sent[0]).toEqual({
      type: 'fault.inject',
      fault: { kind: 'catheter', fault: { kind: 'kink', periodMs: 2 * HOUR, kinkedMs: HOUR / 2 } },
    });
    expect(act({ action: 'fault', kind: 'catheterDisconnect' }).sent).toEqual([
      { type: 'fault.inject', fault: { kind: 'catheter', fault: { kind: 'disconnect' } } },
    ]);
    expect(act({ action: 'fault', kind: 'tipMigration' }).sent[0]).toEqual({
      type: 'fault.inject',
      fault: { kind: 'catheter', fault: { kind: 'tipMigration', tip: 'subdural' } },
    });
    expect(act({ action: 'fault', kind: 'tipMigration', tip: 'epidural' }).sent[0]).toEqual({
      type: 'fault.inject',
      fault: { kind: 'catheter', fault: { kind: 'tipMigration', tip: 'epidural' } },
    });
  });

  it('put a leak where it is along the catheter, no further than its end, and a whole escape is a fracture', () => {
    const perCm = profile.catheterVolumePerCm;
    expect(act({ action: 'fault', kind: 'catheterLeak', atCm: 10, escapePercent: 20 }).sent[0]).toEqual({
      type: 'fault.inject',
      fault: { kind: 'catheter', fault: { kind: 'leak', atVolume: 10 * perCm, escapePpm: 200_000 } },
    });
    const { sent, pump } = act({ action: 'fault', kind: 'catheterLeak', atCm: 150 });
    expect(sent[0]).toEqual({
      type: 'fault.inject',
      fault: { kind: 'catheter', fault: { kind: 'fracture', atVolume: pump.catheterVolumeEntered } },
    });
    expect(pump.catheterVolumeEntered).toBe(40 * perCm);
    expect(act({ action: 'fault', kind: 'catheterLeak', atCm: 0, escapePercent: 100 }).sent[0]).toEqual({
      type: 'fault.inject',
      fault: { kind: 'catheter', fault: { kind: 'fracture', atVolume: 0 } },
    });
  });

  it('end by the kind of fault, and only those that can end', () => {
    const end = (a: Record<string, unknown>) => faultEnd(action({ action: 'fault', ...a }) as never);
    expect(end({ kind: 'catheterOcclusion' })).toEqual({ type: 'fault.end', kind: 'occlusion' });
    expect(end({ kind: 'catheterKink' })).toEqual({ type: 'fault.end', kind: 'kink' });
    expect(end({ kind: 'catheterDisconnect' })).toEqual({ type: 'fault.end', kind: 'disconnect' });
    expect(end({ kind: 'catheterLeak' })).toEqual({ type: 'fault.end', kind: 'fracture' });
    expect(end({ kind: 'catheterLeak', escapePercent: 99 })).toEqual({ type: 'fault.end', kind: 'leak' });
    expect(end({ kind: 'tipMigration' })).toEqual({ type: 'fault.end', kind: 'tipMigration' });
    for (const kind of ['motorStall', 'lowBatteryReset', 'memoryError']) expect(end({ kind })).toBeNull();
  });

  it('stall the motor until a time or for good, and reset or corrupt the pump', () => {
    expect(act({ action: 'fault', kind: 'motorStall', until: 'P1D' }).sent).toEqual([
      { type: 'fault.inject', fault: { kind: 'motorStall', recoversAt: DAY } },
    ]);
    expect(act({ action: 'fault', kind: 'motorStall' }).sent).toEqual([
      { type: 'fault.inject', fault: { kind: 'motorStall', recoversAt: null } },
    ]);
    expect(act({ action: 'fault', kind: 'lowBatteryReset' }).sent).toEqual([
      { type: 'fault.inject', fault: { kind: 'lowBatteryReset' } },
    ]);
    expect(act({ action: 'fault', kind: 'memoryError' }).sent).toEqual([
      { type: 'fault.inject', fault: { kind: 'memoryError' } },
    ]);
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
  it('apply a whole update at the reservoir concentration, as one programming visit', () => {
    const { sent, refusal, pump } = act({ action: 'program', therapy: { mode: 'simple', doseMcgPerDay: 300 } });
    expect(refusal).toBeNull();
    expect(sent).toEqual([
      {
        type: 'pump.update',
        update: {
          program: { drug: 'baclofen', concentration: 500, therapy: { mode: 'simple', dose: 300_000_000 } },
        },
        interrupt: 'none',
      },
    ]);
    expect(pump.program.therapy).toEqual({ mode: 'simple', dose: 300_000_000 });
    expect(logEntries(pump.log).map((e) => e.type)).toEqual(
      expect.arrayContaining(['update.begun', 'pump.stopped', 'program.committed', 'pump.started']),
    );
  });

  it('take the minimum-rate and stopped modes as they are', () => {
    expect(act({ action: 'program', therapy: { mode: 'minimum' } }).pump.program.therapy).toEqual({ mode: 'minimum' });
    expect(act({ action: 'program', therapy: { mode: 'stopped' } }).pump.program.therapy).toEqual({ mode: 'stopped' });
  });

  it('stop where the telemetry was interrupted: before anything was sent, or after the update began', () => {
    const before = act({ action: 'program', therapy: { mode: 'stopped' }, interrupt: 'beforeSend' });
    expect(before.sent).toEqual([expect.objectContaining({ type: 'pump.update', interrupt: 'beforeSend' })]);
    expect(before.world.state().lifecycle).toBe('running');
    expect(logEntries(before.pump.log).some((e) => e.type === 'update.begun')).toBe(false);
    const after = act({ action: 'program', therapy: { mode: 'stopped' }, interrupt: 'afterSend' });
    expect(after.world.state().lifecycle).toBe('updating');
    expect(after.pump.program.therapy).toEqual({ mode: 'simple', dose: 250_000_000 });
    expect(act({ action: 'program', therapy: { mode: 'stopped' }, interrupt: 'none' }).pump.program.therapy).toEqual({
      mode: 'stopped',
    });
  });

  it('refuse an update the pump refuses whole, so nothing is half-applied and the pump goes on', () => {
    const { refusal, pump, world } = act({ action: 'program', therapy: { mode: 'simple', doseMcgPerDay: 99_999 } });
    expect(refusal).toMatchObject({ code: 'program.rateAboveMaximum' });
    expect(pump.program.therapy).toEqual({ mode: 'simple', dose: 250_000_000 });
    expect(logEntries(pump.log).some((e) => e.type === 'update.begun')).toBe(false);
    expect(world.state().lifecycle).toBe('running');
  });
});

describe('refills', () => {
  it('withdraw all, inject and record what is there, by default, as one visit', () => {
    const { sent, refusal, pump } = act({ action: 'refill', volumeMl: 18, concentrationMcgPerMl: 500 });
    expect(refusal).toBeNull();
    expect(sent).toEqual([
      {
        type: 'visit.refill',
        visit: {
          aspirate: 'all',
          inject: { volume: 18_000_000, masses: { baclofen: 9_000_000_000 } },
          site: 'reservoir',
        },
      },
    ]);
    const left = profile.reservoirDeadSpace;
    expect(pump.belief.calculatedReservoir).toBe(left + 18_000_000);
    expect(logEntries(pump.log).map((e) => e.type)).toEqual(
      expect.arrayContaining(['update.begun', 'pump.stopped', 'refill.recorded', 'pump.started']),
    );
  });

  it('withdraw a given volume, record what the clinician entered, and go where the needle went', () => {
    const { sent, pump } = act({
      action: 'refill',
      withdrawMl: 2,
      volumeMl: 10,
      concentrationMcgPerMl: 500,
      needle: 'cap',
      entered: { volumeMl: 19, concentrationMcgPerMl: 500 },
    });
    expect(sent[0]).toMatchObject({
      type: 'visit.refill',
      visit: { aspirate: 2_000_000, site: 'catheterAccessPort', record: 19_000_000 },
    });
    expect(pump.belief.calculatedReservoir).toBe(19_000_000);
    expect(act({ action: 'refill', volumeMl: 1, concentrationMcgPerMl: 500, needle: 'pocket' }).sent[0]).toMatchObject({
      visit: { site: 'pocket' },
    });
  });

  it('change the program’s concentration with the entry, and bridge when asked', () => {
    const plain = act({ action: 'refill', volumeMl: 18, concentrationMcgPerMl: 2000, bridgeBolus: false });
    expect(plain.sent.map((e) => e.type)).toEqual(['visit.refill']);
    expect(plain.sent[0]).toMatchObject({ visit: { program: { concentration: 2000 } } });
    expect(plain.pump.program.concentration).toBe(2000);
    const bridged = act({ action: 'refill', volumeMl: 18, concentrationMcgPerMl: 2000, bridgeBolus: true });
    expect(bridged.sent.map((e) => e.type)).toEqual(['visit.refill', 'bolus.start']);
    expect(bridged.sent[1]).toMatchObject({ bolus: { kind: 'bridge' } });
    expect(bridged.pump.bolus?.kind).toBe('bridge');
    const same = act({ action: 'refill', volumeMl: 18, concentrationMcgPerMl: 500, bridgeBolus: true });
    expect(same.sent).toHaveLength(1);
  });

  it('refuse an overfill whole: the reservoir as it was, nothing logged', () => {
    const world = createScenarioWorld(scenario, 1);
    const before = world.state().pump;
    const { refusal, pump } = act({ action: 'refill', withdrawMl: 0, volumeMl: 5, concentrationMcgPerMl: 500 }, world);
    expect(refusal).toMatchObject({ code: 'reservoir.overCapacity' });
    expect(pump).toEqual(before);
  });

  it('refuse a refill while another programming session is open on the pump', () => {
    const world = createScenarioWorld(scenario, 1);
    act({ action: 'program', therapy: { mode: 'stopped' }, interrupt: 'afterSend' }, world);
    const before = world.state().pump;
    const { refusal, pump } = act({ action: 'refill', volumeMl: 1, concentrationMcgPerMl: 500 }, world);
    expect(refusal).toMatchObject({ code: 'pump.updateInProgress' });
    expect(pump).toEqual(before);
  });
});

describe('other actions', () => {
  it('set the low-reservoir alarm in one update, and refuse a threshold the pump does not take', () => {
    const { sent, pump } = act({ action: 'setLowReservoirAlarm', volumeMl: 3 });
    expect(sent).toEqual([{ type: 'pump.update', update: { lowReservoirThreshold: 3_000_000 } }]);
    expect(pump.lowReservoirThreshold).toBe(3_000_000);
    const refused = act({ action: 'setLowReservoirAlarm', volumeMl: 500 });
    expect(refused.refusal).toMatchObject({ code: 'alarm.thresholdOutOfRange' });
    expect(refused.pump.lowReservoirThreshold).toBe(
      createScenarioWorld(scenario, 1).state().pump.lowReservoirThreshold,
    );
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

  it('interrogate as another programmer would: the pump logs the reading, nothing else changes', () => {
    const { sent, refusal, pump } = act({ action: 'interrogate' });
    expect(sent).toEqual([{ type: 'pump.interrogate' }]);
    expect(refusal).toBeNull();
    expect(logEntries(pump.log).at(-1)?.type).toBe('pump.interrogated');
  });

  it('move the link and drop messages, keeping what is not given', () => {
    const world = createScenarioWorld(scenario, 1);
    const before = world.persist().link.conditions;
    perform(world, action({ action: 'link', distanceCm: 80 }), profile.catheterVolumePerCm);
    expect(world.persist().link.conditions).toEqual({ ...before, distanceCm: 80 });
    perform(world, action({ action: 'link', interference: 'severe' }), profile.catheterVolumePerCm);
    expect(world.persist().link.conditions).toEqual({ distanceCm: 80, interference: 'severe' });
    perform(world, action({ action: 'link', dropNext: 2, dropAfter: 1 }), profile.catheterVolumePerCm);
    expect(world.persist().link).toMatchObject({
      conditions: { distanceCm: 80, interference: 'severe' },
      forcedDrops: 2,
      deliveriesBeforeDrop: 1,
    });
    perform(world, action({ action: 'link', dropNext: 3 }), profile.catheterVolumePerCm);
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
    expect(perform(world, action({ action: 'session', ...a }), profile.catheterVolumePerCm, confirmed)).toBeNull();
    return programmerView(world.state()).session;
  };
  const dose = (world: World) => world.state().pump.program.therapy;

  it('walk the programmer through a dose change: findings stop the review until passed, back and forth, confirm, verify', () => {
    const world = createScenarioWorld(scenario, 1);
    const confirmed = new Set<string>();
    expect(step(world, { do: 'connect' })).toBe('ready');
    expect(step(world, { do: 'doseChange' })).toBe('editing');
    expect(step(world, { do: 'draft', doseMcgPerDay: 1000 })).toBe('editing');
    expect(programmerView(world.state()).findings.map((f) => f.code)).toEqual(['dose.titrationStep']);
    expect(step(world, { do: 'review' })).toBe('editing');
    expect(step(world, { do: 'passFindings' })).toBe('editing');
    expect(step(world, { do: 'review' })).toBe('finish');
    expect(step(world, { do: 'back' })).toBe('editing');
    expect(step(world, { do: 'review' })).toBe('finish');
    expect(confirmed.size).toBe(0);
    expect(step(world, { do: 'confirm' }, confirmed)).toBe('ready');
    expect(dose(world)).toEqual({ mode: 'simple', dose: 1_000_000_000 });
    expect([...confirmed]).toEqual([JSON.stringify(world.state().pump.program)]);
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
    step(world, { do: 'draft', doseMcgPerDay: 260, concentrationMcgPerMl: 1000, bridge: 'none' });
    const { draft } = programmerView(world.state());
    expect(draft.update.program).toEqual({
      drug: 'baclofen',
      concentration: 1000,
      therapy: { mode: 'simple', dose: 260_000_000 },
    });
    expect(draft.bridgeDecision).toBe('none');
    step(world, { do: 'draft', doseMcgPerDay: 270 });
    expect(programmerView(world.state()).draft).toMatchObject({
      update: { program: { concentration: 500 } },
      bridgeDecision: null,
    });
  });

  it('an edit is a whole change, passing findings only when told to', () => {
    const held = createScenarioWorld(scenario, 1);
    step(held, { do: 'edit', doseMcgPerDay: 1000 });
    expect(String(programmerView(held.state()).session)).toBe('editing');
    expect(dose(held)).toEqual({ mode: 'simple', dose: 250_000_000 });
    const passed = createScenarioWorld(scenario, 1);
    step(passed, { do: 'edit', doseMcgPerDay: 1000, passFindings: true });
    expect(dose(passed)).toEqual({ mode: 'simple', dose: 1_000_000_000 });
  });

  it('retry an update the link dropped after it began, from the incomplete-session warning', () => {
    const world = createScenarioWorld(scenario, 1);
    world.apply({ type: 'link.drop', count: 1, afterDelivered: 3 });
    expect(step(world, { do: 'edit', doseMcgPerDay: 260 })).toBe('disconnected');
    expect(world.state().lifecycle).toBe('updating');
    expect(step(world, { do: 'connect' })).toBe('incomplete');
    expect(step(world, { do: 'retry' })).toBe('ready');
    expect(programmerView(world.state()).incomplete).toBe(false);
    expect(world.state().lifecycle).toBe('running');
    expect(dose(world)).toEqual({ mode: 'simple', dose: 260_000_000 });
  });
});
