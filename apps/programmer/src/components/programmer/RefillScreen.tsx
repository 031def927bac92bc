import {
  type AbandonedRefill,
  abandonRefill,
  baclofen,
  type Draft,
  EMPTY_FLUID,
  fluidAt,
  type McgPerMl,
  mlToNanolitres,
  type Nanolitres,
  nanolitresToMl,
  type ProgrammerView,
  type PumpBeliefView,
  planRefill,
  type RefillPlan,
  refillExpectation,
} from '@itps/core';
import { type FormEvent, useId, useState } from 'react';
import { parseDecimal } from '../../format/parseDecimal.ts';
import { formatMl } from '../../format/units.ts';
import { useProgrammerAct } from '../../simulation/useProgrammerAct.ts';
import { useWhen } from '../../simulation/useWhen.ts';
import { useApply } from '../../simulation/WorldProvider.tsx';
import { DraftFindings } from './DraftFindings.tsx';
import { ReviewButton } from './ReviewButton.tsx';
import { WorkflowProgress } from './WorkflowProgress.tsx';

/**
 * The refill wizard: the expected residual, aspiration at the pump (the syringe shows what came
 * back), the discrepancy check, the new drug in, and the new dates, then review and send.
 */
export function RefillScreen({ view, context }: { view: PumpBeliefView; context: ProgrammerView }) {
  const act = useProgrammerAct();
  const expected = refillExpectation(view);
  const [syringe, setSyringe] = useState<Nanolitres | null>(null);
  const [volume, setVolume] = useState('18');
  const [concentration, setConcentration] = useState(String(view.concentration));
  const [bridge, setBridge] = useState<'bridge' | 'none' | null>(null);
  const [rinsed, setRinsed] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [plan, setPlan] = useState<RefillPlan | null>(null);
  const [injected, setInjected] = useState<{ volume: Nanolitres; concentration: McgPerMl } | null>(null);
  const [abandoning, setAbandoning] = useState<AbandonedRefill | null>(null);
  const ids = { volume: useId(), concentration: useId() };

  const apply = useApply();
  const when = useWhen();
  // the syringe at the pump: aspirate what can be withdrawn (the pump is not told)
  const aspirate = async () => {
    const result = await apply({
      type: 'visit.needle',
      visit: { aspirate: 'all', site: 'reservoir', inject: EMPTY_FLUID },
    });
    setSyringe(result.ok ? (result.withdrawn?.volume ?? (0 as Nanolitres)) : (0 as Nanolitres));
  };

  const fill = async (e: FormEvent) => {
    e.preventDefault();
    if (syringe === null) return;
    const v = parseDecimal('Volume injected', volume, { min: 0, max: 40, unit: 'mL' });
    const c = parseDecimal('Concentration', concentration, {
      min: baclofen.minConcentration,
      max: baclofen.maxConcentration,
      unit: 'mcg/mL',
    });
    const problems = [...(v.ok ? [] : [v.message]), ...(c.ok ? [] : [c.message])];
    if (c.ok && !Number.isInteger(c.value))
      problems.push(`Concentration: expected a whole number of mcg/mL, found ${concentration}.`);
    setErrors(problems);
    if (!v.ok || !c.ok || problems.length > 0) return;
    const injected = await apply({
      type: 'visit.needle',
      visit: {
        aspirate: 0 as Nanolitres,
        site: 'reservoir',
        inject: fluidAt(mlToNanolitres(v.value), c.value as McgPerMl),
      },
    });
    if (!injected.ok) {
      setErrors([injected.refusal.message]);
      return;
    }
    setInjected({ volume: mlToNanolitres(v.value), concentration: c.value as McgPerMl });
    const planned = planRefill(view, {
      aspirated: syringe,
      injected: mlToNanolitres(v.value),
      concentration: c.value as McgPerMl,
      bridgeDecision: bridge,
      rinsed,
    });
    if (!planned.ok) {
      setErrors([planned.refusal.message]);
      return;
    }
    setPlan(planned.value);
    act({ type: 'draft.change', draft: planned.value.draft });
  };

  /** Cancel: free before the needle acts; after, what was done is said, recorded, and led to a safe state. */
  const cancel = () => {
    if (syringe === null) {
      act({ type: 'workflow.cancel' });
      return;
    }
    const abandoned = abandonRefill(view, {
      aspirated: syringe,
      injected: injected?.volume ?? (0 as Nanolitres),
      concentration: injected?.concentration ?? view.concentration,
    });
    setAbandoning(abandoned);
    void apply({ type: 'clinical.act', action: 'programmer.refillAbandoned', detail: abandoned.message });
  };
  /** Sends the safe state through the finish screen. */
  const settle = (draft: Draft | null) => {
    if (draft === null) return;
    setAbandoning(null);
    void act({ type: 'draft.change', draft }).then(() => act({ type: 'review.open' }));
  };

  const discrepancy = plan?.discrepancy;
  const changes = concentration !== String(view.concentration);
  return (
    <div className="screen">
      <WorkflowProgress context={context} refillAspirated={syringe !== null} />
      <h3>Refill</h3>
      <dl className="figures">
        <dt>Expected residual</dt>
        <dd data-testid="refill-expected">{formatMl(expected.expectedResidual)}</dd>
        <dt>Expected to aspirate</dt>
        <dd>{formatMl(expected.expectedWithdrawal)} (the dead space stays)</dd>
        <dt>Delivered since last refill</dt>
        <dd>{formatMl(expected.deliveredSinceLastRefill)}</dd>
      </dl>
      {syringe === null ? (
        <div className="buttons">
          <button type="button" onClick={aspirate}>
            Aspirate the reservoir
          </button>
        </div>
      ) : (
        <p data-testid="refill-syringe">The syringe shows {nanolitresToMl(syringe).toFixed(2)} mL.</p>
      )}
      {syringe !== null && plan === null && (
        <form onSubmit={fill} noValidate>
          <div className="field">
            <label htmlFor={ids.volume}>Volume injected (mL)</label>
            <input id={ids.volume} inputMode="decimal" value={volume} onChange={(e) => setVolume(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.concentration}>Concentration injected (mcg/mL)</label>
            <input
              id={ids.concentration}
              inputMode="numeric"
              value={concentration}
              onChange={(e) => setConcentration(e.target.value)}
            />
          </div>
          {changes && (
            <fieldset className="speeds">
              <legend>The concentration changes: old drug is still in the tubing and catheter</legend>
              <label>
                <input type="radio" name="bridge" checked={bridge === 'bridge'} onChange={() => setBridge('bridge')} />{' '}
                Bridge bolus
              </label>
              <label>
                <input type="radio" name="bridge" checked={bridge === 'none'} onChange={() => setBridge('none')} /> No
                bridge
              </label>
              <label>
                <input type="checkbox" checked={rinsed} onChange={(e) => setRinsed(e.target.checked)} /> Reservoir
                rinsed first
              </label>
            </fieldset>
          )}
          {errors.map((m) => (
            <p key={m} className="error" role="alert">
              {m}
            </p>
          ))}
          <button type="submit">Inject and calculate</button>
        </form>
      )}
      {discrepancy && (
        <div
          className={`finding ${discrepancy.flagged ? 'hard' : ''}`}
          data-testid="refill-discrepancy"
          role={discrepancy.flagged ? 'alert' : 'status'}
        >
          <p>
            <strong>{discrepancy.flagged ? 'Discrepancy:' : 'Residual as expected:'}</strong> {discrepancy.message}
          </p>
          {discrepancy.likelyCauses.length > 0 && (
            <ul>
              {discrepancy.likelyCauses.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {plan?.mixing && <p className="finding">{plan.mixing.message}</p>}
      {plan && (
        <>
          <dl className="figures">
            <dt>Reservoir volume to record</dt>
            <dd data-testid="refill-new-volume">{formatMl(plan.newVolume)}</dd>
            <dt>Low-reservoir alarm expected</dt>
            <dd>{plan.forecast.lowReservoirAt === null ? 'none' : when(plan.forecast.lowReservoirAt)}</dd>
            <dt>Next refill by</dt>
            <dd data-testid="refill-next">{plan.nextRefillAt === null ? 'none' : when(plan.nextRefillAt)}</dd>
          </dl>
          <DraftFindings
            findings={context.findings.filter((f) => f.severity === 'confirm')}
            acknowledged={context.acknowledged}
            onConfirm={(code) => act({ type: 'finding.confirm', code })}
          />
          <div className="buttons">
            <ReviewButton context={context} notYet={null} />
          </div>
        </>
      )}
      {abandoning !== null && (
        <div className="finding hard" role="alert" data-testid="refill-abandon">
          <p>
            <strong>The refill cannot be cancelled.</strong> {abandoning.message}
          </p>
          <div className="buttons">
            {abandoning.record === null ? (
              <button type="button" onClick={() => setAbandoning(null)}>
                Finish the refill (record what is in the pump)
              </button>
            ) : (
              <button type="button" onClick={() => settle(abandoning.record)}>
                Record what is in the pump
              </button>
            )}
            <button type="button" onClick={() => settle(abandoning.stop)}>
              Stop the pump until it is refilled
            </button>
          </div>
        </div>
      )}
      <div className="buttons">
        <button type="button" className="secondary" onClick={cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
