import { type FormEvent, useEffect, useId, useState } from 'react';
import { api } from '../../classroom/instructorApi.ts';

/** Signs the instructor in, or sets the passphrase at the first start. */
export function SignIn({ onSignedIn }: { readonly onSignedIn: (token: string) => void }) {
  const [status, setStatus] = useState<{ passphraseSet: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [setupCode, setSetupCode] = useState('');
  const ids = { pass: useId(), again: useId(), code: useId() };
  useEffect(() => {
    api<{ passphraseSet: boolean }>('/api/instructor/status', null).then(setStatus, (e: Error) =>
      setProblem(e.message),
    );
  }, []);
  if (status === null)
    return problem === null ? <p role="status">Asking the classroom server…</p> : <p role="alert">{problem}</p>;
  const first = !status.passphraseSet;
  const why =
    first && setupCode.trim() === ''
      ? "Give the set-up code printed in the server's terminal."
      : passphrase.length < 8
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
        body: first ? { passphrase, setupCode: setupCode.trim() } : { passphrase },
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
          ? "This is the first start of this classroom server: give the one-time set-up code it printed in its terminal when it started, and choose the passphrase that opens the class console and the records. Only the passphrase's hash is stored."
          : 'The class console and the records need the instructor passphrase.'}
      </p>
      <form onSubmit={submit} className="join-form">
        {first ? (
          <>
            <label htmlFor={ids.code}>Set-up code</label>
            <input
              id={ids.code}
              value={setupCode}
              onChange={(e) => setSetupCode(e.target.value.toUpperCase())}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
              className="code-input"
            />
          </>
        ) : null}
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
