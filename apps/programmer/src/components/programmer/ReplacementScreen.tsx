import {
  ALARM_NAMES,
  concentrationFromUnit,
  concentrationInUnit,
  concentrationUnitLabel,
  type Draft,
  drugOf,
  getDeviceProfile,
  implantedCatheterVolume,
  logEntries,
  mlToNanolitres,
  nanolitresToMl,
  type ProgrammerView,
  type PumpBeliefView,
  type ReplacementEntry,
  replacementDraft,
} from '@itps/core';
import { eventWords } from '@itps/scenarios';
import { type FormEvent, useId, useState } from 'react';
import { alarmLabels } from '../../format/labels.ts';
import { parseDecimal } from '../../format/parseDecimal.ts';
import { formatTherapy } from '../../format/therapy.ts';
import { formatMl, formatSolution, formatStrength } from '../../format/units.ts';
import { useProgrammerAct } from '../../simulation/useProgrammerAct.ts';
import { useWhen } from '../../simulation/useWhen.ts';
import { DraftFindings } from './DraftFindings.tsx';
import { WorkflowButtons } from './WorkflowButtons.tsx';

/** How many of the old pump's log entries the record shows (newest first). */
const LOG_SHOWN = 8;

/**
 * The old pump as it was read before it came out: what the new pump takes over (program, alarm,
 * catheter data) and why it was replaced (its alarms and battery), with the last entries of its log.
 */
export function OldPumpRecord({ old }: { readonly old: PumpBeliefView }) {
  const when = useWhen();
  const active = ALARM_NAMES.filter((n) => old.alarms[n]);
  const log = [...logEntries(old.log)].slice(-LOG_SHOWN).reverse();
  return (
    <section className="old-pump" aria-labelledby="old-pump-title" data-testid="old-pump">
      <h4 id="old-pump-title">
        Old pump, read {when(old.now)}: {old.modelName}, serial {old.serial}
      </h4>
      <dl className="figures">
        <dt>Drug</dt>
        <dd data-testid="old-drug">
          {formatSolution([{ drug: old.drug, concentration: old.concentration }, ...old.admixed])}
        </dd>
        <dt>Therapy</dt>
        <dd data-testid="old-therapy">{formatTherapy(old.therapy, old.drug)}</dd>
        <dt>Reservoir (calculated)</dt>
        <dd>{formatMl(old.calculatedReservoir)}</dd>
        <dt>Low-reservoir alarm</dt>
        <dd>at {formatMl(old.lowReservoirThreshold)}</dd>
        <dt>Catheter volume</dt>
        <dd data-testid="old-catheter">{formatMl(old.catheterVolumeEntered)}</dd>
        <dt>Alarms</dt>
        <dd data-testid="old-alarms">{active.length === 0 ? 'none' : active.map((a) => alarmLabels[a]).join(', ')}</dd>
        <dt>Elective replacement (ERI)</dt>
        <dd>{old.eriAt === null ? 'not reached' : `reached ${when(old.eriAt)}`}</dd>
        <dt>End of service</dt>
        <dd>{old.eosAt === null ? 'not known' : when(old.eosAt)}</dd>
      </dl>
      <details>
        <summary>
          Its log (last {Math.min(LOG_SHOWN, old.log.length)} of {old.log.length})
        </summary>
        <ol className="action-timeline" data-testid="old-log">
          {log.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries at the same instant may repeat; the list is fixed
            <li key={`${e.at}-${e.type}-${i}`}>
              <span className="muted">{when(e.at)}</span> {eventWords(e.type)}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

const STEP_NAMES = [
  'Read the old pump',
  'Read and fill the new pump',
  'Program and prime',
  'Review',
  'Send and verify',
];

/** The wizard's steps as the other workflows show them: the current one marked, those done ticked. */
function ReplacementSteps({ step }: { readonly step: number }) {
  return (
    <ol
      className="wizard-steps"
      aria-label={`Step ${step + 1} of ${STEP_NAMES.length}`}
      data-testid="replacement-steps"
    >
      {STEP_NAMES.map((name, i) => (
        <li
          key={name}
          className={`wizard-step${i < step ? ' done' : i === step ? ' current' : ''}`}
          aria-current={i === step ? 'step' : undefined}
        >
          <span className="step-number">{i < step ? '✓' : i + 1}</span> {name}
        </li>
      ))}
    </ol>
  );
}

/**
 * The Replacement workflow: the old pump read and kept; after the surgeon has swapped the pumps, the
 * new pump read (its own serial), its empty reservoir filled through the refill needle, the old
 * program carried over, the priming chosen (the new pump's tubing only when the catheter is kept),
 * then review, send and verify as any change. The one gate judges the draft; this screen only
 * gathers what the clinician enters.
 */
export function ReplacementScreen({ view, context }: { view: PumpBeliefView; context: ProgrammerView }) {
  const act = useProgrammerAct();
  const old = context.replacement?.old ?? null;
  const refill = context.refill;
  const [volume, setVolume] = useState('18');
  // the new pump is filled with the old pump's drug (its program is carried over), in that drug's unit
  const drug = drugOf(old?.drug ?? view.drug);
  const [concentration, setConcentration] = useState(
    String(concentrationInUnit(old?.concentration ?? view.concentration, drug)),
  );
  const [catheter, setCatheter] = useState<'kept' | 'new'>(context.draft.replacementCatheter ?? 'kept');
  const [lengthCm, setLengthCm] = useState('');
  const [priming, setPriming] = useState<ReplacementEntry['priming']>('tubing');
  const [errors, setErrors] = useState<string[]>([]);
  const ids = { volume: useId(), concentration: useId(), length: useId() };
  if (old === null) return null;
  const onNew = view.serial !== old.serial;
  const aspirated = refill?.aspirated ?? null;
  const injected = refill?.injected ?? null;
  const profile = getDeviceProfile(view.profileId);
  const drafted = context.draft.replacementCatheter !== undefined;

  const inject = async (e: FormEvent) => {
    e.preventDefault();
    const v = parseDecimal('Volume injected', volume, { min: 0, max: 40, unit: 'mL' });
    const c = parseDecimal('Concentration', concentration, {
      min: concentrationInUnit(drug.minConcentration, drug),
      max: concentrationInUnit(drug.maxConcentration, drug),
      unit: concentrationUnitLabel(drug),
    });
    const strength = c.ok ? concentrationFromUnit(c.value, drug) : null;
    const problems = [...(v.ok ? [] : [v.message]), ...(c.ok ? [] : [c.message])];
    if (c.ok && strength === null)
      problems.push(`Concentration: expected a whole number of mcg/mL, found ${concentration}.`);
    setErrors(problems);
    if (!v.ok || strength === null || problems.length > 0) return;
    const done = await act({
      type: 'refill.inject',
      volume: mlToNanolitres(v.value),
      concentration: strength,
    });
    if (!done.ok) setErrors([done.refusal.message]);
  };

  const prepare = (e: FormEvent) => {
    e.preventDefault();
    let entry: ReplacementEntry = { catheter, priming };
    if (catheter === 'new') {
      const l = parseDecimal('New catheter length', lengthCm, { min: 1, max: 200, unit: 'cm' });
      if (!l.ok) {
        setErrors([l.message]);
        return;
      }
      entry = { ...entry, newCatheterVolume: implantedCatheterVolume(l.value, profile.catheterVolumePerCm) };
    }
    const draft: Draft | null = replacementDraft(view, old, refill, entry);
    if (draft === null) {
      setErrors(['Fill the new pump first.']);
      return;
    }
    setErrors([]);
    void act({ type: 'draft.change', draft });
  };

  const tubing = formatMl(profile.pumpTubingVolume);
  const catheterFor = catheter === 'kept' ? formatMl(old.catheterVolumeEntered) : 'the new catheter';
  return (
    <div className="screen replacement-screen">
      <h3>Pump replacement</h3>
      <ReplacementSteps step={!onNew ? 0 : injected === null ? 1 : 2} />
      <OldPumpRecord old={old} />
      {!onNew ? (
        <div className="instruction" data-testid="replacement-waiting">
          <p>
            The old pump is read and kept. Tell the surgeon it may come out. When the new pump is in the pocket, read it
            here: the new pump has its own serial number, an empty reservoir and a new battery.
          </p>
          <div className="buttons">
            <button type="button" onClick={() => act({ type: 'replacement.readNew' })}>
              Read the new pump
            </button>
            <button type="button" className="secondary" onClick={() => act({ type: 'workflow.cancel' })}>
              Cancel
            </button>
          </div>
          {context.findings
            .filter((f) => f.code === 'replacement.newNotRead')
            .map((f) => (
              <p key={f.code} className="muted">
                {f.message}
              </p>
            ))}
        </div>
      ) : (
        <>
          <h4 data-testid="new-pump">
            New pump: {view.modelName}, serial {view.serial}, reservoir {formatMl(view.calculatedReservoir)}
          </h4>
          {aspirated === null && (
            <div className="buttons">
              <button type="button" onClick={() => act({ type: 'refill.aspirate' })}>
                Aspirate the new reservoir (it should be empty)
              </button>
            </div>
          )}
          {aspirated !== null && injected === null && (
            <form onSubmit={inject} noValidate>
              <p data-testid="replacement-syringe">The syringe shows {nanolitresToMl(aspirated).toFixed(2)} mL.</p>
              <div className="field">
                <label htmlFor={ids.volume}>Volume injected (mL)</label>
                <input id={ids.volume} inputMode="decimal" value={volume} onChange={(e) => setVolume(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor={ids.concentration}>Concentration injected ({concentrationUnitLabel(drug)})</label>
                <input
                  id={ids.concentration}
                  inputMode="numeric"
                  value={concentration}
                  onChange={(e) => setConcentration(e.target.value)}
                />
              </div>
              {errors.map((m) => (
                <p key={m} className="error" role="alert">
                  {m}
                </p>
              ))}
              <button type="submit">Inject into the new pump</button>
            </form>
          )}
          {injected !== null && (
            <form onSubmit={prepare} noValidate>
              <p data-testid="replacement-injected">
                Filled with {nanolitresToMl(injected.volume).toFixed(2)} mL of{' '}
                {formatStrength(injected.concentration, old.drug)}. The old program is the starting point:{' '}
                {formatTherapy(old.therapy, old.drug)}, alarm at {formatMl(old.lowReservoirThreshold)}.
              </p>
              <fieldset className="speeds">
                <legend>The catheter</legend>
                <label>
                  <input
                    type="radio"
                    name="catheter"
                    checked={catheter === 'kept'}
                    onChange={() => setCatheter('kept')}
                  />{' '}
                  Kept (still full of the old drug, {formatMl(old.catheterVolumeEntered)})
                </label>
                <label>
                  <input
                    type="radio"
                    name="catheter"
                    checked={catheter === 'new'}
                    onChange={() => setCatheter('new')}
                  />{' '}
                  New catheter
                </label>
                {catheter === 'new' && (
                  <div className="field">
                    <label htmlFor={ids.length}>New catheter implanted length (cm)</label>
                    <input
                      id={ids.length}
                      inputMode="decimal"
                      value={lengthCm}
                      onChange={(e) => setLengthCm(e.target.value)}
                    />
                  </div>
                )}
              </fieldset>
              <fieldset className="speeds">
                <legend>Priming bolus</legend>
                <label>
                  <input
                    type="radio"
                    name="priming"
                    checked={priming === 'tubing'}
                    onChange={() => setPriming('tubing')}
                  />{' '}
                  Pump tubing only ({tubing})
                </label>
                <label>
                  <input
                    type="radio"
                    name="priming"
                    checked={priming === 'tubingAndCatheter'}
                    onChange={() => setPriming('tubingAndCatheter')}
                  />{' '}
                  Pump tubing and catheter ({tubing} and {catheterFor})
                </label>
                <label>
                  <input type="radio" name="priming" checked={priming === 'none'} onChange={() => setPriming('none')} />{' '}
                  No priming bolus
                </label>
              </fieldset>
              {errors.map((m) => (
                <p key={m} className="error" role="alert">
                  {m}
                </p>
              ))}
              <DraftFindings
                findings={context.findings}
                acknowledged={context.acknowledged}
                onConfirm={(code) => act({ type: 'finding.confirm', code })}
              />
              <WorkflowButtons
                check="Set up the new pump"
                drafted={drafted}
                context={context}
                notYet="Choose the catheter and the priming, and press Set up the new pump first."
              />
            </form>
          )}
        </>
      )}
    </div>
  );
}
