import { describe, expect, it } from 'vitest';
import {
  accountedFor,
  checkPumpState,
  createPumpState,
  massOf,
  type Nanolitres,
  type PicogramsPerDay,
  type PumpState,
  STATE_INVARIANTS,
} from '../src/index.ts';
import { buildPumpInput, flexProgram, simpleProgram } from '../src/testing/index.ts';

// 20 mL at 500 mcg/mL, 250 mcg/day, 0.2 mL tubing and the default catheter, all primed
const pump = createPumpState(buildPumpInput({}));
const all = Object.keys(STATE_INVARIANTS) as (keyof typeof STATE_INVARIANTS)[];

describe('the state invariants report what they find', () => {
  it('find nothing in a healthy pump', () => {
    expect(all).toEqual(['REQ-CONS-01', 'REQ-RES-01', 'REQ-RATE-01', 'REQ-ALM-01']);
    expect(checkPumpState(pump, all)).toEqual([]);
    expect(accountedFor(pump)).toEqual(pump.truth.loaded);
  });

  it('REQ-CONS-01: drug or volume created or lost, with both totals', () => {
    const { volume, masses } = pump.truth.loaded;
    const mass = massOf(pump.truth.loaded, 'baclofen');
    const lost = { ...pump, now: 5, truth: { ...pump.truth, loaded: { volume: (volume + 1) as Nanolitres, masses } } };
    expect(checkPumpState(lost as PumpState, ['REQ-CONS-01'])).toEqual([
      {
        requirement: 'REQ-CONS-01',
        at: 5,
        message: `loaded ${volume + 1} nL / ${mass} pg, accounted ${volume} nL / ${mass} pg`,
      },
    ]);
    const massOnly = {
      ...pump,
      truth: { ...pump.truth, loaded: { volume, masses: { baclofen: mass + 1 } } },
    } as PumpState;
    expect(checkPumpState(massOnly, ['REQ-CONS-01'])).toHaveLength(1);
    expect(checkPumpState(massOnly, ['REQ-RES-01'])).toEqual([]);
  });

  it('REQ-RES-01: a calculated volume below zero, above the capacity or not whole', () => {
    const at = (v: number) =>
      checkPumpState({ ...pump, belief: { ...pump.belief, calculatedReservoir: v as Nanolitres } }, ['REQ-RES-01']);
    expect(at(-1)).toEqual([
      { requirement: 'REQ-RES-01', at: 0, message: 'calculated volume -1 nL outside [0, 20000000]' },
    ]);
    expect(at(20_000_001)).toHaveLength(1);
    expect(at(0.5)).toHaveLength(1);
    expect(at(0)).toEqual([]);
    expect(at(20_000_000)).toEqual([]);
  });

  it('REQ-RATE-01: a stored dose whose flow is outside the profile, for each flex step; none for minimum or stopped', () => {
    const rate = (program: PumpState['program']) => checkPumpState({ ...pump, program }, ['REQ-RATE-01']);
    // 0.048 mL/day minimum, 24 mL/day maximum at 500 mcg/mL: 24 to 12 000 mcg/day
    expect(rate(simpleProgram(23))).toEqual([
      { requirement: 'REQ-RATE-01', at: 0, message: "stored rate 46000 nL/day outside the profile's limits" },
    ]);
    expect(rate(simpleProgram(24))).toEqual([]);
    expect(rate(simpleProgram(12_000))).toEqual([]);
    expect(rate(simpleProgram(12_001))).toHaveLength(1);
    const flex = flexProgram(
      [
        ['00:00', 10],
        ['08:00', 250],
        ['12:00', 20_000],
      ],
      500,
    );
    expect(rate(flex).map((v) => v.message)).toEqual([
      "stored rate 20000 nL/day outside the profile's limits",
      "stored rate 40000000 nL/day outside the profile's limits",
    ]);
    expect(rate({ ...pump.program, therapy: { mode: 'minimum' } })).toEqual([]);
    expect(rate({ ...pump.program, therapy: { mode: 'stopped' } })).toEqual([]);
    expect(rate({ ...pump.program, therapy: { mode: 'simple', dose: 0 as PicogramsPerDay } })).toHaveLength(1);
  });

  it('REQ-ALM-01: an alarm on without its condition, or off with it, by name', () => {
    const on = { ...pump, alarms: { ...pump.alarms, lowReservoir: { active: true, since: 0 } } } as PumpState;
    expect(checkPumpState(on, ['REQ-ALM-01'])).toEqual([
      { requirement: 'REQ-ALM-01', at: 0, message: 'lowReservoir active=true but condition=false' },
    ]);
    const low = { ...pump, belief: { ...pump.belief, calculatedReservoir: 1_000_000 as Nanolitres } } as PumpState;
    expect(checkPumpState(low, ['REQ-ALM-01'])).toEqual([
      { requirement: 'REQ-ALM-01', at: 0, message: 'lowReservoir active=false but condition=true' },
    ]);
  });

  it('only the requirements asked for, in the order asked', () => {
    const broken = {
      ...pump,
      belief: { ...pump.belief, calculatedReservoir: -1 as Nanolitres },
      program: simpleProgram(1),
    } as PumpState;
    expect(checkPumpState(broken, ['REQ-RATE-01', 'REQ-RES-01']).map((v) => v.requirement)).toEqual([
      'REQ-RATE-01',
      'REQ-RES-01',
    ]);
    expect(checkPumpState(broken, [])).toEqual([]);
  });
});
