import { describe, expect, it } from 'vitest';
import {
  advancePump,
  aspirateReservoir,
  averageProgramRate,
  batteryLifeAtRate,
  createPumpState,
  daysToMs,
  fluidAt,
  getDeviceProfile,
  giveInjection,
  hoursToMs,
  type McgPerMl,
  type Milliseconds,
  massOf,
  type Nanolitres,
  type PumpState,
  reservoirVolume,
  startCatheterFault,
} from '../src/index.ts';
import { advancePumpObserved, advancePumpStepwise } from '../src/pump/advancePump.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { buildPumpInput, flexProgram, simpleProgram } from '../src/testing/index.ts';

/** A kernel's accepted result, or the test fails with the refusal. */
function accepted<T>(result: { ok: true; value: T } | { ok: false; refusal: { message: string } }): T {
  if (!result.ok) throw new Error(result.refusal.message);
  return result.value;
}

/** The state with the catheter faults started one after another. */
const faulted = (state: PumpState, ...faults: Parameters<typeof startCatheterFault>[1][]): PumpState =>
  faults.reduce((s, fault) => accepted(startCatheterFault(s, fault)), state);

describe('the steady fast path where a flex boundary and an alarm fall on the same instant', () => {
  // 200 mcg/day at 2000 mcg/mL is 100 000 nL/day: 25 000 nL from 00:00 to 06:00, so 1 025 000 nL
  // reaches the 1 000 000 nL threshold exactly at the 06:00 step
  const start = createPumpState(
    buildPumpInput({
      program: flexProgram(
        [
          ['00:00', 200],
          ['06:00', 300],
        ],
        2000,
      ),
      reservoirVolume: 1_025_000 as Nanolitres,
      lowReservoirThreshold: 1_000_000 as Nanolitres,
    }),
  );

  it('raises the low-reservoir alarm at 06:00 sharp, as the stepwise advance does', () => {
    const day = advancePump(start, daysToMs(1));
    expect(day.alarms.lowReservoir).toEqual({ active: true, since: hoursToMs(6) });
    expect(logEntries(day.log).filter((e) => e.type === 'alarm.lowReservoir.raised')).toEqual([
      { at: hoursToMs(6), type: 'alarm.lowReservoir.raised' },
    ]);
    expect(day).toEqual(advancePumpStepwise(start, daysToMs(1)));
  });

  it('counts each boundary once, whether the run stops on it or crosses it', () => {
    // 06:00 (boundary and threshold), 00:00 next day (boundary) = 2 due instants in a day
    expect(advancePump(start, daysToMs(1)).eventsProcessed).toBe(2);
    const stopped = advancePump(advancePump(start, hoursToMs(6)), daysToMs(1));
    expect(stopped).toEqual(advancePump(start, daysToMs(1)));
  });
});

describe('the steady fast path crossing whole days of a flex schedule', () => {
  // ERI comes ten days or so in; EOS is then exactly 90 days after it, a whole number of days from
  // the ERI instant: a jump of whole days must stop short of it, not land on it unsettled
  const program = flexProgram(
    [
      ['00:00', 200],
      ['06:00', 300],
      ['12:00', 250],
      ['18:00', 350],
    ],
    2000,
  );
  const profile = getDeviceProfile('synchromed-ii-20');
  const life = batteryLifeAtRate(profile, averageProgramRate(program, profile));
  const start = createPumpState(buildPumpInput({ program, ageAtStart: (life - daysToMs(10)) as Milliseconds }));

  it('stops delivering at EOS exactly 90 days after ERI, as the stepwise advance does', () => {
    const eriAt = advancePump(start, daysToMs(30)).battery.eriAt as Milliseconds;
    expect(eriAt).not.toBeNull();
    const atEri = advancePump(start, eriAt);
    const eosAt = (eriAt + daysToMs(90)) as Milliseconds;
    const after = advancePump(atEri, (eosAt + daysToMs(3)) as Milliseconds);
    expect(after).toEqual(advancePumpStepwise(atEri, (eosAt + daysToMs(3)) as Milliseconds));
    expect(after.alarms.eos).toEqual({ active: true, since: eosAt });
    expect(after.truth.sinks.csf).toEqual(advancePump(atEri, eosAt).truth.sinks.csf);
  });

  it('counts every step boundary of the days it crosses: four a day', () => {
    const day0 = advancePump(start, daysToMs(1));
    expect(advancePump(day0, daysToMs(6)).eventsProcessed - day0.eventsProcessed).toBe(20);
  });
});

describe('the steady fast path on schedules the pump would refuse, built by hand', () => {
  // the fast path must stay exact whatever program a state holds: a schedule that does not start at
  // midnight (midnight is then a due instant of its own) and one with a step that commands nothing
  const base = createPumpState(buildPumpInput({ reservoirVolume: 20_000_000 as Nanolitres }));
  const withSteps = (steps: readonly { startMinute: number; dose: number }[]) => ({
    ...base,
    program: { ...base.program, concentration: 2000, therapy: { mode: 'flex', steps } },
  });

  it.each([
    [
      'steps at 06:00 and 18:00 only',
      [
        { startMinute: 360, dose: 200_000_000 },
        { startMinute: 1080, dose: 300_000_000 },
      ],
    ],
    [
      'a step of no dose from 12:00',
      [
        { startMinute: 0, dose: 200_000_000 },
        { startMinute: 720, dose: 0 },
      ],
    ],
  ])('%s: the same state as the stepwise advance over ten days', (_, steps) => {
    const state = withSteps(steps) as unknown as typeof base;
    expect(advancePump(state, daysToMs(10))).toEqual(advancePumpStepwise(state, daysToMs(10)));
  });
});

describe('the steady fast path crossing whole cycles of an intermittent kink', () => {
  const cycle = (program: ReturnType<typeof flexProgram>, periodMs: number, kinkedMs: number) =>
    faulted(createPumpState(buildPumpInput({ program })), { kind: 'kink', periodMs, kinkedMs });
  const flex = flexProgram(
    [
      ['00:00', 200],
      ['06:00', 300],
      ['12:00', 250],
      ['18:00', 350],
    ],
    2000,
  );

  it.each([
    ['a one-minute cycle blocked 18 s, simple', simpleProgram(250), 60_000, 18_000],
    ['a one-minute cycle blocked 18 s, flex', flex, 60_000, 18_000],
    ['a 7-minute cycle never blocked, flex', flex, 420_000, 0],
    ['a 7-minute cycle always blocked, flex', flex, 420_000, 420_000],
  ])('%s: the stepwise advance state over ten days', (_, program, periodMs, kinkedMs) => {
    const state = cycle(program, periodMs, kinkedMs);
    expect(advancePump(state, daysToMs(10))).toEqual(advancePumpStepwise(state, daysToMs(10)));
  });

  it('stops short of a flex step that whole cycles from now would land on exactly', () => {
    // from 00:03, 51 cycles of 7 minutes end at 06:00, a flex step that is no edge of the cycle
    const at3 = advancePump(cycle(flex, 420_000, 120_000), 180_000 as Milliseconds);
    expect(advancePump(at3, daysToMs(1))).toEqual(advancePumpStepwise(at3, daysToMs(1)));
  });

  it('times the cycle of a kink that appears off its period (00:07:13) from that instant, with and without a leak', () => {
    const later = advancePump(createPumpState(buildPumpInput({ program: flex })), 433_000 as Milliseconds);
    const kinked = faulted(later, { kind: 'kink', periodMs: 3_600_000, kinkedMs: 1_200_000 });
    const leaking = faulted(kinked, { kind: 'leak', atVolume: 50_000 as Nanolitres, escapePpm: 250_000 });
    for (const state of [kinked, leaking])
      expect(advancePump(state, daysToMs(3))).toEqual(advancePumpStepwise(state, daysToMs(3)));
  });

  it('crosses whole cycles with the real reservoir dry and the calculated volume not yet at zero: nothing more drawn', () => {
    // 'all' withdrawn leaves the dead space, pumped out in about four days (0.5 mL/day, a third of it kinked), while the
    // pump still believes its 20 mL are there: the cycles after that move nothing real
    const drained = aspirateReservoir(cycle(simpleProgram(250), 3_600_000, 1_200_000), 'all').state;
    const dry = advancePump(drained, daysToMs(5));
    expect(reservoirVolume(dry.truth.path.reservoir)).toBe(0);
    expect(dry.belief.calculatedReservoir).toBeGreaterThan(0);
    expect(advancePump(drained, daysToMs(10))).toEqual(advancePumpStepwise(drained, daysToMs(10)));
    expect(advancePump(dry, daysToMs(10))).toEqual(advancePumpStepwise(dry, daysToMs(10)));
  });

  it('counts both edges of every cycle: a one-minute cycle over a day of a simple program is 2880 instants', () => {
    const state = cycle(simpleProgram(250), 60_000, 18_000);
    expect(advancePump(state, daysToMs(1)).eventsProcessed - state.eventsProcessed).toBe(2880);
  });
});

describe('the steady fast path through a breach in the catheter', () => {
  const twoStep = createPumpState(
    buildPumpInput({
      program: flexProgram(
        [
          ['00:00', 200],
          ['12:00', 400],
        ],
        2000,
      ),
    }),
  );
  const withFaults = (...faults: Parameters<typeof startCatheterFault>[1][]) => faulted(twoStep, ...faults);
  const kink = { kind: 'kink' as const, periodMs: 3_600_000, kinkedMs: 1_200_000 };

  it.each([
    [
      'a leak letting 37 % escape, with a kink',
      withFaults({ kind: 'leak', atVolume: 50_000 as Nanolitres, escapePpm: 370_000 }, kink),
    ],
    ['a disconnection, with a kink it flows past', withFaults({ kind: 'disconnect' }, kink)],

    ['a fracture halfway', withFaults({ kind: 'fracture', atVolume: 52_000 as Nanolitres })],
  ])('%s: the stepwise advance state over ten days', (_, state) => {
    expect(advancePump(state, daysToMs(10))).toEqual(advancePumpStepwise(state, daysToMs(10)));
  });
  it('a leak on its own, a mixed reservoir reaching it: no whole days summed, the stepwise state over ten days', () => {
    // a mix whose concentration is no whole number of pg/nL: which piece of it escapes depends on
    // where the flow is cut, so whole days of the flex schedule must not be pushed at once
    const drawnDown = aspirateReservoir(withFaults(), 5_000_000 as Nanolitres).state;
    const mixed = accepted(giveInjection(drawnDown, 'reservoir', fluidAt(3_000_003 as Nanolitres, 700 as McgPerMl)));
    const leaking = faulted(mixed, { kind: 'leak', atVolume: 50_000 as Nanolitres, escapePpm: 370_000 });
    const { batch } = leaking.truth.path.reservoir;
    expect(massOf(batch, 'baclofen') % batch.volume).not.toBe(0);
    expect(advancePump(leaking, daysToMs(10))).toEqual(advancePumpStepwise(leaking, daysToMs(10)));
  });
});

describe('the steady run told to an observer (the patient): advancePumpObserved', () => {
  // a path flushed through with the reservoir's batch, so the tip delivers one unbroken batch
  const flushed = advancePump(createPumpState(buildPumpInput({ program: simpleProgram(250) })), daysToMs(5));
  const told = (state: PumpState, to: Milliseconds) => {
    const seen: Milliseconds[] = [];
    const end = advancePumpObserved(state, to, (at) => {
      seen.push(at);
    });
    return { end, seen };
  };

  it('hands over at a flex step that commands nothing, having told the observer up to it', () => {
    // built by hand (the pump refuses a step of no dose): 00:00 to 12:00 at 200 mcg/day, then none
    const withStop = {
      ...flushed,
      program: {
        ...flushed.program,
        concentration: 2000,
        therapy: {
          mode: 'flex',
          steps: [
            { startMinute: 0, dose: 200_000_000 },
            { startMinute: 720, dose: 0 },
          ],
        },
      },
    } as unknown as PumpState;
    const noon = (daysToMs(5) + hoursToMs(12)) as Milliseconds;
    const { end, seen } = told(withStop, daysToMs(6));
    expect(end.now).toBe(noon);
    expect(seen.at(-1)).toBe(noon);
    expect(end).toEqual(advancePumpStepwise(withStop, noon));
  });

  it('tells nothing and does not move where the path holds more than one batch (a front to time)', () => {
    const primed = createPumpState(buildPumpInput({ program: simpleProgram(250) }));
    const { end, seen } = told(primed, daysToMs(1));
    expect(seen).toEqual([]);
    expect(end.now).toBe(0);
  });
});
