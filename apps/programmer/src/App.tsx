import { lazy, Suspense, useSyncExternalStore } from 'react';
import { type ClassSeat, classSeat, subscribeClassSeat } from './classroom/classSeat.ts';
import { useRoute } from './simulation/useRoute.ts';
import { WorldProvider } from './simulation/WorldProvider.tsx';
import { ClassConsole } from './surfaces/ClassConsole.tsx';
import { DebriefSurface } from './surfaces/DebriefSurface.tsx';
import { Home } from './surfaces/Home.tsx';
import { InstructorConsole } from './surfaces/InstructorConsole.tsx';
import { JoinSurface } from './surfaces/JoinSurface.tsx';
import { RecordsSurface } from './surfaces/RecordsSurface.tsx';
import { TraineeShell } from './surfaces/TraineeShell.tsx';

// the exercise editor is loaded when first opened: trainees' devices never fetch it
const AuthorSurface = lazy(() => import('./surfaces/AuthorSurface.tsx').then((m) => ({ default: m.AuthorSurface })));

let seatCache: { raw: string | null; seat: ClassSeat | null } = { raw: null, seat: null };
/** The seat as one object until it changes (useSyncExternalStore compares by identity). */
function currentSeat(): ClassSeat | null {
  const seat = classSeat();
  const raw = seat === null ? null : JSON.stringify(seat);
  if (raw !== seatCache.raw) seatCache = { raw, seat };
  return seatCache.seat;
}

/** ITPS in the browser: one world, several surfaces at their own addresses; a class's pages beside them. */
export function App() {
  const route = useRoute();
  const seat = useSyncExternalStore(subscribeClassSeat, currentSeat);
  const banner = (
    <p className="banner" role="note">
      ITPS is a simulator for training and testing. It is <strong>not for clinical use</strong>.
    </p>
  );
  // the class console, joining, the records and the exercise editor have no world of their own
  if (route === 'join' || route === 'class' || route === 'records' || route === 'author')
    return (
      <>
        {banner}
        {route === 'join' ? (
          <JoinSurface />
        ) : route === 'class' ? (
          <ClassConsole />
        ) : route === 'author' ? (
          <Suspense fallback={<p role="status">Opening the exercise editor…</p>}>
            <AuthorSurface />
          </Suspense>
        ) : (
          <RecordsSurface />
        )}
      </>
    );
  return (
    <WorldProvider key={seat?.seat ?? 'this-browser'} seat={seat}>
      {banner}
      {route === 'programmer' || route === 'bedside' ? (
        <TraineeShell surface={route} />
      ) : route === 'instructor' ? (
        seat === null ? (
          <InstructorConsole />
        ) : (
          <main className="home">
            <h1>This device sits in class {seat.code}</h1>
            <p>The instructor runs the class from their own device, at the class console of the server.</p>
          </main>
        )
      ) : route === 'debrief' ? (
        <DebriefSurface />
      ) : (
        <Home />
      )}
    </WorldProvider>
  );
}
