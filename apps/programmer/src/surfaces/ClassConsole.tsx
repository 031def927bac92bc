import type { InstructorView, Milliseconds } from '@itps/core';
import {
  CLASS_SPEEDS,
  type ClassView,
  eventWords,
  FAULT_CHOICES,
  programmerScreen,
  type ServerMessage,
} from '@itps/scenarios';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { socketUrl } from '../classroom/classSeat.ts';
import {
  api,
  type ClassHistoryRow,
  type ClassListing,
  instructorToken,
  setInstructorToken,
} from '../classroom/instructorApi.ts';
import { BeliefFigures } from '../components/BeliefPanel.tsx';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ScreenReplay } from '../components/ScreenReplay.tsx';
import { TruthFigures } from '../components/TruthPanel.tsx';
import { alarmLabels } from '../format/labels.ts';
import { formatWhen } from '../format/when.ts';
import { hrefOf, useRouteParam } from '../simulation/useRoute.ts';
import { ClockOriginContext } from '../simulation/useWhen.ts';

const SPEED_WORDS: Record<number, string> = { 1: 'Real time', 60: '1 min a second', 3600: '1 h a second' };

/**
 * The instructor's class console: sign in with the passphrase (set at the first start), open a
 * class of an exercise, show its code and QR code, watch every trainee, inject faults, run the
 * clock and end the class. `#/class/ID` opens one class.
 */
export function ClassConsole() {
  const [token, setToken] = useState(instructorToken);
  const classId = useRouteParam();
  const signOut = () => {
    setInstructorToken(null);
    setToken(null);
  };
  return (
    <main className="surface class-console">
      <header className="class-header">
        <h1>ITPS class console</h1>
        <nav className="surface-nav" aria-label="Class pages">
          <a href={hrefOf('class')}>Classes</a>
          <a href={hrefOf('records')}>Records</a>
          <a href={hrefOf('home')}>Home</a>
          {token === null ? null : (
            <button type="button" className="secondary" onClick={signOut}>
              Sign out
            </button>
          )}
        </nav>
      </header>
      {token === null ? (
        <SignIn
          onSignedIn={(t) => {
            setInstructorToken(t);
            setToken(t);
          }}
        />
      ) : classId === '' ? (
        <Classes token={token} onSignedOut={signOut} />
      ) : (
        <ClassRoom token={token} classId={classId} onSignedOut={signOut} />
      )}
    </main>
  );
}

/** Signs the instructor in, or sets the passphrase at the first start. */
export function SignIn({ onSignedIn }: { readonly onSignedIn: (token: string) => void }) {
  const [status, setStatus] = useState<{ passphraseSet: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const ids = { pass: useId(), again: useId() };
  useEffect(() => {
    api<{ passphraseSet: boolean }>('/api/instructor/status', null).then(setStatus, (e: Error) =>
      setProblem(e.message),
    );
  }, []);
  if (status === null)
    return problem === null ? <p role="status">Asking the classroom server…</p> : <p role="alert">{problem}</p>;
  const first = !status.passphraseSet;
  const why =
    passphrase.length < 8
      ? 'The passphrase has at least 8 characters.'
      : first && again !== passphrase
        ? 'Type the same passphrase twice.'
        : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    try {
      const { token } = await api<{ token: string }>(first ? '/api/instructor/setup' : '/api/instructor/login', null, {
        method: 'POST',
        body: { passphrase },
      });
      onSignedIn(token);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <section className="panel sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{first ? 'Set the instructor passphrase' : 'Instructor sign-in'}</h2>
      <p>
        {first
          ? 'This is the first start of this classroom server: choose the passphrase that opens the class console and the records. Only its hash is stored.'
          : 'The class console and the records need the instructor passphrase.'}
      </p>
      <form onSubmit={submit} className="join-form">
        <label htmlFor={ids.pass}>Passphrase</label>
        <input
          id={ids.pass}
          type="password"
          autoComplete={first ? 'new-password' : 'current-password'}
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        {first ? (
          <>
            <label htmlFor={ids.again}>The same again</label>
            <input
              id={ids.again}
              type="password"
              autoComplete="new-password"
              value={again}
              onChange={(e) => setAgain(e.target.value)}
            />
          </>
        ) : null}
        <button type="submit" disabled={why !== null} aria-describedby={`${ids.pass}-why`}>
          {first ? 'Set passphrase and sign in' : 'Sign in'}
        </button>
        <p id={`${ids.pass}-why`} className="muted">
          {why ?? ''}
        </p>
      </form>
      {problem === null ? null : (
        <p role="alert" className="problem" data-testid="sign-in-problem">
          {problem}
        </p>
      )}
    </section>
  );
}

/** The exercises to open a class of, the classes open now and the ones before. */
function Classes({ token, onSignedOut }: { readonly token: string; readonly onSignedOut: () => void }) {
  const [exercises, setExercises] = useState<{ file: string; name: string }[]>([]);
  const [chosen, setChosen] = useState('');
  const [listing, setListing] = useState<{ open: ClassListing[]; history: ClassHistoryRow[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  useEffect(() => {
    const failed = (e: Error & { status?: number }) => (e.status === 401 ? onSignedOut() : setProblem(e.message));
    api<{ file: string; name: string }[]>('/api/exercises', token).then((list) => {
      setExercises(list);
      setChosen((c) => c || (list[0]?.file ?? ''));
    }, failed);
    api<{ open: ClassListing[]; history: ClassHistoryRow[] }>('/api/classes', token).then(setListing, failed);
  }, [token, onSignedOut]);
  const open = async () => {
    try {
      const created = await api<ClassListing>('/api/classes', token, { method: 'POST', body: { exercise: chosen } });
      location.hash = hrefOf('class', created.classId);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <div className="grid">
      <section className="panel" aria-labelledby={`${id}-open`}>
        <h2 id={`${id}-open`}>Open a class</h2>
        <label htmlFor={`${id}-exercise`}>Exercise</label>
        <select id={`${id}-exercise`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {exercises.map((e) => (
            <option key={e.file} value={e.file}>
              {e.name}
            </option>
          ))}
        </select>
        <div className="buttons">
          <button
            type="button"
            onClick={open}
            disabled={chosen === ''}
            title={chosen === '' ? 'No exercise to choose yet' : undefined}
          >
            Open class
          </button>
        </div>
        <p className="muted">
          Trainees join with the class's code on their own tablet or laptop; each gets their own patient and pump.
        </p>
        {problem === null ? null : <p role="alert">{problem}</p>}
      </section>
      <section className="panel" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>Classes</h2>
        {listing === null ? (
          <p role="status">Loading…</p>
        ) : (
          <table className="data" data-testid="class-list">
            <thead>
              <tr>
                <th>Opened</th>
                <th>Exercise</th>
                <th>State</th>
              </tr>
            </thead>
            <tbody>
              {listing.history.map((c) => {
                const live = listing.open.find((o) => o.classId === c.id);
                return (
                  <tr key={c.id}>
                    <td>{new Date(c.createdAt).toLocaleString()}</td>
                    <td>{c.exerciseName.replace(/^Training: /, '')}</td>
                    <td>
                      {live !== undefined ? (
                        <a href={hrefOf('class', c.id)}>open, code {live.code}</a>
                      ) : c.endedAt === null ? (
                        'closed (server restarted or code expired)'
                      ) : (
                        <a href={hrefOf('records', `class:${c.id}`)}>ended: records</a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

/** One class, live: code and QR, the clock, faults, every trainee, and one trainee up close. */
function ClassRoom({
  token,
  classId,
  onSignedOut,
}: {
  readonly token: string;
  readonly classId: string;
  readonly onSignedOut: () => void;
}) {
  const [view, setView] = useState<ClassView | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [watched, setWatched] = useState<string | null>(null);
  const [seat, setSeat] = useState<{
    seatId: string;
    name: string;
    view: InstructorView;
    startsAt: string | null;
  } | null>(null);
  const [socket, setSocket] = useState<WebSocket | null>(null);
  const [connected, setConnected] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);
  const [fault, setFault] = useState(FAULT_CHOICES[0]?.id ?? '');
  const [target, setTarget] = useState<string>('all');
  const [speed, setSpeed] = useState<number>(1);
  const ids = { fault: useId(), target: useId(), speed: useId() };

  useEffect(() => {
    api<{ open: ClassListing[] }>('/api/classes', token).then(
      ({ open }) => setQr(open.find((c) => c.classId === classId)?.qrSvg ?? null),
      (e: Error & { status?: number }) => (e.status === 401 ? onSignedOut() : undefined),
    );
  }, [token, classId, onSignedOut]);

  useEffect(() => {
    let live = true;
    let ws: WebSocket | null = null;
    const open = () => {
      ws = new WebSocket(socketUrl());
      const current = ws;
      current.addEventListener('open', () => {
        setConnected(true);
        current.send(JSON.stringify({ type: 'instructor', token }));
      });
      current.addEventListener('message', (e: MessageEvent<string>) => {
        const message = JSON.parse(e.data) as ServerMessage;
        if (message.type === 'instructor') current.send(JSON.stringify({ type: 'watch', classId, seatId: null }));
        else if (message.type === 'class') setView(message.view);
        else if (message.type === 'seat') setSeat(message);
        else if (message.type === 'error') {
          if (message.code === 'auth.refused') onSignedOut();
          else setNotes((n) => [message.message, ...n].slice(0, 8));
        }
      });
      current.addEventListener('close', () => {
        setConnected(false);
        if (live) setTimeout(open, 1000);
      });
      setSocket(current);
    };
    open();
    return () => {
      live = false;
      ws?.close();
    };
  }, [token, classId, onSignedOut]);

  const send = (message: object) => socket?.send(JSON.stringify(message));
  const watch = (seatId: string | null) => {
    setWatched(seatId);
    if (seatId === null) setSeat(null);
    send({ type: 'watch', classId, seatId });
  };
  if (view === null)
    return <p role="status">{connected ? 'Opening the class…' : 'Connecting to the classroom server…'}</p>;
  const { clock } = view;
  const close = seat !== null && seat.seatId === watched ? seat : null;
  return (
    <div className="class-room">
      <section className="panel join-card" aria-labelledby="join-title">
        <h2 id="join-title">{view.exercise.name.replace(/^Training: /, '')}</h2>
        {clock.ended ? (
          <p>This class has ended; its code no longer works.</p>
        ) : (
          <div className="join-code">
            <div>
              <p>Trainees open the address below (or scan the code) and type the class code:</p>
              <p className="code" data-testid="class-code">
                {view.code}
              </p>
              <p className="muted" data-testid="join-url">
                {view.joinUrl}
              </p>
              <p className="muted">
                The code expires at {new Date(view.expiresAt).toLocaleTimeString()} or when the class ends.
              </p>
            </div>
            {qr === null ? null : (
              <img
                className="qr"
                src={`data:image/svg+xml;utf8,${encodeURIComponent(qr)}`}
                alt={`QR code of ${view.joinUrl}`}
              />
            )}
          </div>
        )}
        <p className="muted">
          Exercise version {view.exercise.version} ({view.exercise.file}).{' '}
          {connected ? '' : 'Connection lost: reconnecting…'}
        </p>
      </section>

      <section className="panel" aria-labelledby="clock-title">
        <h2 id="clock-title">Class clock</h2>
        <p data-testid="class-clock">
          {clock.ended
            ? 'Ended.'
            : clock.running
              ? `Running at ${SPEED_WORDS[clock.speed]?.toLowerCase()}.`
              : 'Paused.'}
        </p>
        <label htmlFor={ids.speed}>Speed</label>
        <select id={ids.speed} value={speed} onChange={(e) => setSpeed(Number(e.target.value))} disabled={clock.ended}>
          {CLASS_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {SPEED_WORDS[s]}
            </option>
          ))}
        </select>
        <div className="buttons">
          <button
            type="button"
            disabled={clock.ended}
            title={clock.ended ? 'The class has ended' : undefined}
            onClick={() => send({ type: 'control', classId, action: 'run', speed })}
          >
            {clock.running ? 'Set speed' : 'Run'}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={clock.ended || !clock.running}
            title={clock.ended ? 'The class has ended' : !clock.running ? 'The clock is paused already' : undefined}
            onClick={() => send({ type: 'control', classId, action: 'pause' })}
          >
            Pause
          </button>
          {clock.ended ? null : (
            <ConfirmButton
              label="End class"
              className="danger"
              question="End the class? Every trainee's exercise is finished and scored now, their records are kept, and the code stops working."
              confirmLabel="Yes, end the class"
              onConfirm={() => send({ type: 'control', classId, action: 'end' })}
            />
          )}
        </div>
      </section>

      <section className="panel" aria-labelledby="inject-title">
        <h2 id="inject-title">Inject a fault</h2>
        <label htmlFor={ids.fault}>Fault</label>
        <select id={ids.fault} value={fault} onChange={(e) => setFault(e.target.value)}>
          {FAULT_CHOICES.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
        <label htmlFor={ids.target}>Into</label>
        <select id={ids.target} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="all">every trainee</option>
          {view.seats.map((s) => (
            <option key={s.seatId} value={s.seatId}>
              {s.name}
            </option>
          ))}
        </select>
        <div className="buttons">
          <button
            type="button"
            disabled={clock.ended || view.seats.length === 0}
            title={
              clock.ended ? 'The class has ended' : view.seats.length === 0 ? 'No trainee has joined yet' : undefined
            }
            onClick={() => send({ type: 'inject', classId, seatId: target, fault })}
          >
            Inject
          </button>
        </div>
        <p className="muted">The trainee is not told; they find it from the patient and the pump.</p>
        {notes.length === 0 ? null : (
          <ul className="notes" aria-live="polite">
            {notes.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a short rolling list of notes
              <li key={i}>{n}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel seats" aria-labelledby="seats-title">
        <h2 id="seats-title">
          Trainees ({view.seats.length}){' '}
          {clock.ended ? null : <span className="muted">live score: if they finished now</span>}
        </h2>
        {view.seats.length === 0 ? (
          <p data-testid="no-seats">No trainee has joined yet.</p>
        ) : (
          <table className="data" data-testid="seat-table">
            <thead>
              <tr>
                <th>Trainee</th>
                <th>Link</th>
                <th>Where</th>
                <th>Last action</th>
                <th>Alarms</th>
                <th>Faults injected</th>
                <th>Score</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {view.seats.map((s) => (
                <tr key={s.seatId} className={s.sounding.length > 0 ? 'sounding' : ''} data-testid={`seat-${s.name}`}>
                  <td>{s.name}</td>
                  <td>{s.connected ? 'connected' : 'lost'}</td>
                  <td>{s.where}</td>
                  <td>{s.lastAction === null ? 'none yet' : eventWords(s.lastAction)}</td>
                  <td>
                    {s.sounding.length === 0
                      ? 'none'
                      : s.sounding.map((a) => alarmLabels[a as keyof typeof alarmLabels] ?? a).join(', ')}
                  </td>
                  <td>{s.faults.length === 0 ? 'none' : s.faults.join(', ')}</td>
                  <td>{s.scorePercent === null ? '…' : `${s.scorePercent} %`}</td>
                  <td>
                    {s.recordId !== null ? (
                      <a href={hrefOf('records', s.recordId)}>Debrief</a>
                    ) : (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => watch(watched === s.seatId ? null : s.seatId)}
                      >
                        {watched === s.seatId ? 'Close' : 'Open'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {close === null ? null : (
        <ClockOriginContext.Provider
          value={{ startsAt: close.startsAt, timeOfDayAtStart: close.view.pump.timeOfDayAtStart }}
        >
          <section className="panel seat-close" aria-labelledby="seat-close-title" data-testid="seat-close">
            <h2 id="seat-close-title">
              {close.name},{' '}
              {formatWhen(close.view.now as Milliseconds, close.view.pump.timeOfDayAtStart, close.startsAt)}
            </h2>
            <div className="grid">
              <TruthFigures view={close.view} />
              <BeliefFigures view={close.view} />
              <section className="panel" aria-label={`${close.name}'s programmer`}>
                <h2>Their programmer now</h2>
                <ScreenReplay screens={[programmerScreen(close.view.programmer)]} />
              </section>
            </div>
          </section>
        </ClockOriginContext.Provider>
      )}
    </div>
  );
}
