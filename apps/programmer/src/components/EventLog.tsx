import { logEntries, type PumpLogEntry } from '@itps/core';
import { logLabel } from '../format/labels.ts';
import { download } from '../simulation/savedSessions.ts';
import { useWhen } from '../simulation/useWhen.ts';
import { useWorldSelector } from '../simulation/WorldProvider.tsx';

// The log is append-only, so an entry's position in it is a stable identity.
const newestFirst = (log: readonly PumpLogEntry[]) => log.map((entry, position) => ({ entry, position })).reverse();

/** The pump's own event log, newest first. */
export function EventLog() {
  const log = logEntries(useWorldSelector((s) => s.pump.log));
  const when = useWhen();
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
              ['at_ms,when,event', ...log.map((e) => `${e.at},"${when(e.at)}","${e.type}"`)].join('\n'),
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
                <td>{when(entry.at)}</td>
                <td>{logLabel(entry.type)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
