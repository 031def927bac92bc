import { GuidedTour } from '../components/programmer/GuidedTour.tsx';
import { ProgrammerPanel } from '../components/programmer/ProgrammerPanel.tsx';
import { hrefOf } from '../simulation/useRoute.ts';
import { useTraining } from '../simulation/useTraining.ts';
import { useDoor, useWorldVersion } from '../simulation/WorldProvider.tsx';
import { SurfaceNav } from './SurfaceNav.tsx';

/**
 * The trainee's programmer: the clinician programmer and nothing else. It renders only the
 * programmer view (what telemetry showed), so no truth, fault or model figure is in its page.
 */
export function ProgrammerSurface() {
  const { exercise } = useTraining();
  useWorldVersion();
  const classroom = useDoor().classroom;
  return (
    <main className="surface programmer-surface">
      <SurfaceNav current="programmer" />
      {classroom !== null && !classroom.connected ? (
        <p className="alert critical" role="alert" data-testid="telemetry-lost">
          Communication lost: the programmer cannot reach the pump. Nothing you press is sent until the link is back;
          then interrogate again before you go on.
        </p>
      ) : null}
      {exercise?.phase === 'screening' ? (
        <section className="panel" aria-labelledby="no-pump-title">
          <h2 id="no-pump-title">Clinician programmer</h2>
          <p data-testid="no-pump">
            No pump is implanted yet: this exercise is the screening trial. Give the test doses, examine the patient and
            decide at the <a href={hrefOf('bedside')}>bedside</a>.
          </p>
        </section>
      ) : (
        <>
          <GuidedTour />
          <ProgrammerPanel />
        </>
      )}
    </main>
  );
}
