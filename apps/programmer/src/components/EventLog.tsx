import type { PumpLogEntry } from '@itps/core';
import { useSelector } from '@xstate/react';
import { logLabel } from '../format/labels.ts';
import { formatSimTime } from '../format/units.ts';
import { useSimulation } from '../simulation/SimulationProvider.tsx';
import { download } from '../simulation/savedWorld.ts';

// The log is append-only, so an entry's position in it is a stable identity.
const newestFirst = (log: readonly PumpLogEntry[]) => log.map((entry, position) => ({ entry, position })).reverse();

/** The pump's own event log, newest first. */
export function EventLog() {
  const simulation = useSimulation();
  const log = useSelector(simulation.pump, (s) => s.context.pump.log);
  const start = useSelector(simulation.pump, (s) => s.context.pump.timeOfDayAtStart);
  return (
    <section className="panel" aria-labelledby="log-title">
      <h2 id="log-title">Event log</h2>
      <div className="buttons">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            download(
              'itps-event-log.csv',
              ['at_ms,when,event', ...log.map((e) => `${e.at},"${formatSimTime(e.at, start)}","${e.type}"`)].join('\n'),
              'text/csv',
            )
          }
        >
          Export event log (CSV)
        </button>
      </div>
      {log.length === 0 ? (
        <p>No events yet.</p>
      ) : (
        <table data-testid="event-log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst(log).map(({ entry, position }) => (
              <tr key={position}>
                <td>{formatSimTime(entry.at, start)}</td>
                <td>{logLabel(entry.type)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
