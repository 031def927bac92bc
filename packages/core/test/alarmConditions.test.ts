import { describe, expect, it } from 'vitest';
import { alarmConditions, createPumpState } from '../src/index.ts';
import { buildPumpInput } from '../src/testing/index.ts';

describe('alarm conditions', () => {
  it('a new, full pump has no alarm condition: ERI is not due before the battery reaches it', () => {
    const state = createPumpState(buildPumpInput({}));
    expect(state.battery.eriAt).not.toBe(0);
    expect(alarmConditions(state)).toEqual({
      lowReservoir: false,
      reservoirEmpty: false,
      eri: false,
      eos: false,
      motorStall: false,
      lowBatteryReset: false,
      memoryError: false,
    });
  });
});
