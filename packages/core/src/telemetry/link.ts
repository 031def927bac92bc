import { nextIntInRange, type RandomState } from '../random/seededRandom.ts';
import { MS_PER_MINUTE } from '../units/time.ts';

/** Electromagnetic interference around the patient (motors, monitors). */
export type Interference = 'none' | 'moderate' | 'severe';

/** Where the communicator is and what disturbs it: set by the trainee or the instructor. */
export interface LinkConditions {
  /** Distance from the communicator to the pump, in cm. */
  readonly distanceCm: number;
  readonly interference: Interference;
}

/** Which half of an exchange a dropped link loses: the message on its way, or the pump's answer after it acted. */
export type LinkPart = 'message' | 'acknowledgement';

/**
 * What a disturbed exchange suffers besides a loss: its message reaches the pump twice
 * (`duplicate`); reaches it after the programmer stopped waiting for the answer (`late`); or is held
 * back and reaches it after the next exchange's message, out of order (`reorder`).
 */
export type LinkDisturbance = 'duplicate' | 'late' | 'reorder';

/** Everything an injected link fault can do to an exchange. */
export type LinkFault = LinkPart | LinkDisturbance;

/** The telemetry link's figures. */
export interface LinkProfile {
  /** Range of the wireless communicator. */
  readonly rangeCm: number;
  /** Time one message takes, there and back. */
  readonly latencyMs: number;
  /** Chance a message is lost, by interference, in ppm. */
  readonly lossPpm: Readonly<Record<Interference, number>>;
  /** A session left idle this long is closed by the programmer. */
  readonly idleTimeoutMs: number;
  /** How long the programmer waits for the pump's answer before it gives the exchange up (absent in older saved worlds). */
  readonly replyTimeoutMs?: number;
}

/** How long the communicator waits for the pump's answer when a link profile does not say (U). */
export const DEFAULT_REPLY_TIMEOUT_MS = 5000;

/** The clinician programmer's communicator. */
export const communicatorLink: LinkProfile = {
  rangeCm: 300, // usable within about 3 m (V) [R4]
  latencyMs: 800, // (U)
  lossPpm: { none: 0, moderate: 100_000, severe: 600_000 }, // (U); interference disrupts programming (V) [R42b]
  idleTimeoutMs: 5 * MS_PER_MINUTE, // idle alert after 5 min during programming (V, GIP) [R49]
  replyTimeoutMs: DEFAULT_REPLY_TIMEOUT_MS,
};

/** Why a message did not get through. */
export type LinkFailure = 'outOfRange' | 'interference' | 'idleTimeout' | 'dropped' | 'noReply';

/** What each failure means, in words a clinician understands. */
export const linkFailureMessages: Readonly<Record<LinkFailure, string>> = {
  outOfRange: 'The communicator is out of range of the pump. Hold it within 3 m of the pump and try again.',
  interference:
    'Telemetry was disrupted by interference. Move the patient away from motors and monitors, then try again.',
  idleTimeout: 'The session was closed after 5 minutes without activity. Connect again to continue.',
  dropped: 'The telemetry link dropped. Reconnect and check the pump before the patient leaves.',
  noReply:
    'The pump did not answer in time; it may or may not have acted. Reconnect and check the pump before the patient leaves.',
};

/** The outcome of sending one message. */
export type Transmission =
  | { readonly delivered: true; readonly latencyMs: number; readonly rng: RandomState }
  | { readonly delivered: false; readonly failure: LinkFailure; readonly latencyMs: number; readonly rng: RandomState };

/**
 * Sends one message over the link: lost for sure out of range, lost by chance under interference
 * (drawn from the seeded generator), otherwise delivered after the link's latency.
 */
export function transmit(conditions: LinkConditions, profile: LinkProfile, rng: RandomState): Transmission {
  if (conditions.distanceCm > profile.rangeCm) {
    return { delivered: false, failure: 'outOfRange', latencyMs: profile.latencyMs, rng };
  }
  const draw = nextIntInRange(rng, 0, 999_999);
  if (draw.value < profile.lossPpm[conditions.interference]) {
    return { delivered: false, failure: 'interference', latencyMs: profile.latencyMs, rng: draw.state };
  }
  return { delivered: true, latencyMs: profile.latencyMs, rng: draw.state };
}
