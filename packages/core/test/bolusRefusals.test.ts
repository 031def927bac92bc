import { describe, expect, it } from 'vitest';
import { cancelBolus, createPumpState, type Nanolitres, type PumpState, startBolus } from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { buildPumpInput, flexProgram } from '../src/testing/index.ts';

// A 20 mL SynchroMed-like pump at 500 mcg/mL and 250 mcg/day (0.5 mL/day), maximum 24 mL/day.
const pump = createPumpState(buildPumpInput({}));
const HOUR = 3_600_000;
const bolus = (volume: number, durationMs: number, kind: 'single' | 'priming' | 'bridge' = 'single') => ({
  kind,
  volume: volume as Nanolitres,
  durationMs,
});
const refusal = (state: PumpState, request: ReturnType<typeof bolus>) => {
  const r = startBolus(state, request);
  return r.ok ? null : r.refusal;
};
const withAlarm = (state: PumpState, name: keyof PumpState['alarms']): PumpState => ({
  ...state,
  alarms: { ...state.alarms, [name]: { active: true, since: state.now } },
});

describe('a bolus is refused, with its reason in words, and nothing changes', () => {
  it('without a volume and a duration greater than zero, or with fractions', () => {
    const invalid = { code: 'bolus.invalid', message: 'A bolus needs a volume and a duration greater than zero.' };
    expect(refusal(pump, bolus(0, HOUR))).toEqual(invalid);
    expect(refusal(pump, bolus(1000, 0))).toEqual(invalid);
    expect(refusal(pump, bolus(1000.5, HOUR))).toEqual(invalid);
    expect(refusal(pump, bolus(1000, HOUR + 0.5))).toEqual(invalid);
    expect(refusal(pump, bolus(-1000, HOUR))).toEqual(invalid);
    expect(refusal(pump, bolus(1, HOUR))).toBeNull();
  });

  it('after a memory error, after end of service, while one runs, while stopped, while the motor is stalled or awaits an interrogation', () => {
    expect(refusal({ ...pump, memoryError: true }, bolus(1000, HOUR))).toEqual({
      code: 'pump.failed',
      message: 'The pump has a memory error and cannot deliver.',
    });
    const running = startBolus(pump, bolus(1000, HOUR));
    if (!running.ok) throw new Error(running.refusal.message);
    expect(refusal(running.value, bolus(1000, HOUR))).toEqual({
      code: 'bolus.alreadyRunning',
      message: 'A bolus is already running; only one can run at a time.',
    });
    expect(refusal({ ...pump, therapyActive: false }, bolus(1000, HOUR))).toEqual({
      code: 'bolus.pumpStopped',
      message: 'The pump is stopped; restart therapy before a bolus.',
    });
    const stalled = { code: 'bolus.motorStalled', message: 'The pump motor is stalled; no bolus can be given.' };
    expect(refusal({ ...pump, motor: { ...pump.motor, awaitingInterrogation: true } }, bolus(1000, HOUR))).toEqual(
      stalled,
    );
  });

  it('while a critical alarm sounds, naming it; a non-critical one does not stop it', () => {
    expect(refusal(withAlarm(pump, 'reservoirEmpty'), bolus(1000, HOUR))).toEqual({
      code: 'bolus.criticalAlarm',
      message: 'No bolus while a critical alarm is active (reservoirEmpty).',
    });
    expect(refusal(withAlarm(withAlarm(pump, 'reservoirEmpty'), 'motorStall'), bolus(1000, HOUR))?.message).toBe(
      'No bolus while a critical alarm is active (reservoirEmpty, motorStall).',
    );
    expect(refusal(withAlarm(pump, 'lowReservoir'), bolus(1000, HOUR))).toBeNull();
  });

  it('above the maximum flow: a single bolus counts with the basal (the flex maximum), priming and bridge alone', () => {
    // 24 mL/day maximum, basal 0.5 mL/day: a single bolus may add 23.5 mL/day, a priming bolus run at 24
    expect(refusal(pump, bolus(979_166, 1 * HOUR))).toBeNull(); // 23.499984 mL/day
    expect(refusal(pump, bolus(979_167, 1 * HOUR))?.code).toBe('bolus.rateAboveMaximum'); // 0.000008 over
    expect(refusal(pump, bolus(1_000_000, 1 * HOUR))).toEqual({
      code: 'bolus.rateAboveMaximum',
      message: "The bolus would run at 24.5 mL/day, above the pump's maximum of 24 mL/day; give it over a longer time.",
    });
    expect(refusal(pump, bolus(1_000_000, 1 * HOUR, 'priming'))).toBeNull();
    expect(refusal(pump, bolus(1_000_001, 1 * HOUR, 'priming'))?.code).toBe('bolus.rateAboveMaximum');
    // a flex schedule counts at its highest step, whenever the bolus starts
    const flex = createPumpState(
      buildPumpInput({
        program: flexProgram(
          [
            ['00:00', 250],
            ['12:00', 2000],
          ],
          500,
        ),
      }),
    );
    expect(refusal(flex, bolus(979_166, 1 * HOUR))?.code).toBe('bolus.rateAboveMaximum');
  });

  it('bigger than the calculated reservoir', () => {
    const low = { ...pump, belief: { ...pump.belief, calculatedReservoir: 500_000 as Nanolitres } };
    expect(refusal(low, bolus(500_001, 24 * HOUR))).toEqual({
      code: 'bolus.exceedsReservoir',
      message: 'The bolus of 0.500001 mL is more than the 0.5 mL the reservoir holds.',
    });
    expect(refusal(low, bolus(500_000, 24 * HOUR))).toBeNull();
  });

  it('cancelled only when one runs, logged when it is', () => {
    expect(cancelBolus(pump)).toEqual({
      ok: false,
      refusal: { code: 'bolus.noneRunning', message: 'No bolus is running.' },
    });
    const running = startBolus(pump, bolus(1000, HOUR));
    if (!running.ok) throw new Error(running.refusal.message);
    expect(running.value.bolus).toMatchObject({ kind: 'single', volume: 1000, startedAt: 0, delivered: 0, carry: 0 });
    expect(logEntries(running.value.log).at(-1)).toEqual({ at: 0, type: 'bolus.started' });
    const cancelled = cancelBolus(running.value);
    if (!cancelled.ok) throw new Error('not cancelled');
    expect(cancelled.value.bolus).toBeNull();
    expect(logEntries(cancelled.value.log).at(-1)).toEqual({ at: 0, type: 'bolus.cancelled' });
  });
});
