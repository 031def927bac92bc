import { useBedsideView } from '../simulation/WorldProvider.tsx';

const CONSCIOUSNESS: Readonly<Record<string, string>> = {
  alert: 'alert',
  drowsy: 'drowsy',
  somnolent: 'very sleepy, rousable',
  unresponsive: 'unresponsive',
};

/**
 * The patient at the bedside: what a clinician can see and measure (tone, vital signs, symptoms).
 * Never the drug level or the model's stages: the bedside view does not hold them.
 */
export function PatientPanel() {
  const { patient: p } = useBedsideView();
  if (p === null) return null;
  const worrying = p.signs.length > 0;
  return (
    <section className={`panel patient${worrying ? ' worrying' : ''}`} aria-labelledby="patient-title">
      <h2 id="patient-title">Patient at the bedside</h2>
      <dl className="figures">
        <dt>Spasticity (Modified Ashworth)</dt>
        <dd data-testid="patient-ashworth">
          {p.ashworthGrade} <span className="muted">(score {p.ashworth.toFixed(1)} of 4)</span>
        </dd>
        <dt>Heart rate</dt>
        <dd data-testid="patient-heart-rate">{p.heartRateBpm} beats/min</dd>
        <dt>Temperature</dt>
        <dd data-testid="patient-temperature">{p.temperatureC.toFixed(1)} °C</dd>
        <dt>Breathing</dt>
        <dd data-testid="patient-breathing">{p.respiratoryRatePerMin} breaths/min</dd>
        <dt>Consciousness</dt>
        <dd data-testid="patient-consciousness">{CONSCIOUSNESS[p.consciousness]}</dd>
        <dt>What you notice</dt>
        <dd data-testid="patient-signs">{p.signs.length === 0 ? 'nothing unusual' : p.signs.join(', ')}</dd>
      </dl>
      <p className="muted">Simulated patient for training. Not for clinical use.</p>
    </section>
  );
}
