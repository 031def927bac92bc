import { type Milliseconds, MS_PER_DAY, MS_PER_HOUR } from '@itps/core';
import { useEffect, useRef } from 'react';
import type { WorldDoor } from './worldDoor.ts';

/** Simulated milliseconds per real second for each run speed. */
export const SPEEDS = {
  'real time (1x)': 1000,
  '60x': 60_000,
  '1 hour per second': MS_PER_HOUR,
  '1 day per second': MS_PER_DAY,
} as const;
export type SpeedName = keyof typeof SPEEDS;

/**
 * Advances simulated time from the animation loop while `speed` is set, through the world's door.
 * The loop lives here, in the app; the core only ever receives the instant to move to.
 */
export function useClockDriver(door: WorldDoor, speed: SpeedName | null): void {
  const last = useRef<number | null>(null);
  useEffect(() => {
    if (speed === null) return;
    let frame = 0;
    const tick = (now: number) => {
      if (last.current !== null) {
        const step = Math.round(((now - last.current) / 1000) * SPEEDS[speed]);
        // the pace (simulated ms a real ms): the programmer's idle time-out counts the user's time
        if (step > 0)
          void door.apply(
            { type: 'time.advance', to: (door.state().now + step) as Milliseconds, pace: SPEEDS[speed] / 1000 },
            'time',
          );
      }
      last.current = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      last.current = null;
    };
  }, [door, speed]);
}
