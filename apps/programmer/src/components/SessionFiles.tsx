import { MAX_SESSION_CHARS } from '@itps/scenarios';
import { type ChangeEvent, useId, useState } from 'react';
import { clearSession, download } from '../simulation/savedSessions.ts';
import { useDoor, useStartNotice } from '../simulation/WorldProvider.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';

/** The session as a file: export it, import one, or start over. It also saves itself in the browser. */
export function SessionFiles() {
  const door = useDoor();
  const notice = useStartNotice();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(
    notice === null ? null : { ok: false, text: notice },
  );
  const inputId = useId();
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file === undefined) return;
    if (file.size > MAX_SESSION_CHARS) {
      setMessage({
        ok: false,
        text: `${file.name}: expected a session file of at most 20 MB, found ${file.size} bytes.`,
      });
      return;
    }
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
    const refused = await door.restore(value, file.name);
    if (refused.length > 0) {
      setMessage({ ok: false, text: refused.join('; ') });
      return;
    }
    const exercise = door.info().training !== null;
    setMessage({
      ok: true,
      text: `Session loaded from ${file.name}${exercise ? ', with its training exercise' : ''}.`,
    });
  };
  return (
    <section className="panel" aria-labelledby="files-title">
      <h2 id="files-title">Session</h2>
      <p>The session saves itself in this browser as it changes.</p>
      <div className="buttons">
        <button
          type="button"
          onClick={async () =>
            download('itps-session.json', JSON.stringify(await door.session(), null, 2), 'application/json')
          }
        >
          Export session
        </button>
        <ConfirmButton
          label="Start over"
          className="secondary"
          question="Start over? The whole session (the pump, the programmer, any scenario or exercise) is forgotten."
          confirmLabel="Yes, start over"
          onConfirm={() => {
            void clearSession();
            void door.startOver();
            setMessage({ ok: true, text: 'A new session started.' });
          }}
        />
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
