import { type Milliseconds, MS_PER_DAY, MS_PER_HOUR, type Simulation } from '@itps/core';
import { useEffect, useRef } from 'react';

/** Simulated milliseconds per real second for each run speed. */
export const SPEEDS = {
  'real time (1x)': 1000,
  '60x': 60_000,
  '1 hour per second': MS_PER_HOUR,
  '1 day per second': MS_PER_DAY,
} as const;
export type SpeedName = keyof typeof SPEEDS;

/**
 * Advances simulated time from the animation loop while `speed` is set. The loop lives here, in the
 * app; the core only ever receives the instant to move to.
 */
export function useClockDriver(
  simulation: Simulation,
  advanceTo: (to: Milliseconds) => void,
  speed: SpeedName | null,
): void {
  const last = useRef<number | null>(null);
  const advanceRef = useRef(advanceTo);
  advanceRef.current = advanceTo;
  useEffect(() => {
    if (speed === null) return;
    let frame = 0;
    const tick = (now: number) => {
      if (last.current !== null) {
        const step = Math.round(((now - last.current) / 1000) * SPEEDS[speed]);
        if (step > 0) advanceRef.current((simulation.now() + step) as Milliseconds);
      }
      last.current = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      last.current = null;
    };
  }, [simulation, speed]);
}
