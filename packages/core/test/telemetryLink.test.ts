import { describe, expect, it } from 'vitest';
import {
  communicatorLink,
  drawExchange,
  EXCHANGE_MISHAPS,
  linkFailureMessages,
  mishapChances,
  nextIntInRange,
  seedRandom,
  transmit,
} from '../src/index.ts';

// One message over the communicator's link: the range is a hard edge, interference a seeded chance.
describe('transmit', () => {
  const rng = seedRandom(42);

  it('delivers within range, the edge included, after the latency, and loses every message beyond it', () => {
    const edge = transmit({ distanceCm: communicatorLink.rangeCm, interference: 'none' }, communicatorLink, rng);
    expect(edge).toEqual({ delivered: true, latencyMs: 800, rng: nextIntInRange(rng, 0, 999_999).state });
    expect(transmit({ distanceCm: communicatorLink.rangeCm + 1, interference: 'none' }, communicatorLink, rng)).toEqual(
      {
        delivered: false,
        failure: 'outOfRange',
        latencyMs: 800,
        rng,
      },
    );
  });

  it('loses a message under interference exactly when the draw falls below the loss share', () => {
    const link = { ...communicatorLink, lossPpm: { none: 0, moderate: 0, severe: 0 } };
    let state = rng;
    for (let i = 0; i < 200; i += 1) {
      const draw = nextIntInRange(state, 0, 999_999);
      // a loss share just above the draw loses it; one equal to the draw does not
      const lost = transmit(
        { distanceCm: 10, interference: 'severe' },
        { ...link, lossPpm: { ...link.lossPpm, severe: draw.value + 1 } },
        state,
      );
      expect(lost).toEqual({ delivered: false, failure: 'interference', latencyMs: 800, rng: draw.state });
      const kept = transmit(
        { distanceCm: 10, interference: 'severe' },
        { ...link, lossPpm: { ...link.lossPpm, severe: draw.value } },
        state,
      );
      expect(kept).toEqual({ delivered: true, latencyMs: 800, rng: draw.state });
      state = draw.state;
    }
  });

  it('loses none without interference, about a tenth under moderate and most under severe', () => {
    const share = (interference: 'none' | 'moderate' | 'severe') => {
      let state = rng;
      let lost = 0;
      for (let i = 0; i < 2000; i += 1) {
        const t = transmit({ distanceCm: 50, interference }, communicatorLink, state);
        if (!t.delivered) lost += 1;
        state = t.rng;
      }
      return lost / 2000;
    };
    expect(share('none')).toBe(0);
    expect(share('moderate')).toBeGreaterThan(0.07);
    expect(share('moderate')).toBeLessThan(0.13);
    expect(share('severe')).toBeGreaterThan(0.55);
    expect(share('severe')).toBeLessThan(0.65);
  });

  it('closes a session idle for five minutes, and says so in a clinician’s words', () => {
    expect(communicatorLink.idleTimeoutMs).toBe(300_000);
    expect(linkFailureMessages.interference).toBe(
      'Telemetry was disrupted by interference. Move the patient away from motors and monitors, then try again.',
    );
    expect(linkFailureMessages.idleTimeout).toBe(
      'The session was closed after 5 minutes without activity. Connect again to continue.',
    );
  });
});

// What befalls an exchange whose message got through: at most one mishap, laid along a second draw
// in a fixed order, with chances from the interference and the distance.
describe('drawExchange', () => {
  const quiet = { distanceCm: 50, interference: 'none' as const };

  it('draws exactly what transmit draws where no mishap can happen (no interference, within the fade distance)', () => {
    let state = seedRandom(7);
    for (let i = 0; i < 300; i += 1) {
      for (const distanceCm of [0, 50, 200]) {
        const fate = drawExchange({ distanceCm, interference: 'none' }, communicatorLink, state);
        expect(fate).toEqual({
          transmission: transmit({ distanceCm, interference: 'none' }, communicatorLink, state),
          mishap: null,
        });
      }
      state = nextIntInRange(state, 0, 999_999).state;
    }
    expect(mishapChances(quiet, communicatorLink)).toEqual({
      answerLost: 0,
      answerLate: 0,
      answerDuplicated: 0,
      messageDuplicated: 0,
      messageHeld: 0,
    });
  });

  it('lays the mishaps along the second draw in order, a fifth each when each has 200 000 ppm', () => {
    const fifth = {
      answerLost: 200_000,
      answerLate: 200_000,
      answerDuplicated: 200_000,
      messageDuplicated: 200_000,
      messageHeld: 200_000,
    };
    const link = {
      ...communicatorLink,
      lossPpm: { none: 0, moderate: 0, severe: 0 },
      mishapPpm: { none: fifth, moderate: fifth, severe: fifth },
    };
    let state = seedRandom(11);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const first = nextIntInRange(state, 0, 999_999);
      const second = nextIntInRange(first.state, 0, 999_999);
      const fate = drawExchange(quiet, link, state);
      // draws 0-199 999 answerLost, 200 000-399 999 answerLate, ... 800 000-999 999 messageHeld
      expect(fate.mishap).toBe(EXCHANGE_MISHAPS[Math.floor(second.value / 200_000)]);
      expect(fate.transmission).toEqual({ delivered: true, latencyMs: 800, rng: second.state });
      seen.add(String(fate.mishap));
      state = second.state;
    }
    expect(seen.size).toBe(5);
  });

  it('loses more of the pump’s answers toward the range’s edge: none at 200 cm, 150 000 ppm at 250 cm, 300 000 ppm at 300 cm', () => {
    const at = (distanceCm: number, interference: 'none' | 'severe' = 'none') =>
      mishapChances({ distanceCm, interference }, communicatorLink).answerLost;
    expect(at(200)).toBe(0);
    expect(at(250)).toBe(150_000); // 300 000 x (250 - 200) / (300 - 200)
    expect(at(300)).toBe(300_000);
    expect(at(250, 'severe')).toBe(300_000); // severe interference's 150 000 plus the fade's 150 000
    expect(mishapChances({ distanceCm: 250, interference: 'none' }, communicatorLink).messageHeld).toBe(0);
  });

  it('befalls nothing on a link saved before mishaps: no mishap chances, no fade at the edge', () => {
    const { mishapPpm: _m, edgeAnswerLossPpm: _e, ...older } = communicatorLink;
    const nothing = { answerLost: 0, answerLate: 0, answerDuplicated: 0, messageDuplicated: 0, messageHeld: 0 };
    expect(mishapChances({ distanceCm: 300, interference: 'severe' }, older)).toEqual(nothing);
    // a fade named without its loss at the edge fades nothing; with it, 300 000 x (300 - 200) / 100 at the edge
    expect(mishapChances({ distanceCm: 300, interference: 'severe' }, { ...older, fadeFromCm: 200 })).toEqual(nothing);
    expect(
      mishapChances({ distanceCm: 300, interference: 'none' }, { ...older, edgeAnswerLossPpm: 300_000 }).answerLost,
    ).toBe(300_000);
  });

  it('befalls about the configured share of exchanges under severe interference, and never one whose message was lost', () => {
    const counts: Record<string, number> = {};
    let delivered = 0;
    let state = seedRandom(3);
    for (let i = 0; i < 20_000; i += 1) {
      const fate = drawExchange({ distanceCm: 100, interference: 'severe' }, communicatorLink, state);
      if (!fate.transmission.delivered) expect(fate.mishap).toBeNull();
      else delivered += 1;
      if (fate.mishap !== null) counts[fate.mishap] = (counts[fate.mishap] ?? 0) + 1;
      state = fate.transmission.rng;
    }
    // severe: 40 % of messages get through; of those 15 % lose the answer, 5 % each for the rest but 3 % held
    const share = (m: string) => (counts[m] ?? 0) / delivered;
    expect(delivered / 20_000).toBeGreaterThan(0.37);
    expect(delivered / 20_000).toBeLessThan(0.43);
    expect(share('answerLost')).toBeGreaterThan(0.13);
    expect(share('answerLost')).toBeLessThan(0.17);
    for (const m of ['answerLate', 'answerDuplicated', 'messageDuplicated']) {
      expect(share(m)).toBeGreaterThan(0.04);
      expect(share(m)).toBeLessThan(0.06);
    }
    expect(share('messageHeld')).toBeGreaterThan(0.02);
    expect(share('messageHeld')).toBeLessThan(0.04);
  });
});
