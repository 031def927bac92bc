import { describe, expect, it } from 'vitest';
import { advancePump, createPumpState, daysToMs, hoursToMs, type Nanolitres } from '../src/index.ts';
import { advancePumpStepwise } from '../src/pump/advancePump.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { buildPumpInput, flexProgram } from '../src/testing/index.ts';

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
