import { describe, expect, it } from 'vitest';
import {
  advancePump,
  aspirateReservoir,
  createPumpState,
  daysToMs,
  hoursToMs,
  type Milliseconds,
  type Nanolitres,
  nextDueInstant,
  pumpBeliefView,
  pumpTruthView,
} from '../src/index.ts';
import { buildPumpInput, flexProgram, simpleProgram } from '../src/testing/index.ts';

describe('advancePump', () => {
  it('20 mL at 500 mcg/mL and 250 mcg/day reaches a 2 mL threshold in exactly 36 days and empties at 40', () => {
    const start = createPumpState(buildPumpInput());
    expect(nextDueInstant(start)).toBe(daysToMs(36));
    const justBefore = advancePump(start, (daysToMs(36) - 1) as Milliseconds);
    expect(justBefore.alarms.lowReservoir.active).toBe(false);
    const at = advancePump(justBefore, daysToMs(36));
    expect(at.alarms.lowReservoir).toEqual({ active: true, since: daysToMs(36) });
    expect(at.belief.calculatedReservoir).toBe(2_000_000);
    const empty = advancePump(at, daysToMs(50));
    expect(empty.alarms.reservoirEmpty).toEqual({ active: true, since: daysToMs(40) });
    expect(pumpBeliefView(empty, 'running').state).toBe('stopped');
    expect(pumpTruthView(empty).delivered.volume).toBe(20_000_000);
  });

  it('runs a flex schedule by the time of day of the scenario start', () => {
    // t = 0 is 06:00; steps 00:00 240 mcg/day, 08:00 480 mcg/day at 500 mcg/mL
    const pump = createPumpState(
      buildPumpInput({
        timeOfDayAtStart: hoursToMs(6),
        program: flexProgram([
          ['00:00', 240],
          ['08:00', 480],
        ]),
        catheterVolume: 0 as Nanolitres,
      }),
    );
    expect(nextDueInstant(pump)).toBe(hoursToMs(2));
    expect(pumpBeliefView(pump, 'running').dose).toBe(240_000_000);
    const later = advancePump(pump, hoursToMs(3));
    expect(pumpBeliefView(later, 'running').dose).toBe(480_000_000);
    // 2 h at 0.48 mL/day + 1 h at 0.96 mL/day = 0.04 + 0.04 mL
    expect(20_000_000 - later.belief.calculatedReservoir).toBe(80_000);
    // a whole day from 06:00 to 06:00: 8 h at 0.48 + 16 h at 0.96 = 0.8 mL
    const day = advancePump(pump, daysToMs(1));
    expect(20_000_000 - day.belief.calculatedReservoir).toBe(800_000);
    expect(day.eventsProcessed).toBe(2);
  });

  it('with nominal accuracy the real reservoir drifts from the belief by the seeded bias', () => {
    const input = buildPumpInput({ accuracy: 'nominal', seed: 42 });
    const pump = advancePump(createPumpState(input), daysToMs(30));
    const bias = pump.truth.biasPpm;
    expect(bias).toBeGreaterThanOrEqual(-24_000);
    expect(bias).toBeLessThanOrEqual(25_000);
    expect(bias).not.toBe(0);
    const believedOut = 20_000_000 - pump.belief.calculatedReservoir;
    const reallyOut = 20_000_000 - pumpTruthView(pump).reservoir.volume;
    expect(believedOut).toBe(15_000_000);
    expect(reallyOut).toBe(Math.round((500_000 * (1_000_000 + bias)) / 1_000_000) * 30);
    expect(createPumpState(input).truth.biasPpm).toBe(bias);
  });

  it('stops flowing when the real reservoir runs dry before the pump believes it is empty', () => {
    const pump = createPumpState(
      buildPumpInput({ reservoirVolume: 10_000_000 as Nanolitres, program: simpleProgram(250) }),
    );
    // the pump believes 10 mL; 6 mL it does not know about are withdrawn, leaving 4 mL
    const { state: drained } = aspirateReservoir(pump, 6_000_000 as Nanolitres);
    const dry = advancePump(drained, daysToMs(8));
    expect(pumpTruthView(dry).reservoir.volume).toBe(0);
    expect(pumpTruthView(dry).delivered.volume).toBe(4_000_000);
    expect(dry.belief.calculatedReservoir).toBe(6_000_000);
    const later = advancePump(dry, daysToMs(25));
    expect(pumpTruthView(later).delivered.volume).toBe(4_000_000);
    expect(later.belief.calculatedReservoir).toBe(0);
    expect(later.alarms.reservoirEmpty.since).toBe(daysToMs(20));
  });

  it('refuses to go back in time', () => {
    const pump = advancePump(createPumpState(buildPumpInput()), daysToMs(1));
    expect(() => advancePump(pump, 0 as Milliseconds)).toThrow(/advancePump/);
  });
});
