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
  /**
   * What else interference does to an exchange whose message got through, in ppm of such exchanges,
   * by interference (absent in older saved worlds: nothing).
   */
  readonly mishapPpm?: Readonly<Record<Interference, MishapChances>>;
  /**
   * From this distance to the range's edge the pump's answer, sent by a weaker transmitter than the
   * communicator's, is lost more and more often, up to `edgeAnswerLossPpm` at the edge (absent: never).
   */
  readonly fadeFromCm?: number;
  readonly edgeAnswerLossPpm?: number;
}

/**
 * What can befall an exchange whose message got through (one at most): the pump acted and its
 * answer is lost (`answerLost`) or comes after the programmer stopped waiting, during the next
 * exchange (`answerLate`); the programmer hears the answer and a copy of it again during the next
 * exchange (`answerDuplicated`); the pump receives the message twice, a copy right behind it
 * (`messageDuplicated`); the message reaches the pump only after the next exchange's message, out of
 * order, so the programmer hears nothing in time (`messageHeld`).
 */
export type ExchangeMishap = 'answerLost' | 'answerLate' | 'answerDuplicated' | 'messageDuplicated' | 'messageHeld';

/** The chance of each mishap, in ppm of exchanges whose message got through. */
export type MishapChances = Readonly<Record<ExchangeMishap, number>>;

/** The mishaps in the order their chances are laid along one draw. */
export const EXCHANGE_MISHAPS: readonly ExchangeMishap[] = [
  'answerLost',
  'answerLate',
  'answerDuplicated',
  'messageDuplicated',
  'messageHeld',
];

const NO_MISHAP: MishapChances = {
  answerLost: 0,
  answerLate: 0,
  answerDuplicated: 0,
  messageDuplicated: 0,
  messageHeld: 0,
};

/** How long the communicator waits for the pump's answer when a link profile does not say (U). */
export const DEFAULT_REPLY_TIMEOUT_MS = 5000;

/** The clinician programmer's communicator. */
export const communicatorLink: LinkProfile = {
  rangeCm: 300, // usable within about 3 m (V) [R4]
  latencyMs: 800, // (U)
  lossPpm: { none: 0, moderate: 100_000, severe: 600_000 }, // (U); interference disrupts programming (V) [R42b]
  idleTimeoutMs: 5 * MS_PER_MINUTE, // idle alert after 5 min during programming (V, GIP) [R49]
  replyTimeoutMs: DEFAULT_REPLY_TIMEOUT_MS,
  // interrogations and programming disrupted by interference (V) [R42b]; how, and how often (U):
  // none without interference, so a quiet room within 2 m behaves exactly as a link with no mishaps
  mishapPpm: {
    none: NO_MISHAP,
    moderate: {
      answerLost: 50_000,
      answerLate: 20_000,
      answerDuplicated: 20_000,
      messageDuplicated: 20_000,
      messageHeld: 10_000,
    },
    severe: {
      answerLost: 150_000,
      answerLate: 50_000,
      answerDuplicated: 50_000,
      messageDuplicated: 50_000,
      messageHeld: 30_000,
    },
  },
  fadeFromCm: 200, // (U) within the 3 m range (V) [R4]
  edgeAnswerLossPpm: 300_000, // (U)
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

/** The chance of each mishap under these conditions: interference's, and the answer's fade near the range's edge. */
export function mishapChances(conditions: LinkConditions, profile: LinkProfile): MishapChances {
  const base = profile.mishapPpm?.[conditions.interference] ?? NO_MISHAP;
  const fadeFrom = profile.fadeFromCm;
  const edge = profile.edgeAnswerLossPpm ?? 0;
  const d = conditions.distanceCm;
  if (fadeFrom === undefined || edge === 0 || d <= fadeFrom || profile.rangeCm <= fadeFrom) return base;
  const fade = Math.floor((edge * (Math.min(d, profile.rangeCm) - fadeFrom)) / (profile.rangeCm - fadeFrom));
  return { ...base, answerLost: Math.min(1_000_000, base.answerLost + fade) };
}

/** The fate of one exchange: the message's, and what else befell it once it got through. */
export interface ExchangeFate {
  readonly transmission: Transmission;
  readonly mishap: ExchangeMishap | null;
}

/**
 * Draws the fate of one exchange from the seeded generator: the message's loss as {@link transmit}
 * draws it, then, for a message that got through, at most one mishap, each over its own share of
 * a second draw. Where no mishap can happen (no interference, within the fade distance) nothing
 * more is drawn, so such a link draws exactly what {@link transmit} alone draws.
 */
export function drawExchange(conditions: LinkConditions, profile: LinkProfile, rng: RandomState): ExchangeFate {
  const transmission = transmit(conditions, profile, rng);
  if (!transmission.delivered) return { transmission, mishap: null };
  const chances = mishapChances(conditions, profile);
  if (EXCHANGE_MISHAPS.every((m) => chances[m] === 0)) return { transmission, mishap: null };
  const draw = nextIntInRange(transmission.rng, 0, 999_999);
  let edge = 0;
  let mishap: ExchangeMishap | null = null;
  for (const m of EXCHANGE_MISHAPS) {
    edge += chances[m];
    if (draw.value < edge) {
      mishap = m;
      break;
    }
  }
  return { transmission: { ...transmission, rng: draw.state }, mishap };
}
