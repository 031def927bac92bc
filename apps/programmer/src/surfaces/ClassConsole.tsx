import { useState } from 'react';
import { instructorToken, setInstructorToken, signOutInstructor } from '../classroom/instructorApi.ts';
import { ClassList } from '../components/classroom/ClassList.tsx';
import { ClassRoom } from '../components/classroom/ClassRoom.tsx';
import { SignIn } from '../components/classroom/SignIn.tsx';
import { hrefOf, useRouteParam } from '../simulation/useRoute.ts';

/**
 * The instructor's class console: sign in with the passphrase (set at the first start), open a
 * class of an exercise, show its code and QR code, watch every trainee, inject faults, run the
 * clock and end the class. `#/class/ID` opens one class.
 */
export function ClassConsole() {
  const [token, setToken] = useState(instructorToken);
  const classId = useRouteParam();
  const signOut = () => {
    void signOutInstructor();
    setToken(null);
  };
  return (
    <main className="surface class-console">
      <header className="class-header">
        <h1>ITPS class console</h1>
        <nav className="surface-nav" aria-label="Class pages">
          <a href={hrefOf('class')}>Classes</a>
          <a href={hrefOf('records')}>Records</a>
          <a href={hrefOf('author')}>Exercises</a>
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
        <ClassList token={token} onSignedOut={signOut} />
      ) : (
        <ClassRoom token={token} classId={classId} onSignedOut={signOut} />
      )}
    </main>
  );
}
