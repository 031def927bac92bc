import type { Fluid } from '../pump/fluid.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import type { Milliseconds } from '../units/quantity.ts';

/**
 * A pump taken out at a replacement, as the world keeps it: the last reading of it (its program,
 * log, alarms and counters, all that telemetry could show) and, for the instructor and reports,
 * what it really held when it came out.
 */
export interface ExplantedPump {
  /** When it was taken out (ms since t = 0). */
  readonly at: Milliseconds;
  /** Whether the new pump was connected to the same catheter or to a new one. */
  readonly catheter: 'kept' | 'new';
  /** The old pump read at the moment it came out. */
  readonly reading: PumpBeliefView;
  /** What left the body with it (reservoir and tubing, and the old catheter when it was changed). */
  readonly contents: Fluid;
}
