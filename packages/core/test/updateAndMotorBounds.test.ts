import { describe, expect, it } from 'vitest';
import {
  applyUpdate,
  createPumpState,
  failWithMemoryError,
  getDeviceProfile,
  type Milliseconds,
  type Nanolitres,
  nextIntInRange,
  type PumpState,
  resetForLowBattery,
  stallMotor,
  stallMotorAtRandom,
  startBolus,
} from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';

const fresh = () => createPumpState(buildPumpInput({}));
const profile = getDeviceProfile(fresh().profileId);
const types = (s: PumpState) => logEntries(s.log).map((e) => e.type);

describe('applyUpdate, all or nothing', () => {
  it('takes a calculated reservoir up to the capacity, and refuses one above it in words', () => {
    const full = applyUpdate(fresh(), { calculatedReservoir: profile.capacity });
    expect(full.ok && full.value.belief.calculatedReservoir).toBe(profile.capacity);
    expect(applyUpdate(fresh(), { calculatedReservoir: (profile.capacity + 1) as Nanolitres })).toEqual({
      ok: false,
      refusal: {
        code: 'reservoir.calculatedOverCapacity',
        message: 'A reservoir volume of 20.000001 mL is more than the 20 mL reservoir holds.',
      },
    });
  });

  it('takes the low-reservoir threshold within its range, bounds included, and refuses outside it in words', () => {
    const { min, max } = profile.lowReservoirThresholdRange;
    for (const threshold of [min, max]) {
      const r = applyUpdate(fresh(), { lowReservoirThreshold: threshold });
      expect(r.ok && r.value.lowReservoirThreshold).toBe(threshold);
      expect(r.ok && types(r.value)).toEqual(['alarm.thresholdChanged']);
    }
    for (const threshold of [min - 1, max + 1])
      expect(applyUpdate(fresh(), { lowReservoirThreshold: threshold as Nanolitres })).toEqual({
        ok: false,
        refusal: {
          code: 'alarm.thresholdOutOfRange',
          message: `The low-reservoir alarm must be set from 0.5 to 10 mL; ${threshold / 1_000_000} mL was given.`,
        },
      });
  });

  it('refuses the whole update when its program is refused, though its other fields are fine', () => {
    const before = fresh();
    const r = applyUpdate(before, {
      program: simpleProgram(1_000_000),
      calculatedReservoir: 10_000_000 as Nanolitres,
      lowReservoirThreshold: 2_000_000 as Nanolitres,
    });
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.refusal.code).toMatch(/^program\./);
  });

  it('applies every field of an accepted update and logs each, in a fixed order', () => {
    const before = fresh();
    const r = applyUpdate(before, {
      catheterVolumeEntered: 90_000 as Nanolitres,
      program: simpleProgram(300),
      calculatedReservoir: 10_000_000 as Nanolitres,
      lowReservoirThreshold: 2_000_000 as Nanolitres,
    });
    if (!r.ok) throw new Error(r.refusal.message);
    expect(r.value.catheterVolumeEntered).toBe(90_000);
    expect(r.value.program).toEqual(simpleProgram(300));
    expect(r.value.belief).toEqual({
      calculatedReservoir: 10_000_000,
      lastRefill: { at: 0, volume: 10_000_000 },
      carry: 0,
    });
    expect(r.value.lowReservoirThreshold).toBe(2_000_000);
    expect(types(r.value)).toEqual([
      'catheter.recorded',
      'program.committed',
      'refill.recorded',
      'alarm.thresholdChanged',
    ]);
    const nothing = applyUpdate(before, {});
    expect(nothing.ok && nothing.value).toEqual(before);
  });
});

describe('motor stalls', () => {
  const at = (t: number) => ({ ...fresh(), now: t as Milliseconds });

  it('log the stall once, keep when it began, and let the later recovery win', () => {
    const first = stallMotor(at(100), 1000 as Milliseconds);
    expect(first.motor.stall).toEqual({ since: 100, recoversAt: 1000, cause: 'fault' });
    expect(types(first)).toEqual(['motor.stall', 'alarm.motorStall.raised']);
    const later = stallMotor({ ...first, now: 200 as Milliseconds }, 5000 as Milliseconds, 'mri');
    expect(later.motor.stall).toEqual({ since: 100, recoversAt: 5000, cause: 'mri' });
    expect(types(later)).toEqual(['motor.stall', 'alarm.motorStall.raised']);
    const sooner = stallMotor({ ...later, now: 300 as Milliseconds }, 2000 as Milliseconds);
    expect(sooner.motor.stall?.recoversAt).toBe(5000);
  });

  it('stay permanent once permanent, and become permanent when a permanent stall joins', () => {
    const permanent = stallMotor(at(0), null);
    expect(permanent.motor.stall).toEqual({ since: 0, recoversAt: null, cause: 'fault' });
    expect(stallMotor(permanent, 9000 as Milliseconds).motor.stall?.recoversAt).toBeNull();
    const transient = stallMotor(at(0), 9000 as Milliseconds);
    expect(stallMotor(transient, null).motor.stall?.recoversAt).toBeNull();
  });

  it('at random: permanent below the profile’s share of draws, otherwise recovering within its longest stall', () => {
    let permanent = 0;
    for (let seed = 1; seed <= 200; seed += 1) {
      const state = { ...createPumpState(buildPumpInput({ seed })), now: 1000 as Milliseconds };
      const draw = nextIntInRange(state.rng, 0, 999_999);
      const stalled = stallMotorAtRandom(state);
      const recoversAt = stalled.motor.stall?.recoversAt ?? null;
      expect(recoversAt === null).toBe(draw.value < profile.motorStall.permanentPpm);
      if (recoversAt === null) permanent += 1;
      else {
        expect(recoversAt).toBeGreaterThan(1000);
        expect(recoversAt).toBeLessThanOrEqual(1000 + profile.motorStall.maxTransient);
      }
      expect(stalled.rng).not.toEqual(state.rng);
    }
    expect(permanent).toBeGreaterThan(30);
    expect(permanent).toBeLessThan(90);
  });
});

describe('a low battery reset and a memory error', () => {
  const bolusing = () => {
    const r = startBolus(fresh(), { kind: 'single', volume: 100_000 as Nanolitres, durationMs: 3_600_000 });
    if (!r.ok) throw new Error(r.refusal.message);
    return r.value;
  };

  it('a reset goes to the minimum rate and cancels a running bolus, logging both', () => {
    const reset = resetForLowBattery(bolusing());
    expect(reset.program.therapy).toEqual({ mode: 'minimum' });
    expect(reset).toMatchObject({ lowBatteryReset: true, bolus: null });
    expect(types(reset).slice(-3)).toEqual(['bolus.cancelled', 'pump.reset', 'alarm.lowBatteryReset.raised']);
    expect(types(resetForLowBattery(fresh()))).toEqual(['pump.reset', 'alarm.lowBatteryReset.raised']);
  });

  it('a memory error stops the pump for good and cancels a running bolus, logging both', () => {
    const failed = failWithMemoryError(bolusing());
    expect(failed).toMatchObject({ memoryError: true, therapyActive: false, bolus: null });
    expect(types(failed).slice(-3)).toEqual(['bolus.cancelled', 'pump.stopped', 'alarm.memoryError.raised']);
    expect(types(failWithMemoryError(fresh()))).toEqual(['pump.stopped', 'alarm.memoryError.raised']);
  });
});
