import { describe, expect, it } from 'vitest';
import {
  averageProgramRate,
  batteryDrainPerDay,
  checkRefillDiscrepancy,
  dailyTotal,
  daysToMs,
  forecastReservoir,
  getDeviceProfile,
  hoursToMs,
  type Milliseconds,
  mcgPerDayToPicogramsPerDay,
  mcgPerMl,
  type Nanolitres,
  type NanolitresPerDay,
  nextRefillAt,
  planBridgeBolus,
  primingVolume,
  replaceByAt,
} from '../src/index.ts';
import { flexProgram, simpleProgram } from '../src/testing/index.ts';

const profile = getDeviceProfile('synchromed-ii-20');
const at = (ms: number) => ms as Milliseconds;

describe('calculators (hand-computed figures)', () => {
  it('20 mL at 500 mcg/mL and 250 mcg/day reaches a 2 mL threshold in exactly 36 days and empties at 40', () => {
    const f = forecastReservoir({
      now: at(0),
      timeOfDayAtStart: at(0),
      calculatedReservoir: 20_000_000 as Nanolitres,
      threshold: 2_000_000 as Nanolitres,
      program: simpleProgram(250),
      profile,
    });
    expect(f).toEqual({ lowReservoirAt: daysToMs(36), emptyAt: daysToMs(40) });
  });

  it('follows a flex schedule step by step (0.8 mL/day from 06:00: threshold at 22 days 11 hours)', () => {
    const f = forecastReservoir({
      now: at(0),
      timeOfDayAtStart: hoursToMs(6),
      calculatedReservoir: 20_000_000 as Nanolitres,
      threshold: 2_000_000 as Nanolitres,
      program: flexProgram([
        ['00:00', 240],
        ['08:00', 480],
      ]),
      profile,
    });
    expect(f.lowReservoirAt).toBe(daysToMs(22) + hoursToMs(11));
    expect(f.emptyAt).toBe(daysToMs(25));
  });

  it('an empty reservoir has no dates; one exactly at the threshold has only its empty date', () => {
    const base = { now: at(0), timeOfDayAtStart: at(0), threshold: 2_000_000 as Nanolitres, profile };
    const program = simpleProgram(250);
    expect(forecastReservoir({ ...base, calculatedReservoir: 0 as Nanolitres, program })).toEqual({
      lowReservoirAt: null,
      emptyAt: null,
    });
    expect(forecastReservoir({ ...base, calculatedReservoir: 2_000_000 as Nanolitres, program })).toEqual({
      lowReservoirAt: null,
      emptyAt: daysToMs(4),
    });
  });

  it('gives no date beyond the horizon, even inside a flex step that ends after it; one at the horizon counts', () => {
    // two equal steps: the same flow as 250 mcg/day simple, low at day 36 00:00, empty at day 40 00:00
    const base = {
      now: at(0),
      timeOfDayAtStart: at(0),
      calculatedReservoir: 20_000_000 as Nanolitres,
      threshold: 2_000_000 as Nanolitres,
      program: flexProgram([
        ['00:00', 250],
        ['12:00', 250],
      ]),
      profile,
    };
    expect(forecastReservoir({ ...base, horizon: at(daysToMs(36) - 1) })).toEqual({
      lowReservoirAt: null,
      emptyAt: null,
    });
    expect(forecastReservoir({ ...base, horizon: at(daysToMs(36)) })).toEqual({
      lowReservoirAt: daysToMs(36),
      emptyAt: null,
    });
    expect(forecastReservoir({ ...base, horizon: at(daysToMs(40) - 1) }).emptyAt).toBeNull();
    expect(forecastReservoir({ ...base, horizon: at(daysToMs(40)) }).emptyAt).toBe(daysToMs(40));
  });

  it('has no dates for a stopped program, and no low date when already below the threshold', () => {
    const stopped = { ...simpleProgram(250), therapy: { mode: 'stopped' as const } };
    const base = { now: at(0), timeOfDayAtStart: at(0), threshold: 2_000_000 as Nanolitres, profile };
    expect(forecastReservoir({ ...base, calculatedReservoir: 20_000_000 as Nanolitres, program: stopped })).toEqual({
      lowReservoirAt: null,
      emptyAt: null,
    });
    expect(
      forecastReservoir({ ...base, calculatedReservoir: 1_000_000 as Nanolitres, program: simpleProgram(250) }),
    ).toEqual({
      lowReservoirAt: null,
      emptyAt: daysToMs(2),
    });
  });

  it('the next refill is the earlier of the low-reservoir date and 180 days after the last refill', () => {
    expect(nextRefillAt({ lowReservoirAt: daysToMs(36), lastRefillAt: at(0), stabilityDays: 180 })).toBe(daysToMs(36));
    expect(nextRefillAt({ lowReservoirAt: daysToMs(200), lastRefillAt: daysToMs(10), stabilityDays: 180 })).toBe(
      daysToMs(190),
    );
    expect(nextRefillAt({ lowReservoirAt: null, lastRefillAt: at(0), stabilityDays: 180 })).toBe(daysToMs(180));
    expect(nextRefillAt({ lowReservoirAt: null, lastRefillAt: null, stabilityDays: 180 })).toBeNull();
    expect(nextRefillAt({ lowReservoirAt: daysToMs(36), lastRefillAt: null, stabilityDays: 180 })).toBe(daysToMs(36));
  });

  it('replace-by is ERI plus 90 days', () => {
    expect(replaceByAt(daysToMs(2000), profile)).toBe(daysToMs(2090));
  });

  it('priming moves tubing plus catheter: 0.2 + 0.104 = 0.304 mL', () => {
    expect(primingVolume(200_000 as Nanolitres, 104_000 as Nanolitres)).toBe(304_000);
  });

  it('a bridge bolus for 2000 to 500 mcg/mL at 400 mcg/day moves 0.3 mL at 0.2 mL/day: 1.5 days', () => {
    const plan = planBridgeBolus({
      deadVolume: 300_000 as Nanolitres,
      dose: mcgPerDayToPicogramsPerDay(400),
      oldConcentration: mcgPerMl(2000),
    });
    expect(plan).toEqual({ ok: true, value: { kind: 'bridge', volume: 300_000, durationMs: daysToMs(1.5) } });
    expect(
      planBridgeBolus({
        deadVolume: 0 as Nanolitres,
        dose: mcgPerDayToPicogramsPerDay(400),
        oldConcentration: mcgPerMl(2000),
      }).ok,
    ).toBe(false);
  });

  it('a bridge bolus is refused, with its reason, without a daily dose or a dead volume', () => {
    const refusal = {
      ok: false,
      refusal: {
        code: 'bolus.invalid',
        message: 'A bridge bolus needs a daily dose and a dead volume greater than zero.',
      },
    };
    const old = mcgPerMl(2000);
    expect(
      planBridgeBolus({
        deadVolume: 300_000 as Nanolitres,
        dose: mcgPerDayToPicogramsPerDay(0),
        oldConcentration: old,
      }),
    ).toEqual(refusal);
    expect(
      planBridgeBolus({ deadVolume: 0 as Nanolitres, dose: mcgPerDayToPicogramsPerDay(400), oldConcentration: old }),
    ).toEqual(refusal);
  });

  it('battery: minimum mode drains at the profile minimum rate; drain is idle plus per-nanolitre', () => {
    const minimum = { ...simpleProgram(250, 500), therapy: { mode: 'minimum' as const } };
    expect(averageProgramRate(minimum, profile)).toBe(profile.minimumModeRate);
    expect(averageProgramRate(simpleProgram(250, 500), profile)).toBe(500_000);
    const doubled = { ...profile, battery: { ...profile.battery, drainPerNanolitre: 2 } };
    expect(batteryDrainPerDay(doubled, 500_000 as NanolitresPerDay)).toBe(3_000_000 + 1_000_000);
  });

  it('a flex daily total is the time-weighted sum of its steps', () => {
    const program = flexProgram([
      ['00:00', 200],
      ['06:00', 300],
      ['12:00', 250],
      ['18:00', 350],
    ]);
    expect(dailyTotal(program.therapy)).toBe(275_000_000);
  });
});

describe('REQ-DISC-01: refill discrepancy', () => {
  it('flags 19 mL less than expected after a pocket fill, with its likely causes', () => {
    // the pump believes 20.4 mL; really 1.4 mL of dead space is all there is
    const d = checkRefillDiscrepancy({
      calculatedReservoir: 20_400_000 as Nanolitres,
      aspirated: 0 as Nanolitres,
      deliveredSinceLastRefill: 0 as Nanolitres,
      profile,
    });
    expect(d.expectedWithdrawal).toBe(19_000_000);
    expect(d.difference).toBe(-19_000_000);
    expect(d.flagged).toBe(true);
    expect(d.likelyCauses[0]).toContain('needle is not in the reservoir');
    expect(d.likelyCauses[1]).toContain('pocket fill');
  });

  it('does not flag what accuracy and syringe reading explain, nor anything under 1 mL on a 20 mL pump', () => {
    // 18 mL delivered: +-14.5 % is 2.61 mL, plus 0.5 mL reading: 3.11 mL tolerance
    const within = checkRefillDiscrepancy({
      calculatedReservoir: 3_400_000 as Nanolitres,
      aspirated: 5_000_000 as Nanolitres,
      deliveredSinceLastRefill: 18_000_000 as Nanolitres,
      profile,
    });
    expect(within.tolerance).toBe(3_110_000);
    expect(within.difference).toBe(3_000_000);
    expect(within.flagged).toBe(false);
    const small = checkRefillDiscrepancy({
      calculatedReservoir: 3_400_000 as Nanolitres,
      aspirated: 2_900_000 as Nanolitres,
      deliveredSinceLastRefill: 0 as Nanolitres,
      profile,
    });
    expect(small.flagged).toBe(false);
  });

  it('flags a larger residual than expected (drug not leaving the pump) on a 40 mL pump only above 2 mL', () => {
    const forty = getDeviceProfile('synchromed-ii-40');
    const base = {
      calculatedReservoir: 3_400_000 as Nanolitres,
      deliveredSinceLastRefill: 0 as Nanolitres,
      profile: forty,
    };
    expect(checkRefillDiscrepancy({ ...base, aspirated: 3_900_000 as Nanolitres }).flagged).toBe(false);
    const big = checkRefillDiscrepancy({ ...base, aspirated: 4_100_000 as Nanolitres });
    expect(big.flagged).toBe(true);
    expect(big.likelyCauses[0]).toContain('motor stall');
    // exactly the limit is not beyond it
    expect(checkRefillDiscrepancy({ ...base, aspirated: 4_000_000 as Nanolitres }).flagged).toBe(false);
  });

  it('flags only beyond the tolerance, never at it', () => {
    const base = {
      calculatedReservoir: 3_400_000 as Nanolitres,
      deliveredSinceLastRefill: 18_000_000 as Nanolitres,
      profile,
    };
    // expected 2 mL; tolerance 3.11 mL
    expect(checkRefillDiscrepancy({ ...base, aspirated: 5_110_000 as Nanolitres }).flagged).toBe(false);
    expect(checkRefillDiscrepancy({ ...base, aspirated: 5_110_001 as Nanolitres }).flagged).toBe(true);
  });

  it('says what it found in words, and lists every likely cause in order', () => {
    const less = checkRefillDiscrepancy({
      calculatedReservoir: 20_400_000 as Nanolitres,
      aspirated: 0 as Nanolitres,
      deliveredSinceLastRefill: 0 as Nanolitres,
      profile,
    });
    expect(less.message).toBe(
      "Aspirated 0.00 mL where 19.00 mL was expected: 19.00 mL less, beyond the 0.50 mL the pump's accuracy and syringe reading explain. Investigate before refilling.",
    );
    expect(less.likelyCauses).toEqual([
      'the needle is not in the reservoir now (in the pocket or the catheter access port): check its place with the template before anything is injected',
      'a pocket fill at the last refill (drug injected outside the reservoir)',
      'a leak from the reservoir, pump or catheter',
      'a volume mis-entered or a short fill at the last refill',
      'over-delivery by the pump',
    ]);
    const more = checkRefillDiscrepancy({
      calculatedReservoir: 3_400_000 as Nanolitres,
      aspirated: 5_000_000 as Nanolitres,
      deliveredSinceLastRefill: 0 as Nanolitres,
      profile,
    });
    expect(more.message).toContain('3.00 mL more, beyond the 0.50 mL');
    expect(more.likelyCauses).toEqual([
      'drug is not leaving the pump: a motor stall, or therapy stopped or at minimum rate',
      'an occluded, kinked or blocked catheter holding the flow back',
      'the program delivers less than believed (wrong dose or concentration entered)',
      'a pump fault: investigate before restarting (a restart can release a large dose)',
    ]);
    const within = checkRefillDiscrepancy({
      calculatedReservoir: 3_400_000 as Nanolitres,
      aspirated: 2_100_000 as Nanolitres,
      deliveredSinceLastRefill: 0 as Nanolitres,
      profile,
    });
    expect(within.message).toBe('Aspirated 2.10 mL; 2.00 mL was expected: within tolerance.');
    expect(within.likelyCauses).toEqual([]);
  });
});
