import { daysToMs, hoursToMs, instructorView, type Milliseconds } from '@itps/core';
import { type FormEvent, useId, useState } from 'react';
import { parseClock } from '../format/parseClock.ts';
import { parseDecimal } from '../format/parseDecimal.ts';
import { SPEEDS, type SpeedName, useClockDriver } from '../simulation/useClockDriver.ts';
import { useWhen } from '../simulation/useWhen.ts';
import { useDoor, useStageInfo, useWorldSelector } from '../simulation/WorldProvider.tsx';

const JUMPS: readonly [string, Milliseconds][] = [
  ['+1 hour', hoursToMs(1)],
  ['+1 day', daysToMs(1)],
  ['+1 week', daysToMs(7)],
];
/** How far "Next event" may jump at once (about two refill cycles); "Jump to" goes further on purpose. */
const NEXT_EVENT_HORIZON = daysToMs(60);
/** The last day "Jump to" accepts: the longest pump life. */
const LAST_DAY = 3650;

/** The simulated clock: where it is, jumps, next event, and continuous running. */
export function TimeControls() {
  const door = useDoor();
  const { nextStepAt } = useStageInfo();
  const now = useWorldSelector((s) => s.now);
  const start = useWorldSelector((s) => s.pump.timeOfDayAtStart);
  const when = useWhen();
  const [speed, setSpeed] = useState<SpeedName | null>(null);
  const [jumpDay, setJumpDay] = useState('');
  const [jumpTime, setJumpTime] = useState('08:00');
  const [jumpError, setJumpError] = useState<string | null>(null);
  const ids = { day: useId(), time: useId(), error: useId() };
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
  /** Jumps to a day and time on the wall clock (the day counted as the clock counts it). */
  const jumpTo = (e: FormEvent) => {
    e.preventDefault();
    const day = parseDecimal('Day', jumpDay, { min: 0, max: LAST_DAY, unit: 'days' });
    const time = parseClock('Time', jumpTime);
    if (!day.ok || !time.ok || !Number.isInteger(day.value)) {
      setJumpError(!day.ok ? day.message : !time.ok ? time.message : `Day: expected a whole day, found ${jumpDay}.`);
      return;
    }
    const at = daysToMs(day.value) + time.value * 60_000 - start;
    if (at <= now) {
      setJumpError(
        `Jump to: expected a time after now (${when(now)}), found ${when(Math.max(0, at) as Milliseconds)}.`,
      );
      return;
    }
    setJumpError(null);
    advanceTo(at);
  };
  return (
    <section className="panel clock" aria-labelledby="clock-title">
      <h2 id="clock-title">Simulated time</h2>
      <p className="now" data-testid="sim-time" aria-live="polite">
        {when(now)}
      </p>
      <div className="buttons">
        {JUMPS.map(([label, ms]) => (
          <button key={label} type="button" onClick={() => advanceTo(now + ms)}>
            {label}
          </button>
        ))}
        <button type="button" onClick={nextEvent}>
          Next event (60 days at most)
        </button>
      </div>
      <form className="jump" onSubmit={jumpTo} noValidate>
        <label htmlFor={ids.day}>Jump to day</label>
        <input
          id={ids.day}
          inputMode="numeric"
          size={5}
          value={jumpDay}
          onChange={(e) => setJumpDay(e.target.value)}
          aria-describedby={jumpError === null ? undefined : ids.error}
        />
        <label htmlFor={ids.time}>at</label>
        <input id={ids.time} size={5} value={jumpTime} onChange={(e) => setJumpTime(e.target.value)} />
        <button type="submit">Jump</button>
        {jumpError !== null && (
          <p id={ids.error} className="error" role="alert">
            {jumpError}
          </p>
        )}
      </form>
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
