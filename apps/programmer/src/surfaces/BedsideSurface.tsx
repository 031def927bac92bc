import { AlarmSounder } from '../components/AlarmSounder.tsx';
import { PatientPanel } from '../components/PatientPanel.tsx';
import { ScreeningPanel } from '../components/ScreeningPanel.tsx';
import { TrainingPanel } from '../components/TrainingPanel.tsx';
import { useTraining } from '../simulation/useTraining.ts';
import { SurfaceNav } from './SurfaceNav.tsx';

/**
 * The bedside: the patient as a clinician sees and measures them, the pump's alarms as the room
 * hears them, and the exercise (its brief, what the trainee concludes and does, finishing). It
 * renders only the bedside view: never a stage name, a drug level or a fault.
 */
export function BedsideSurface() {
  // before an implant there is no pump in the room to sound
  const screening = useTraining().exercise?.phase === 'screening';
  return (
    <main className="surface bedside-surface">
      <SurfaceNav current="bedside" />
      <div className="grid">
        <TrainingPanel />
        <ScreeningPanel />
        <PatientPanel />
        {screening ? null : <AlarmSounder />}
      </div>
    </main>
  );
}
