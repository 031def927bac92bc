import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advancePump,
  createPumpState,
  daysToMs,
  forecastReservoir,
  getDeviceProfile,
  type Milliseconds,
} from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { pumpInputArb } from '../src/testing/index.ts';
import { referenceFor } from './reference/judgeAgainstReference.ts';

describe('calculators agree with the pump', () => {
  it('REQ-CALC-01: the reservoir forecast gives the exact instants the pump raises its low-reservoir and empty alarms', () =>
    fc.assert(
      fc.property(pumpInputArb(), (input) => {
        const pump = createPumpState(input);
        const forecast = forecastReservoir({
          now: pump.now,
          timeOfDayAtStart: pump.timeOfDayAtStart,
          calculatedReservoir: pump.belief.calculatedReservoir,
          threshold: pump.lowReservoirThreshold,
          program: pump.program,
          profile: getDeviceProfile(pump.profileId),
          horizon: daysToMs(400),
        });
        // battery events cannot stop delivery within 400 days of a pump at most 60 % through its life
        const after = advancePump(pump, daysToMs(400) as Milliseconds);
        const raised = (type: string) => logEntries(after.log).find((e) => e.type === type)?.at ?? null;
        expect(forecast.lowReservoirAt).toBe(
          pump.alarms.lowReservoir.active ? null : raised('alarm.lowReservoir.raised'),
        );
        expect(forecast.emptyAt).toBe(pump.alarms.reservoirEmpty.active ? null : raised('alarm.reservoirEmpty.raised'));
      }),
    ));

  it('REQ-CALC-01 (reference): the reservoir forecast gives the instants the reference pump raises those alarms', () =>
    fc.assert(
      fc.property(pumpInputArb(), (input) => {
        const profile = getDeviceProfile(input.profileId);
        const forecast = forecastReservoir({
          now: 0 as Milliseconds,
          timeOfDayAtStart: input.timeOfDayAtStart,
          calculatedReservoir: input.reservoirVolume,
          threshold: input.lowReservoirThreshold ?? profile.defaultLowReservoirThreshold,
          program: input.program,
          profile,
          horizon: daysToMs(400),
        });
        const reference = referenceFor(input, 0);
        const atStart = reference.copy();
        reference.advanceTo(BigInt(daysToMs(400)));
        const raisedAt = (alarm: 'lowReservoir' | 'reservoirEmpty') =>
          atStart.alarms[alarm].active || !reference.alarms[alarm].active
            ? null
            : Number(reference.alarms[alarm].since);
        expect([forecast.lowReservoirAt, forecast.emptyAt]).toEqual([
          raisedAt('lowReservoir'),
          raisedAt('reservoirEmpty'),
        ]);
      }),
    ));
});
