import { doseToRate } from '../drug/doseToRate.ts';
import { assertNever } from '../errors.ts';
import type { Milliseconds, NanolitresPerDay, PicogramsPerDay } from '../units/quantity.ts';
import { MS_PER_DAY, MS_PER_MINUTE } from '../units/time.ts';
import type { DeviceProfile } from './deviceProfile.ts';
import type { FlexStep, PumpProgram } from './program.ts';

/** The flex step in force at a time of day (ms after midnight). Steps are ascending from 00:00. */
export function flexStepAt(steps: readonly FlexStep[], timeOfDay: Milliseconds): FlexStep {
  let current = steps[0];
  for (const step of steps) {
    if (step.startMinute * MS_PER_MINUTE <= timeOfDay) current = step;
    else break;
  }
  if (current === undefined) throw new Error('flexStepAt: a flex schedule has at least one step');
  return current;
}

/** The daily dose the program asks for at a time of day; 0 for minimum and stopped modes. */
export function programmedDoseAt(program: PumpProgram, timeOfDay: Milliseconds): PicogramsPerDay {
  const { therapy } = program;
  switch (therapy.mode) {
    case 'simple':
      return therapy.dose;
    case 'flex':
      return flexStepAt(therapy.steps, timeOfDay).dose;
    case 'minimum':
    case 'stopped':
      return 0 as PicogramsPerDay;
    /* v8 ignore next 2 -- @preserve unreachable: every therapy mode is a case above (assertNever is the compile-time check) */
    default:
      return assertNever(therapy, 'programmedDoseAt');
  }
}

/** The flow the program asks for at a time of day, before any suspension. */
export function programmedRateAt(
  program: PumpProgram,
  profile: DeviceProfile,
  timeOfDay: Milliseconds,
): NanolitresPerDay {
  const { therapy } = program;
  switch (therapy.mode) {
    case 'simple':
      return doseToRate(therapy.dose, program.concentration);
    case 'flex':
      return doseToRate(flexStepAt(therapy.steps, timeOfDay).dose, program.concentration);
    case 'minimum':
      return profile.minimumModeRate;
    case 'stopped':
      return 0 as NanolitresPerDay;
    /* v8 ignore next 2 -- @preserve unreachable: every therapy mode is a case above (assertNever is the compile-time check) */
    default:
      return assertNever(therapy, 'programmedRateAt');
  }
}

/** The time of day (ms after midnight) at simulated time `now`. */
export const timeOfDayAt = (now: Milliseconds, timeOfDayAtStart: Milliseconds): Milliseconds =>
  ((now + timeOfDayAtStart) % MS_PER_DAY) as Milliseconds;

/** The first flex step boundary strictly after `now`, as simulated time. */
export function nextFlexBoundary(
  steps: readonly FlexStep[],
  now: Milliseconds,
  timeOfDayAtStart: Milliseconds,
): Milliseconds {
  const tod = timeOfDayAt(now, timeOfDayAtStart);
  for (const step of steps) {
    const start = step.startMinute * MS_PER_MINUTE;
    if (start > tod) return (now + start - tod) as Milliseconds;
  }
  return (now + MS_PER_DAY - tod) as Milliseconds;
}

/** The highest basal flow the program asks for at any time of day. */
export function maxProgrammedRate(program: PumpProgram, profile: DeviceProfile): NanolitresPerDay {
  const { therapy } = program;
  if (therapy.mode !== 'flex') return programmedRateAt(program, profile, 0 as Milliseconds);
  let max = 0;
  for (const step of therapy.steps) max = Math.max(max, doseToRate(step.dose, program.concentration));
  return max as NanolitresPerDay;
}
