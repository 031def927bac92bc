import { useRoute } from './simulation/useRoute.ts';
import { WorldProvider } from './simulation/WorldProvider.tsx';
import { BedsideSurface } from './surfaces/BedsideSurface.tsx';
import { DebriefSurface } from './surfaces/DebriefSurface.tsx';
import { Home } from './surfaces/Home.tsx';
import { InstructorConsole } from './surfaces/InstructorConsole.tsx';
import { ProgrammerSurface } from './surfaces/ProgrammerSurface.tsx';

/** ITPS in the browser: one world, several surfaces at their own addresses. */
export function App() {
  const route = useRoute();
  return (
    <WorldProvider>
      <p className="banner" role="note">
        ITPS is a simulator for training and testing. It is <strong>not for clinical use</strong>.
      </p>
      {route === 'programmer' ? (
        <ProgrammerSurface />
      ) : route === 'bedside' ? (
        <BedsideSurface />
      ) : route === 'instructor' ? (
        <InstructorConsole />
      ) : route === 'debrief' ? (
        <DebriefSurface />
      ) : (
        <Home />
      )}
    </WorldProvider>
  );
}
