import type { ServerMessage } from '@itps/scenarios';
import { type FormEvent, useId, useState } from 'react';
import { setClassSeat, setTraineeKey, socketUrl, traineeKey } from '../classroom/classSeat.ts';
import { hrefOf, useRouteParam } from '../simulation/useRoute.ts';

const NO_SERVER =
  'No classroom server answered. Open the address your instructor gave (this page may be the solo build).';

/** How long to wait for the classroom server before saying it is not there. */
const JOIN_TIMEOUT_MS = 8000;

/**
 * A trainee joins a class: their name and the code the instructor shows (filled in from a QR
 * code's address), then they land in the programmer, their exercise running on the server.
 */
export function JoinSurface() {
  const fromAddress = useRouteParam().toUpperCase();
  const [code, setCode] = useState(fromAddress);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);
  const ids = { code: useId(), name: useId() };

  const join = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setJoining(true);
    const socket = new WebSocket(socketUrl());
    const give = (text: string) => {
      setProblem(text);
      setJoining(false);
      socket.close();
    };
    const timer = setTimeout(() => give(NO_SERVER), JOIN_TIMEOUT_MS);
    socket.addEventListener('error', () => {
      clearTimeout(timer);
      give(NO_SERVER);
    });
    socket.addEventListener('open', () => {
      const key = traineeKey();
      socket.send(
        JSON.stringify({
          type: 'join',
          code: code.trim(),
          name: name.trim(),
          ...(key === null ? {} : { traineeKey: key }),
        }),
      );
    });
    socket.addEventListener('message', (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as ServerMessage;
      if (message.type === 'error') {
        clearTimeout(timer);
        give(
          message.code === 'message.invalid'
            ? 'Give your name (up to 60 characters) and the class code: 4 to 8 letters and digits.'
            : message.message,
        );
      } else if (message.type === 'joined') {
        clearTimeout(timer);
        if (message.traineeKey !== null) setTraineeKey(message.traineeKey);
        socket.close();
        setClassSeat({ seat: message.seat, name: message.name, code: message.code });
        location.hash = hrefOf('programmer');
      }
    });
  };

  const missing =
    name.trim() === '' ? 'Give your name first.' : code.trim() === '' ? 'Give the class code first.' : null;
  return (
    <main className="home join">
      <h1>Join a class</h1>
      <p>Give your name and the code your instructor shows. Your exercise opens on the programmer.</p>
      <form onSubmit={join} className="join-form">
        <label htmlFor={ids.name}>Your name</label>
        <input
          id={ids.name}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={60}
          autoComplete="name"
        />
        <label htmlFor={ids.code}>Class code</label>
        <input
          id={ids.code}
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          maxLength={8}
          autoCapitalize="characters"
          spellCheck={false}
          className="code-input"
        />
        <button type="submit" disabled={missing !== null || joining} aria-describedby={`${ids.code}-why`}>
          {joining ? 'Joining…' : 'Join'}
        </button>
        <p id={`${ids.code}-why`} className="muted">
          {missing ?? ''}
        </p>
      </form>
      {problem === null ? null : (
        <p role="alert" className="problem" data-testid="join-problem">
          {problem}
        </p>
      )}
      <p className="muted">
        Practising alone? <a href={hrefOf('home')}>Start here</a> instead; nothing needs a class.
      </p>
    </main>
  );
}
