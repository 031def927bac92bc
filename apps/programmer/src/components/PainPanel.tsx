import { useState } from 'react';
import { useBedsideView } from '../simulation/WorldProvider.tsx';

const AWAKE: Readonly<Record<string, string>> = {
  alert: 'alert',
  drowsy: 'drowsy, rousable to voice',
  hardToRouse: 'hard to rouse',
  rousesToPainOnly: 'rouses only to pain',
  unresponsive: 'unresponsive',
};

const PUPILS: Readonly<Record<string, string>> = {
  normal: 'normal',
  small: 'small',
  pinpoint: 'pinpoint',
  dilated: 'dilated',
};

/**
 * A patient treated for pain at the bedside: the pain score they give when asked, how awake they
 * are, breaths a minute, pupils, pulse, temperature and what you notice. Never the drug level, the
 * model's stages, tolerance or a catheter-tip mass: the bedside view does not hold them.
 */
export function PainPanel() {
  const { pain: p } = useBedsideView();
  const [asked, setAsked] = useState(false);
  if (p === undefined) return null;
  const worrying = p.signs.length > 0 || p.respiratoryRatePerMin < 10;
  return (
    <section className={`panel patient${worrying ? ' worrying' : ''}`} aria-labelledby="pain-title">
      <h2 id="pain-title">Patient treated for pain</h2>
      <dl className="figures">
        <dt>Pain (0 to 10, as the patient says)</dt>
        <dd data-testid="pain-score">
          {asked ? (
            `${p.painScore} of 10`
          ) : (
            <button type="button" onClick={() => setAsked(true)}>
              Ask about pain
            </button>
          )}
        </dd>
        <dt>Awake</dt>
        <dd data-testid="pain-sedation">{AWAKE[p.sedationLevel] ?? p.sedationLevel}</dd>
        <dt>Breathing</dt>
        <dd data-testid="pain-breathing">{p.respiratoryRatePerMin} breaths/min</dd>
        <dt>Pupils</dt>
        <dd data-testid="pain-pupils">{PUPILS[p.pupils] ?? p.pupils}</dd>
        <dt>Heart rate</dt>
        <dd data-testid="pain-heart-rate">{p.heartRateBpm} beats/min</dd>
        <dt>Temperature</dt>
        <dd data-testid="pain-temperature">{p.temperatureC.toFixed(1)} °C</dd>
        <dt>What you notice</dt>
        <dd data-testid="pain-signs">{p.signs.length === 0 ? 'nothing unusual' : p.signs.join(', ')}</dd>
      </dl>
      <p className="muted">Simulated patient for training. Not for clinical use.</p>
    </section>
  );
}
