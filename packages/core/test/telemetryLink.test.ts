import { describe, expect, it } from 'vitest';
import { communicatorLink, linkFailureMessages, nextIntInRange, seedRandom, transmit } from '../src/index.ts';

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
