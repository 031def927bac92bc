import { ALARM_NAMES, getDeviceProfile, type InstructorView } from '@itps/core';
import { alarmLabels } from '../format/labels.ts';
import { formatDailyDose, formatMl, formatMlPerDay, formatSolution } from '../format/units.ts';
import { useInstructorView } from '../simulation/WorldProvider.tsx';

/** What the pump believes: all that telemetry could ever show (instructor's console). */
export function BeliefPanel() {
  return <BeliefFigures view={useInstructorView()} />;
}

/** The pump's belief in one world's instructor view (the console's world, or a class seat's). */
export function BeliefFigures({ view: { belief: view } }: { readonly view: InstructorView }) {
  const profile = getDeviceProfile(view.profileId);
  return (
    <section className="panel" aria-labelledby="belief-title">
      <h2 id="belief-title">Pump (its own belief)</h2>
      <p className="device">{profile.name}</p>
      <dl className="figures">
        <dt>Pump state</dt>
        <dd data-testid="pump-state">{view.state}</dd>
        <dt>Mode</dt>
        <dd data-testid="pump-mode">{view.mode}</dd>
        <dt>Concentration</dt>
        <dd>{formatSolution([{ drug: view.drug, concentration: view.concentration }, ...view.admixed])}</dd>
        <dt>Daily dose</dt>
        <dd data-testid="pump-dose">{formatDailyDose(view.dose, view.drug)}</dd>
        <dt>Programmed flow</dt>
        <dd>{formatMlPerDay(view.rate)}</dd>
        <dt>Calculated reservoir</dt>
        <dd data-testid="pump-reservoir">{formatMl(view.calculatedReservoir)}</dd>
        <dt>Low-reservoir alarm at</dt>
        <dd>{formatMl(view.lowReservoirThreshold)}</dd>
      </dl>
      <h3>Alarms</h3>
      <ul className="alarms" aria-live="assertive">
        {ALARM_NAMES.map((name) => (
          <li
            key={name}
            data-testid={`alarm-${name}`}
            className={view.alarms[name] ? `alarm active ${profile.alarmClass[name]}` : 'alarm'}
          >
            {alarmLabels[name]}: <strong>{view.alarms[name] ? 'ACTIVE' : 'inactive'}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
