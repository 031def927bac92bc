import type { InstructorView, Milliseconds } from '@itps/core';
import {
  CLASS_SPEEDS,
  type ClassView,
  eventWords,
  exerciseTitle,
  FAULT_CHOICES,
  programmerScreen,
  type ServerMessage,
} from '@itps/scenarios';
import { useEffect, useId, useState } from 'react';
import { socketUrl } from '../../classroom/classSeat.ts';
import { api, type ClassListing } from '../../classroom/instructorApi.ts';
import { classSpeedWords } from '../../format/classClock.ts';
import { alarmLabels } from '../../format/labels.ts';
import { patientInDanger, patientWords } from '../../format/seatPatient.ts';
import { formatWhen } from '../../format/when.ts';
import { hrefOf } from '../../simulation/useRoute.ts';
import { ClockOriginContext } from '../../simulation/useWhen.ts';
import { BeliefFigures } from '../BeliefPanel.tsx';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { ScreenReplay } from '../ScreenReplay.tsx';
import { TruthFigures } from '../TruthPanel.tsx';

/** Real milliseconds before the console tries the server again, doubling to the last (plus up to half at random). */
const RECONNECT_MS = [250, 500, 1000, 2000, 4000] as const;
/** Refusals that mean the class is being taken up again: the console reconnects. */
const COME_BACK = new Set(['class.elsewhere', 'class.moved', 'server.error']);

/** One class, live: code and QR, the clock, faults, every trainee, and one trainee up close. */
export function ClassRoom({
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
    let attempt = 0;
    const open = () => {
      ws = new WebSocket(socketUrl());
      const current = ws;
      current.addEventListener('open', () => {
        current.send(JSON.stringify({ type: 'instructor', token }));
      });
      current.addEventListener('message', (e: MessageEvent<string>) => {
        const message = JSON.parse(e.data) as ServerMessage;
        if (message.type === 'instructor') current.send(JSON.stringify({ type: 'watch', classId, seatId: null }));
        else if (message.type === 'class') {
          attempt = 0;
          setConnected(true);
          setView(message.view);
        } else if (message.type === 'seat') setSeat(message);
        else if (message.type === 'error') {
          if (message.code === 'auth.refused' || message.code === 'auth.signedOut' || message.code === 'auth.required')
            onSignedOut();
          // the class is being taken up (a restart, another server process): come back with back-off
          else if (COME_BACK.has(message.code)) current.close();
          else setNotes((n) => [message.message, ...n].slice(0, 8));
        }
      });
      current.addEventListener('close', () => {
        setConnected(false);
        const wait = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)] as number;
        attempt += 1;
        if (live) setTimeout(open, wait * (1 + Math.random() / 2));
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
        <h2 id="join-title">{exerciseTitle(view.exercise.name)}</h2>
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
        {clock.ended ? null : (
          <p data-testid="class-lock">
            {view.locked ? 'Locked: no one can join until you open the class again. ' : 'Open: trainees can join. '}
            <button
              type="button"
              className="secondary"
              onClick={() => send({ type: 'control', classId, action: view.locked ? 'unlock' : 'lock' })}
            >
              {view.locked ? 'Open the class' : 'Lock the class'}
            </button>
          </p>
        )}
        <p className="muted">
          {view.exercise.library === null || view.exercise.library === undefined
            ? `Exercise version ${view.exercise.version} (${view.exercise.file}).`
            : `Library exercise, version ${view.exercise.library.version}.`}{' '}
          {connected ? '' : 'Connection lost: reconnecting…'}
        </p>
      </section>

      <section className="panel" aria-labelledby="clock-title">
        <h2 id="clock-title">Class clock</h2>
        <p data-testid="class-clock">
          {clock.ended ? 'Ended.' : clock.running ? `Running at ${classSpeedWords(clock.speed)}.` : 'Paused.'}
        </p>
        <label htmlFor={ids.speed}>Speed</label>
        <select id={ids.speed} value={speed} onChange={(e) => setSpeed(Number(e.target.value))} disabled={clock.ended}>
          {CLASS_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {classSpeedWords(s)}
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
                <th>Patient</th>
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
                <tr
                  key={s.seatId}
                  className={[s.sounding.length > 0 ? 'sounding' : '', patientInDanger(s) ? 'patient-danger' : '']
                    .filter((c) => c !== '')
                    .join(' ')}
                  data-testid={`seat-${s.name}`}
                >
                  <td>{s.name}</td>
                  <td>{s.connected ? 'connected' : 'lost'}</td>
                  <td data-testid={`patient-${s.name}`}>{patientWords(s)}</td>
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
                    {clock.ended ? null : (
                      <ConfirmButton
                        label="Remove"
                        className="secondary"
                        question={`Remove ${s.name} from the class? If they acted, their exercise is finished and recorded now; their device is let go and the place is free.`}
                        confirmLabel={`Yes, remove ${s.name}`}
                        onConfirm={() => send({ type: 'remove', classId, seatId: s.seatId })}
                      />
                    )}
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
