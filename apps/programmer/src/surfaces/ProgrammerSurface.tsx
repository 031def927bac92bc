import { ProgrammerPanel } from '../components/programmer/ProgrammerPanel.tsx';
import { SurfaceNav } from './SurfaceNav.tsx';

/**
 * The trainee's programmer: the clinician programmer and nothing else. It renders only the
 * programmer view (what telemetry showed), so no truth, fault or model figure is in its page.
 */
export function ProgrammerSurface() {
  return (
    <main className="surface programmer-surface">
      <SurfaceNav current="programmer" />
      <ProgrammerPanel />
    </main>
  );
}
