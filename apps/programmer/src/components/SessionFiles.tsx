import { isWorldSnapshot } from '@itps/core';
import { parseScenario } from '@itps/scenarios';
import { type ChangeEvent, useId, useState } from 'react';
import { useWorldHandle } from '../simulation/SimulationProvider.tsx';
import { download } from '../simulation/savedWorld.ts';
import { useTraining } from '../simulation/TrainingProvider.tsx';
import { isTrainingState } from '../simulation/trainingStore.ts';

/** The session as a file: export it, import one, or start over. It also saves itself in the browser. */
export function SessionFiles() {
  const { world, restore, startOver } = useWorldHandle();
  const training = useTraining();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const inputId = useId();
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file === undefined) return;
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch (error) {
      setMessage({
        ok: false,
        text: `${file.name}: expected an ITPS session file (JSON), found text that is not JSON (${String(error).slice(0, 80)}).`,
      });
      return;
    }
    if (!isWorldSnapshot(value)) {
      const found =
        value !== null && typeof value === 'object' && 'format' in value
          ? `format ${JSON.stringify((value as { format: unknown }).format)}`
          : 'no format field';
      setMessage({
        ok: false,
        text: `${file.name}: expected an ITPS session file (format itps-world/1), found ${found}.`,
      });
      return;
    }
    const exercise = 'training' in value && isTrainingState(value.training) ? value.training : null;
    const parsed = exercise === null ? null : parseScenario(exercise.scenario, file.name);
    restore(value, parsed?.ok ? parsed.scenario : null);
    training.adopt(exercise);
    setMessage({
      ok: true,
      text: `Session loaded from ${file.name}${exercise === null ? '' : ', with its training exercise'}.`,
    });
  };
  return (
    <section className="panel" aria-labelledby="files-title">
      <h2 id="files-title">Session</h2>
      <p>The session saves itself in this browser after every change.</p>
      <div className="buttons">
        <button
          type="button"
          onClick={() =>
            download(
              'itps-session.json',
              JSON.stringify({ ...world.persist(), training: training.state }, null, 2),
              'application/json',
            )
          }
        >
          Export session
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            startOver();
            training.leave();
            setMessage({ ok: true, text: 'A new session started.' });
          }}
        >
          Start over
        </button>
      </div>
      <div className="field">
        <label htmlFor={inputId}>Import a session file</label>
        <input id={inputId} type="file" accept="application/json,.json" onChange={onFile} />
      </div>
      {message && (
        <p
          className={message.ok ? 'ok' : 'error'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="session-file-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
