import type { PtmOutcome } from '@itps/core';
import { useState } from 'react';
import { useWhen } from '../simulation/useWhen.ts';
import { useApply, useBedsideView } from '../simulation/WorldProvider.tsx';

/** What the handheld says after a press, as the patient reads it. */
const ANSWER: Readonly<Record<PtmOutcome, string>> = {
  'ptm.bolus': 'Bolus started.',
  'ptm.lockedOut': 'Not available yet: too soon after the last bolus. Nothing was given.',
  'ptm.dayLimit': "Not available: today's boluses have all been used. Nothing was given.",
  'ptm.unavailable': 'The pump did not give a bolus. Nothing was given.',
};

/**
 * The patient's PTM handheld at the bedside: one button the patient presses for a bolus, and a green
 * light while a press would give one (the real handheld's "bolus available"). The pump decides; the
 * handheld only reports its answer. Shown only when the pump has PTM programmed.
 */
export function PtmHandheld() {
  const { handheld } = useBedsideView();
  const apply = useApply();
  const when = useWhen();
  const [answer, setAnswer] = useState<string | null>(null);
  if (handheld === null) return null;
  const press = () =>
    void apply({ type: 'ptm.press' }).then((r) =>
      setAnswer(r.ok && r.ptm !== undefined ? ANSWER[r.ptm.outcome] : r.ok ? null : r.refusal.message),
    );
  return (
    <section className="panel handheld" aria-labelledby="handheld-title">
      <h2 id="handheld-title">Patient's handheld (PTM)</h2>
      <p className="handheld-light" data-testid="ptm-light" data-available={handheld.available}>
        <span className={`light ${handheld.available ? 'green' : 'off'}`} aria-hidden="true" />
        {handheld.available ? 'Bolus available' : 'Bolus not available'}
      </p>
      <button type="button" className="handheld-button" onClick={press}>
        Press for a bolus
      </button>
      <p aria-live="polite" data-testid="ptm-answer">
        {answer}
      </p>
      {handheld.lastPress !== null && (
        <p className="muted" data-testid="ptm-last-press">
          Last press {when(handheld.lastPress.at)}: {ANSWER[handheld.lastPress.outcome]}
        </p>
      )}
      <p className="muted">The patient presses this when pain breaks through. Simulated; not for clinical use.</p>
    </section>
  );
}
