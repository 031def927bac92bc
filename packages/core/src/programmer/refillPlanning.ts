import type { DeviceProfile } from '../pump/deviceProfile.ts';
import type { Milliseconds } from '../units/quantity.ts';
import { MS_PER_DAY } from '../units/time.ts';

/**
 * The next refill date: the earlier of the low-reservoir alarm date and the drug-stability limit
 * counted from the last refill. Null when neither is known.
 */
export function nextRefillAt(options: {
  readonly lowReservoirAt: Milliseconds | null;
  readonly lastRefillAt: Milliseconds | null;
  readonly stabilityDays: number;
}): Milliseconds | null {
  const stability =
    options.lastRefillAt === null
      ? null
      : ((options.lastRefillAt + options.stabilityDays * MS_PER_DAY) as Milliseconds);
  if (options.lowReservoirAt === null) return stability;
  if (stability === null) return options.lowReservoirAt;
  return Math.min(options.lowReservoirAt, stability) as Milliseconds;
}

/** The date by which a pump at ERI must be replaced: ERI plus the profile's ERI-to-EOS time (never unknown). */
export const replaceByAt = (eriAt: Milliseconds, profile: DeviceProfile): Milliseconds =>
  (eriAt + profile.battery.eriToEos) as Milliseconds;
