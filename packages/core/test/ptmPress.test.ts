import { describe, expect, it } from 'vitest';
import {
  advancePump,
  applyUpdate,
  createPumpState,
  createWorld,
  hoursToMs,
  type McgPerMl,
  type Milliseconds,
  massOf,
  minutesToMs,
  type Nanolitres,
  type Picograms,
  type PicogramsPerDay,
  type PtmSettings,
  type PumpProgram,
  type PumpState,
  pressPtm,
  ptmAvailability,
  pumpBeliefView,
  pumpTruthView,
  startBolus,
} from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { buildPumpInput } from '../src/testing/index.ts';

// The pump does not know the drug: it gives the programmed mass per bolus at the concentration it
// holds. These figures are those of 1 mg/mL morphine (1000 mcg/mL): a 2 mg/day basal is 2 mL/day;
// a 0.1 mg patient bolus is 0.1 mL, over 15 minutes at 0.1 mL / 15 min = 9.6 mL/day on top.
const PTM: PtmSettings = {
  bolusDose: 100_000_000 as Picograms,
  bolusDurationMs: minutesToMs(15),
  lockoutMs: hoursToMs(1),
  maxPerDay: 3,
};
const program = (ptm: PtmSettings | null = PTM): PumpProgram => ({
  drug: 'baclofen',
  concentration: 1000 as McgPerMl,
  therapy: { mode: 'simple', dose: 2_000_000_000 as PicogramsPerDay },
  ...(ptm === null ? {} : { ptm }),
});
// no catheter and a tubing already full of the same solution: what is pumped is what arrives
const pumpWith = (ptm: PtmSettings | null = PTM) =>
  createPumpState(buildPumpInput({ program: program(ptm), catheterVolume: 0 as Nanolitres }));
const at = (pump: PumpState, h: number, m = 0) => advancePump(pump, (hoursToMs(h) + minutesToMs(m)) as Milliseconds);
const press = (pump: PumpState) => pressPtm(pump).state;
const ptmLog = (pump: PumpState) =>
  logEntries(pump.log)
    .filter((e) => e.type.startsWith('ptm.') || e.type === 'bolus.completed')
    .map((e) => [e.at / 60_000, e.type]);

describe('the patient therapy manager at the pump', () => {
  it('a day of presses: boluses, a lockout, the day limit, and the rolling 24 hours', () => {
    let pump = pumpWith();
    pump = press(at(pump, 1)); // 01:00 given (nothing before)
    pump = press(at(pump, 1, 30)); // 01:30 locked out: 30 min after the 01:00 bolus, lockout 1 h
    pump = press(at(pump, 2)); // 02:00 given: exactly 1 h after 01:00
    pump = press(at(pump, 5)); // 05:00 given: the third in 24 h
    pump = press(at(pump, 8)); // 08:00 day limit: 01:00, 02:00, 05:00 are within the last 24 h
    expect(ptmAvailability(pump)).toMatchObject({ available: false, outcome: 'ptm.dayLimit', until: hoursToMs(25) });
    pump = at(pump, 24);
    // a day of basal, 2 mg, plus three boluses of 0.1 mg: 2.3 mg to the picogram; 2.3 mL pumped
    expect(massOf(pumpTruthView(pump).delivered, 'baclofen')).toBe(2_300_000_000);
    expect(pump.belief.calculatedReservoir).toBe(20_000_000 - 2_000_000 - 300_000);
    // 25:00: the 01:00 bolus is exactly 24 h old, out of the window (now - 24 h, now]: given
    pump = press(at(pump, 25));
    // 25:30: inside the lockout and, with 02:00, 05:00 and 25:00 in (01:30, 25:30], at the day's limit
    // too; the day's limit is checked first and logged (it lasts until 26:00, when 02:00 leaves the window)
    pump = press(at(pump, 25, 30));
    pump = press(at(pump, 26)); // 26:00: 02:00 has left, 1 h since 25:00: given
    expect(ptmLog(pump)).toEqual([
      [60, 'ptm.bolus'],
      [75, 'bolus.completed'],
      [90, 'ptm.lockedOut'],
      [120, 'ptm.bolus'],
      [135, 'bolus.completed'],
      [300, 'ptm.bolus'],
      [315, 'bolus.completed'],
      [480, 'ptm.dayLimit'],
      [1500, 'ptm.bolus'],
      [1515, 'bolus.completed'],
      [1530, 'ptm.dayLimit'],
      [1560, 'ptm.bolus'],
    ]);
    // only the boluses of the last 24 h are kept
    expect(pump.ptmGiven).toEqual([hoursToMs(5), hoursToMs(25), hoursToMs(26)]);
  });

  it('a PTM bolus runs on top of the basal flow and ends by itself as an event', () => {
    const pump = press(at(pumpWith(), 0, 0));
    expect(pump.bolus).toMatchObject({ kind: 'ptm', volume: 100_000, rate: 9_600_000 });
    expect(pumpBeliefView(pump, 'running')).toMatchObject({ mode: 'bolus', deliveringRate: 11_600_000 });
    // one jump to 15 min: the bolus's end is the pump's next due instant
    const after = at(pump, 0, 15);
    expect(after.bolus).toBeNull();
    // 0.1 mL of bolus plus 15 min of 2 mL/day basal (20.833... uL, carried exactly)
    expect(pumpTruthView(after).delivered.volume).toBe(100_000 + Math.floor(2_000_000 / 96));
  });

  it('a pump saved before the PTM existed has no record of boluses: its first press is given', () => {
    const { ptmGiven: _, ...saved } = pumpWith();
    const { state, availability } = pressPtm(saved as PumpState);
    expect(availability.available).toBe(true);
    expect(state.ptmGiven).toEqual([0]);
  });

  it('the messages say how long the patient waits', () => {
    const pump = at(press(at(pumpWith(), 1)), 1, 20);
    expect(ptmAvailability(pump)).toMatchObject({
      available: false,
      outcome: 'ptm.lockedOut',
      until: hoursToMs(2),
      refusal: {
        code: 'ptm.lockedOut',
        message: 'Locked out: the last patient bolus started 20 min ago; the next is available in 40 min.',
      },
    });
  });

  it('the pump itself refuses: no PTM, therapy stopped, another bolus running, and each press is logged', () => {
    const none = pressPtm(pumpWith(null));
    expect(none.availability).toMatchObject({ available: false, refusal: { code: 'ptm.notProgrammed' } });
    expect(logEntries(none.state.log).at(-1)?.type).toBe('ptm.unavailable');
    const stopped = pressPtm({ ...pumpWith(), therapyActive: false });
    expect(stopped.availability).toMatchObject({ available: false, refusal: { code: 'bolus.pumpStopped' } });
    expect(stopped.state.bolus).toBeNull();
    const single = startBolus(pumpWith(), { kind: 'single', volume: 10_000 as Nanolitres, durationMs: hoursToMs(1) });
    if (!single.ok) throw new Error(single.refusal.message);
    const busy = pressPtm(single.value);
    expect(busy.availability).toMatchObject({ available: false, refusal: { code: 'bolus.alreadyRunning' } });
    expect(busy.state.bolus?.kind).toBe('single');
    expect(busy.state.ptmGiven ?? []).toEqual([]);
  });

  it('reprogramming keeps the boluses already given: a higher day limit allows one more, a longer lockout waits', () => {
    let pump = pumpWith();
    for (const h of [1, 2, 3]) pump = press(at(pump, h));
    pump = at(pump, 4);
    expect(ptmAvailability(pump)).toMatchObject({ outcome: 'ptm.dayLimit' });
    const four = applyUpdate(pump, { program: program({ ...PTM, maxPerDay: 4 }) });
    if (!four.ok) throw new Error(four.refusal.message);
    expect(ptmAvailability(four.value)).toEqual({ available: true, settings: { ...PTM, maxPerDay: 4 } });
    const longer = applyUpdate(pump, { program: program({ ...PTM, maxPerDay: 4, lockoutMs: hoursToMs(2) }) });
    if (!longer.ok) throw new Error(longer.refusal.message);
    // 04:00 is 1 h after the 03:00 bolus: a 2 h lockout waits until 05:00
    expect(ptmAvailability(longer.value)).toMatchObject({ outcome: 'ptm.lockedOut', until: hoursToMs(5) });
  });

  it('the pump refuses settings it cannot run: a lockout shorter than the bolus, basal and bolus above its maximum', () => {
    const pump = pumpWith();
    expect(
      applyUpdate(pump, { program: program({ ...PTM, lockoutMs: minutesToMs(10), bolusDurationMs: minutesToMs(11) }) }),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'program.ptmInvalid' },
    });
    // 0.5 mL in 1 minute is 720 mL/day
    expect(
      applyUpdate(pump, {
        program: program({ ...PTM, bolusDose: 500_000_000 as Picograms, bolusDurationMs: minutesToMs(1) }),
      }),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'program.ptmInvalid' },
    });
    expect(applyUpdate(pump, { program: program({ ...PTM, maxPerDay: 0 }) })).toMatchObject({ ok: false });
    // each field in the pump's ranges, and a bolus of at least one nanolitre at 1000 pg/nL
    const refusal = (ptm: PtmSettings) => {
      const result = applyUpdate(pump, { program: program(ptm) });
      return result.ok ? null : result.refusal.message;
    };
    expect(refusal({ ...PTM, bolusDose: 0 as Picograms })).toBe(
      'PTM: the bolus dose must be a whole number of picograms above zero.',
    );
    expect(refusal({ ...PTM, bolusDose: 499 as Picograms })).toBe(
      'PTM: the bolus dose is less than one nanolitre at 1000 mcg/mL.',
    );
    expect(refusal({ ...PTM, bolusDurationMs: 59_999 as Milliseconds })).toBe(
      'PTM: the bolus duration must be from 1 min to 1440 min; 59999 ms was given.',
    );
    expect(refusal({ ...PTM, lockoutMs: minutesToMs(9) })).toBe(
      'PTM: the lockout must be from 10 min to 1440 min; 540000 ms was given.',
    );
    expect(refusal({ ...PTM, lockoutMs: minutesToMs(24 * 60 + 1) })).toContain('PTM: the lockout must be');
    // 500 pg is half a nanolitre: rounded to one, the smallest bolus the pump gives
    expect(refusal({ ...PTM, bolusDose: 500 as Picograms })).toBeNull();
  });
});

describe('the patient presses through the world', () => {
  const world = () =>
    createWorld({ pump: buildPumpInput({ program: program(), catheterVolume: 0 as Nanolitres }), origin: 'spinal' });

  it('ptm.press is accepted and says what the pump did; a second press inside the lockout is logged as one', () => {
    const w = world();
    expect(w.apply({ type: 'ptm.press' })).toMatchObject({ ok: true, ptm: { outcome: 'ptm.bolus', refusal: null } });
    w.apply({ type: 'time.advance', to: minutesToMs(20) });
    expect(w.apply({ type: 'ptm.press' })).toMatchObject({
      ok: true,
      ptm: { outcome: 'ptm.lockedOut', refusal: { code: 'ptm.lockedOut' } },
    });
    expect(logEntries(w.state().pump.log).map((e) => e.type)).toEqual([
      'ptm.bolus',
      'bolus.completed',
      'ptm.lockedOut',
    ]);
  });

  it("the clinician's programmer cannot press the patient's button", () => {
    const w = world();
    const result = w.apply({ type: 'programmer.act', event: { type: 'ptm.press' } as never });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'programmer.unavailable' } });
    expect(logEntries(w.state().pump.log)).toEqual([]);
  });
});
