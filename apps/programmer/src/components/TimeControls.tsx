import { daysToMs, formatClock, hoursToMs, instructorView, type Milliseconds } from '@itps/core';
import { useState } from 'react';
import { SPEEDS, type SpeedName, useClockDriver } from '../simulation/useClockDriver.ts';
import { useDoor, useStageInfo, useWorldSelector } from '../simulation/WorldProvider.tsx';

const JUMPS: readonly [string, Milliseconds][] = [
  ['+1 hour', hoursToMs(1)],
  ['+1 day', daysToMs(1)],
  ['+1 week', daysToMs(7)],
];
/** How far "Next event" may jump when nothing is due sooner. */
const NEXT_EVENT_HORIZON = daysToMs(3650);

/** The simulated clock: where it is, jumps, next event, and continuous running. */
export function TimeControls() {
  const door = useDoor();
  const { nextStepAt } = useStageInfo();
  const now = useWorldSelector((s) => s.now);
  const start = useWorldSelector((s) => s.pump.timeOfDayAtStart);
  const [speed, setSpeed] = useState<SpeedName | null>(null);
  useClockDriver(door, speed);
  const advanceTo = (to: number) => void door.apply({ type: 'time.advance', to: to as Milliseconds });
  /** The next thing due: the pump's own next event or the stage's next timeline step, within the horizon. */
  const nextEvent = () => {
    const limit = now + NEXT_EVENT_HORIZON;
    const due = [instructorView(door.state()).nextEventAt, nextStepAt, limit].filter(
      (t): t is Milliseconds => t !== null && t > now,
    );
    advanceTo(Math.min(...due));
  };
  return (
    <section className="panel clock" aria-labelledby="clock-title">
      <h2 id="clock-title">Simulated time</h2>
      <p className="now" data-testid="sim-time" aria-live="polite">
        {formatClock(now, start)}
      </p>
      <div className="buttons">
        {JUMPS.map(([label, ms]) => (
          <button key={label} type="button" onClick={() => advanceTo(now + ms)}>
            {label}
          </button>
        ))}
        <button type="button" onClick={nextEvent}>
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
