import { daysToMs, hoursToMs, type Milliseconds } from '@itps/core';
import { useSelector } from '@xstate/react';
import { useState } from 'react';
import { formatSimTime } from '../format/units.ts';
import { useSimulation, useWorldHandle } from '../simulation/SimulationProvider.tsx';
import { SPEEDS, type SpeedName, useClockDriver } from '../simulation/useClockDriver.ts';

const JUMPS: readonly [string, Milliseconds][] = [
  ['+1 hour', hoursToMs(1)],
  ['+1 day', daysToMs(1)],
  ['+1 week', daysToMs(7)],
];
/** How far "Next event" may jump when nothing is due sooner. */
const NEXT_EVENT_HORIZON = daysToMs(3650);

/** The simulated clock: where it is, jumps, next event, and continuous running. */
export function TimeControls() {
  const simulation = useSimulation();
  const { advanceTo, stepToNextEvent } = useWorldHandle();
  const now = useSelector(simulation.pump, (s) => s.context.pump.now);
  const start = useSelector(simulation.pump, (s) => s.context.pump.timeOfDayAtStart);
  const [speed, setSpeed] = useState<SpeedName | null>(null);
  useClockDriver(simulation, advanceTo, speed);
  return (
    <section className="panel clock" aria-labelledby="clock-title">
      <h2 id="clock-title">Simulated time</h2>
      <p className="now" data-testid="sim-time" aria-live="polite">
        {formatSimTime(now, start)}
      </p>
      <div className="buttons">
        {JUMPS.map(([label, ms]) => (
          <button key={label} type="button" onClick={() => advanceTo((simulation.now() + ms) as Milliseconds)}>
            {label}
          </button>
        ))}
        <button type="button" onClick={() => stepToNextEvent((simulation.now() + NEXT_EVENT_HORIZON) as Milliseconds)}>
          Next event
        </button>
      </div>
      <fieldset className="speeds">
        <legend>Run</legend>
        <label>
          <input type="radio" name="speed" checked={speed === null} onChange={() => setSpeed(null)} /> Paused
        </label>
        {(Object.keys(SPEEDS) as SpeedName[]).map((name) => (
          <label key={name}>
            <input type="radio" name="speed" checked={speed === name} onChange={() => setSpeed(name)} /> {name}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
