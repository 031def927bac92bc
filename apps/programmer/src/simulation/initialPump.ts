import {
  getDeviceProfile,
  hoursToMs,
  implantedCatheterVolume,
  mcgPerDayToPicogramsPerDay,
  mcgPerMl,
  milliseconds,
  mlToNanolitres,
  type PumpInput,
} from '@itps/core';

/**
 * The pump the bench opens with: a 20 mL SynchroMed II-like pump full of 500 mcg/mL baclofen at
 * 250 mcg/day, 40 cm of catheter, the clock at 08:00 on day 0.
 */
export const initialPump: PumpInput = {
  profileId: 'synchromed-ii-20',
  seed: 1,
  accuracy: 'exact',
  timeOfDayAtStart: hoursToMs(8),
  program: {
    drug: 'baclofen',
    concentration: mcgPerMl(500),
    therapy: { mode: 'simple', dose: mcgPerDayToPicogramsPerDay(250) },
  },
  reservoirVolume: mlToNanolitres(20),
  catheterVolume: implantedCatheterVolume(40, getDeviceProfile('synchromed-ii-20').catheterVolumePerCm),
  primedWith: 'reservoir',
  ageAtStart: milliseconds(0),
};
