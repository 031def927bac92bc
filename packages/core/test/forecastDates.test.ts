import { describe, expect, it } from 'vitest';
import {
  type BatteryUnits,
  createPumpState,
  forecastDates,
  logOf,
  type Milliseconds,
  MS_PER_DAY,
  mcgPerDayToPicogramsPerDay,
  type Nanolitres,
  type PumpLogEntry,
  type PumpLogType,
  pumpBeliefView,
} from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';

// The battery dates the programmer shows before ERI, worked by hand from the profile's battery model:
// 7,665,000,000 units; 3,000,000 a day at rest plus 1 per nanolitre pumped; EOS 90 days after ERI.
const days = (d: number) => d * MS_PER_DAY;
const dates = (dose: number, ageDays = 0) =>
  forecastDates(
    pumpBeliefView(
      createPumpState(buildPumpInput({ program: simpleProgram(dose), ageAtStart: days(ageDays) as Milliseconds })),
      'running',
    ),
  );

describe('forecastDates: the battery', () => {
  it('expects ERI at 2190 days on 0.5 mL/day (3,500,000 units a day), and replacement 90 days later', () => {
    // 250 mcg/day at 500 mcg/mL is 0.5 mL/day: 7,665,000,000 / 3,500,000 = 2190 days
    const d = dates(250);
    expect(d.eriExpectedAt).toBe(days(2190));
    expect(d.replaceBy).toBe(days(2280));
  });

  it('counts the charge already used: a pump 1000 days old on the same flow reaches ERI 1190 days from now', () => {
    const d = dates(250, 1000);
    expect(d.eriExpectedAt).toBe(days(1190));
  });

  it('moves ERI sooner on a larger flow: 1 mL/day drains 4,000,000 a day, ERI at 1916.25 days', () => {
    // 500 mcg/day at 500 mcg/mL: 7,665,000,000 / 4,000,000 = 1916.25 days
    expect(dates(500).eriExpectedAt).toBe(days(1916.25));
  });
});

describe('forecastDates: what the pump already said', () => {
  it('once the pump reports ERI, replacement is 90 days after it; with no refill recorded there is no refill-by date from it', () => {
    const view = pumpBeliefView(createPumpState(buildPumpInput({ program: simpleProgram(250) })), 'running');
    const d = forecastDates({ ...view, eriAt: days(10) as Milliseconds, lastRefill: null });
    expect(d.eriExpectedAt).toBe(days(10));
    expect(d.replaceBy).toBe(days(100));
    expect(d.refillBy).toBe(d.lowReservoirAt);
  });
});

// Every state the pump can report, each from one pump as interrogated, with its dates worked by hand.
// The pump: SynchroMed II 20 mL, baclofen 500 mcg/mL at 250 mcg/day = 0.5 mL/day (500,000 nL/day),
// low-reservoir alarm at 2 mL, last refill at day 0 (baclofen is stable 180 days: refill by day 180),
// a full battery of 7,665,000,000 units draining 3,000,000 a day at rest plus 1 per nL pumped.
const at = (d: number) => days(d) as Milliseconds;
const HOUR = 3_600_000;
const pumpAt = (
  now: number,
  volumeMl: number,
  more: Partial<ReturnType<typeof pumpBeliefView>> = {},
  log: readonly PumpLogEntry[] = [],
) => {
  const view = pumpBeliefView(createPumpState(buildPumpInput({ program: simpleProgram(250) })), 'running');
  return forecastDates({
    ...view,
    now: at(now),
    calculatedReservoir: (volumeMl * 1_000_000) as Nanolitres,
    log: logOf(log),
    ...more,
  });
};
const raised = (alarm: string, d: number): PumpLogEntry => ({
  at: at(d),
  type: `alarm.${alarm}.raised` as PumpLogType,
});

describe('REQ-CALC-02: forecastDates true in every state the pump reports', () => {
  it('running: 15 mL at day 10 is low at day 36, empty at day 40, refill by day 36, ERI day 2200, replace by day 2290', () => {
    // (15 - 2) mL / 0.5 mL/day = 26 days -> day 36; 15 / 0.5 = 30 days -> day 40; refill min(36, 0 + 180) = 36
    // battery 7,665,000,000 / (3,000,000 + 500,000) a day = 2190 days -> day 2200; + 90 days -> 2290
    const d = pumpAt(10, 15);
    expect(d.doseNow).toEqual({ dose: 250_000_000, reason: 'running', halted: false });
    expect(d.lowReservoir).toEqual({ status: 'expected', at: at(36) });
    expect(d.empty).toEqual({ status: 'expected', at: at(40) });
    expect(d.refill).toEqual({ status: 'expected', at: at(36) });
    expect(d.eri).toEqual({ status: 'expected', at: at(2200) });
    expect(d.replace).toEqual({ status: 'expected', at: at(2290) });
  });

  it('the alarm sounding with 1.87 mL left: sounding since it was raised, refill overdue since then, empty in 3.74 days (not "day 180", not "none")', () => {
    // raised at day 99 06:00; at day 100: 1.87 mL / 0.5 mL/day = 3.74 days = 3 days 17 h 45 min 36 s -> day 103.74
    // refill: min(alarm day 99.25, stability day 180) = day 99.25, already past: overdue since the alarm
    const d = pumpAt(100, 1.87, {}, [raised('lowReservoir', 99.25)]);
    expect(d.lowReservoir).toEqual({ status: 'past', at: at(99.25) });
    expect(d.empty).toEqual({ status: 'expected', at: days(103) + 17 * HOUR + 45 * 60_000 + 36_000 });
    expect(d.refill).toEqual({ status: 'past', at: at(99.25) });
    expect(d.doseNow.reason).toBe('running');
  });

  it('empty at day 2300: 0 mcg/day (reservoir empty), alarm and empty long past, refill overdue since the alarm (day 97), battery at rest', () => {
    // the low alarm at day 97 comes before the stability limit at day 180: overdue since day 97
    // nothing pumped: 3,000,000 units a day; 300,000,000 left / 3,000,000 = 100 days -> ERI day 2400, replace 2490
    const d = pumpAt(2300, 0, { state: 'stopped', batteryRemaining: 300_000_000 as BatteryUnits }, [
      raised('lowReservoir', 97),
      raised('reservoirEmpty', 101),
    ]);
    expect(d.doseNow).toEqual({ dose: 0, reason: 'reservoirEmpty', halted: true });
    expect(d.lowReservoir).toEqual({ status: 'past', at: at(97) });
    expect(d.empty).toEqual({ status: 'past', at: at(101) });
    expect(d.refill).toEqual({ status: 'past', at: at(97) });
    expect(d.eri).toEqual({ status: 'expected', at: at(2400) });
    expect(d.replace).toEqual({ status: 'expected', at: at(2490) });
  });

  it('plenty left but refilled 200 days ago: refill overdue since day 180 (the drug stability limit)', () => {
    // 20 mL at 0.5 mL/day lasts; the limit 0 + 180 days has passed at day 200
    const d = pumpAt(200, 20, { therapy: { mode: 'simple', dose: mcgPerDayToPicogramsPerDay(25) } });
    expect(d.refill).toEqual({ status: 'past', at: at(180) });
  });

  it('stopped by the clinician: 0 mcg/day, no alarm or empty date while stopped (26 and 30 days after a restart), refill by day 180, ERI at the resting drain', () => {
    // 7,665,000,000 / 3,000,000 = 2555 days -> ERI day 2565, replace by day 2655
    const d = pumpAt(10, 15, { suspended: true, state: 'stopped' }, [
      { at: at(9), type: 'pump.started' },
      { at: at(10), type: 'pump.stopped' },
    ]);
    expect(d.doseNow).toEqual({ dose: 0, reason: 'stoppedByClinician', halted: true });
    expect(d.lowReservoir).toEqual({ status: 'halted', afterRestart: days(26) });
    expect(d.empty).toEqual({ status: 'halted', afterRestart: days(30) });
    expect(d.refill).toEqual({ status: 'expected', at: at(180) });
    expect(d.eri).toEqual({ status: 'expected', at: at(2565) });
    expect(d.replace).toEqual({ status: 'expected', at: at(2655) });
  });

  it('stopped by an update begun and not completed (a failed update): the cause named, the same dates as a stop', () => {
    const d = pumpAt(10, 15, { suspended: true, state: 'stopped' }, [
      { at: at(9), type: 'pump.started' },
      { at: at(10), type: 'update.begun' },
      { at: at(10), type: 'pump.stopped' },
      { at: at(10), type: 'update.incomplete' },
    ]);
    expect(d.doseNow).toEqual({ dose: 0, reason: 'updateIncomplete', halted: true });
    expect(d.lowReservoir).toEqual({ status: 'halted', afterRestart: days(26) });
  });

  it('a program of no therapy: no alarm or empty date even after a restart, refill by day 180', () => {
    const d = pumpAt(10, 15, { therapy: { mode: 'stopped' }, state: 'stopped' });
    expect(d.doseNow).toEqual({ dose: 0, reason: 'programStopped', halted: true });
    expect(d.lowReservoir).toEqual({ status: 'halted', afterRestart: null });
    expect(d.empty).toEqual({ status: 'halted', afterRestart: null });
    expect(d.refill).toEqual({ status: 'expected', at: at(180) });
  });

  it('a stalled motor and a pump waiting to be read after an MRI: 0 mcg/day with the cause; the reservoir waits', () => {
    const stalled = pumpAt(10, 15, { state: 'stalled' });
    expect(stalled.doseNow).toEqual({ dose: 0, reason: 'motorStall', halted: true });
    expect(stalled.empty).toEqual({ status: 'halted', afterRestart: days(30) });
    const mri = pumpAt(10, 15, { awaitingInterrogation: true, state: 'stopped' });
    expect(mri.doseNow.reason).toBe('awaitingInterrogation');
  });

  it('ERI reached at day 2000, seen at day 2030: ERI past, replace by day 2090 (EOS), the pump still delivering', () => {
    const d = pumpAt(2030, 15, {
      eriAt: at(2000),
      eosAt: at(2090),
      batteryRemaining: 0 as BatteryUnits,
      lastRefill: { at: at(2020), volume: 20_000_000 as Nanolitres },
    });
    expect(d.doseNow.reason).toBe('running');
    expect(d.eri).toEqual({ status: 'past', at: at(2000) });
    expect(d.replace).toEqual({ status: 'expected', at: at(2090) });
    // 13 mL above the alarm at 0.5 mL/day: day 2056
    expect(d.lowReservoir).toEqual({ status: 'expected', at: at(2056) });
  });

  it('EOS at day 2090, seen at day 2100: stopped for good, replacement overdue since day 2090, no date after a restart', () => {
    const d = pumpAt(2100, 15, {
      state: 'endOfService',
      eriAt: at(2000),
      eosAt: at(2090),
      batteryRemaining: 0 as BatteryUnits,
      lastRefill: { at: at(2020), volume: 20_000_000 as Nanolitres },
    });
    expect(d.doseNow).toEqual({ dose: 0, reason: 'endOfService', halted: true });
    expect(d.replace).toEqual({ status: 'past', at: at(2090) });
    expect(d.eri).toEqual({ status: 'past', at: at(2000) });
    expect(d.lowReservoir).toEqual({ status: 'halted', afterRestart: null });
    // refill still by the drug's stability: 2020 + 180 = day 2200
    expect(d.refill).toEqual({ status: 'expected', at: at(2200) });
  });

  it('a memory error: 0 mcg/day for good', () => {
    const d = pumpAt(10, 15, { state: 'error', suspended: true });
    expect(d.doseNow).toEqual({ dose: 0, reason: 'memoryError', halted: true });
    expect(d.empty).toEqual({ status: 'halted', afterRestart: null });
  });
});

describe('forecastDates from an older report (no log, no drug, no dose) and with no refill on record', () => {
  // the same pump; the report leaves out what older pumps did not say
  const older = (now: number, volumeMl: number, more: Partial<ReturnType<typeof pumpBeliefView>> = {}) => {
    const {
      log: _l,
      drug: _d,
      admixed: _a,
      dose: _q,
      ...view
    } = pumpBeliefView(createPumpState(buildPumpInput({ program: simpleProgram(250) })), 'running');
    return forecastDates({ ...view, now: at(now), calculatedReservoir: (volumeMl * 1_000_000) as Nanolitres, ...more });
  };

  it('stopped with 1.5 mL at day 10 and no log: stopped by the clinician, the alarm sounding since now, refill overdue since now', () => {
    // 1.5 mL is under the 2 mL alarm; no log says when it was raised, so it is dated now (day 10);
    // refill: min(alarm day 10, baclofen's stability 0 + 180) = day 10
    const d = older(10, 1.5, { suspended: true, state: 'stopped' });
    expect(d.doseNow).toEqual({ dose: 0, reason: 'stoppedByClinician', halted: true });
    expect(d.lowReservoir).toEqual({ status: 'past', at: at(10) });
    expect(d.refill).toEqual({ status: 'past', at: at(10) });
  });

  it('running with no dose reported: 0 pg/day, still running; the stability limit is baclofen’s 180 days', () => {
    const d = older(200, 20, { therapy: { mode: 'simple', dose: mcgPerDayToPicogramsPerDay(25) } });
    expect(d.doseNow).toEqual({ dose: 0, reason: 'running', halted: false });
    expect(d.refill).toEqual({ status: 'past', at: at(180) });
  });

  it('stopped with no refill on record: refill by is the alarm after a restart (26 days), halted like it', () => {
    // (15 - 2) mL / 0.5 mL/day = 26 days after a restart; no stability limit without a refill
    const d = pumpAt(10, 15, { suspended: true, state: 'stopped', lastRefill: null });
    expect(d.refill).toEqual({ status: 'halted', afterRestart: days(26) });
    expect(d.refillBy).toBeNull();
  });
});
