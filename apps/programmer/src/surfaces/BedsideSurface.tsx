import { AlarmSounder } from '../components/AlarmSounder.tsx';
import { PatientPanel } from '../components/PatientPanel.tsx';
import { TrainingPanel } from '../components/TrainingPanel.tsx';
import { SurfaceNav } from './SurfaceNav.tsx';

/**
 * The bedside: the patient as a clinician sees and measures them, the pump's alarms as the room
 * hears them, and the exercise (its brief, what the trainee concludes and does, finishing). It
 * renders only the bedside view: never a stage name, a drug level or a fault.
 */
export function BedsideSurface() {
  return (
    <main className="surface bedside-surface">
      <SurfaceNav current="bedside" />
      <div className="grid">
        <TrainingPanel />
        <PatientPanel />
        <AlarmSounder />
      </div>
    </main>
  );
}
