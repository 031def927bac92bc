import { DebriefView } from '../components/DebriefView.tsx';
import { useTraining } from '../simulation/useTraining.ts';
import { SurfaceNav } from './SurfaceNav.tsx';

/** The debrief of the finished exercise, on its own page. */
export function DebriefSurface() {
  const { record } = useTraining();
  return (
    <main className="surface debrief-surface">
      <SurfaceNav current="debrief" />
      {record?.debrief ? (
        <DebriefView debrief={record.debrief} course={record.course} screens={record.screens ?? []} />
      ) : (
        <p data-testid="no-debrief">
          No exercise has been finished yet. Finish one at the bedside, then its debrief is here.
        </p>
      )}
    </main>
  );
}
