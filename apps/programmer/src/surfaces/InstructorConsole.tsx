import { AlarmSounder } from '../components/AlarmSounder.tsx';
import { BeliefPanel } from '../components/BeliefPanel.tsx';
import { EventLog } from '../components/EventLog.tsx';
import { FaultPanel } from '../components/FaultPanel.tsx';
import { LinkControls } from '../components/LinkControls.tsx';
import { LivePlots } from '../components/LivePlots.tsx';
import { PatientPanel } from '../components/PatientPanel.tsx';
import { ProgrammerPanel } from '../components/programmer/ProgrammerPanel.tsx';
import { RefillForm } from '../components/RefillForm.tsx';
import { ScenarioLoader } from '../components/ScenarioLoader.tsx';
import { SessionFiles } from '../components/SessionFiles.tsx';
import { TimeControls } from '../components/TimeControls.tsx';
import { TrainingPanel } from '../components/TrainingPanel.tsx';
import { TruthPanel } from '../components/TruthPanel.tsx';
import { hrefOf } from '../simulation/useRoute.ts';

/**
 * The instructor's console: everything, truth beside belief. Best opened in its own window beside
 * the trainee's programmer and bedside, which share its world.
 */
export function InstructorConsole() {
  return (
    <>
      <header>
        <h1>ITPS instructor's console</h1>
        <p className="muted">
          The trainee's screens: <a href={hrefOf('programmer')}>programmer</a>, <a href={hrefOf('bedside')}>bedside</a>,{' '}
          <a href={hrefOf('debrief')}>debrief</a>. They share this world from any window of this browser.
        </p>
      </header>
      <main className="grid">
        <TrainingPanel />
        <ProgrammerPanel />
        <TimeControls />
        <AlarmSounder />
        <PatientPanel />
        <BeliefPanel />
        <TruthPanel />
        <LivePlots />
        <RefillForm />
        <ScenarioLoader />
        <LinkControls />
        <FaultPanel />
        <EventLog />
        <SessionFiles />
      </main>
    </>
  );
}
