import type { DeviceProfileId } from '../pump/deviceProfile.ts';
import type { Milliseconds } from '../units/quantity.ts';
import { type BedsideView, bedsideView } from './bedsideView.ts';
import { type ProgrammerView, programmerView } from './programmerView.ts';
import type { WorldState } from './worldState.ts';

/**
 * Everything a trainee's devices may show during an exercise: the programmer's screen (what
 * telemetry told it), the bedside (what a clinician sees, measures and hears), the ward clock and
 * the model of the implanted pump (on the patient's implant card). A classroom server sends this
 * and nothing else to a trainee's device.
 */
export interface TraineeView {
  readonly now: Milliseconds;
  /** The calendar date of t = 0 (ISO), or null when the world has none. */
  readonly startsAt: string | null;
  /** The wall-clock time of day at t = 0. */
  readonly timeOfDayAtStart: Milliseconds;
  /** The implanted pump's model (its alarm tones are the model's). */
  readonly pumpModel: DeviceProfileId;
  readonly programmer: ProgrammerView;
  readonly bedside: BedsideView;
}

/** The trainee's view of a world. */
export function traineeView(world: WorldState): TraineeView {
  return {
    now: world.now,
    startsAt: world.startsAt,
    timeOfDayAtStart: world.pump.timeOfDayAtStart,
    pumpModel: world.pump.profileId,
    programmer: programmerView(world),
    bedside: bedsideView(world),
  };
}
