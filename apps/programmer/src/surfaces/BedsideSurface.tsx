import { OpioidScreeningPanel } from '../components/OpioidScreeningPanel.tsx';
import { PainPanel } from '../components/PainPanel.tsx';
import { PatientPanel } from '../components/PatientPanel.tsx';
import { PtmHandheld } from '../components/PtmHandheld.tsx';
import { ScreeningPanel } from '../components/ScreeningPanel.tsx';
import { TheatrePanel } from '../components/TheatrePanel.tsx';
import { TrainingPanel } from '../components/TrainingPanel.tsx';
import { SurfaceNav } from './SurfaceNav.tsx';

/**
 * The bedside: the patient as a clinician sees and measures them and the exercise (its brief, what
 * the trainee concludes and does, finishing); the pump's alarms as the room hears them are the
 * trainee shell's, beside it. It renders only the bedside view: never a stage name, a drug level or
 * a fault.
 */
export function BedsideSurface() {
  return (
    <main className="surface bedside-surface">
      <SurfaceNav current="bedside" />
      <div className="grid">
        <TrainingPanel />
        <ScreeningPanel />
        <OpioidScreeningPanel />
        <PatientPanel />
        <PtmHandheld />
        <TheatrePanel />
        <PainPanel />
      </div>
    </main>
  );
}
