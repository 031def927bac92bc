import { AlarmSounder } from './components/AlarmSounder.tsx';
import { BeliefPanel } from './components/BeliefPanel.tsx';
import { EventLog } from './components/EventLog.tsx';
import { FaultPanel } from './components/FaultPanel.tsx';
import { LinkControls } from './components/LinkControls.tsx';
import { LivePlots } from './components/LivePlots.tsx';
import { PatientPanel } from './components/PatientPanel.tsx';
import { ProgrammerPanel } from './components/programmer/ProgrammerPanel.tsx';
import { RefillForm } from './components/RefillForm.tsx';
import { ScenarioLoader } from './components/ScenarioLoader.tsx';
import { SessionFiles } from './components/SessionFiles.tsx';
import { TimeControls } from './components/TimeControls.tsx';
import { TrainingPanel } from './components/TrainingPanel.tsx';
import { TruthPanel } from './components/TruthPanel.tsx';
import { WorldProvider } from './simulation/WorldProvider.tsx';

/** The ITPS pump bench: an implanted pump on simulated time, its belief beside the truth. */
export function App() {
  return (
    <WorldProvider>
      <p className="banner" role="note">
        ITPS is a simulator for training and testing. It is <strong>not for clinical use</strong>.
      </p>
      <header>
        <h1>ITPS clinician programmer and pump bench</h1>
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
    </WorldProvider>
  );
}
