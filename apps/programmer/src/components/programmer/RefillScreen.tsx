import {
  type AbandonedRefill,
  abandonRefill,
  concentrationInUnit,
  type Draft,
  type DrugId,
  doseUnitLabel,
  drugOf,
  mlToNanolitres,
  type Nanolitres,
  nanolitresToMl,
  type PicogramsPerDay,
  type ProgrammerView,
  type PumpBeliefView,
  planRefill,
  refillExpectation,
  type SolutionPart,
} from '@itps/core';
import { type FormEvent, useId, useState } from 'react';
import { parseDecimal } from '../../format/parseDecimal.ts';
import { type ParsedSolution, parseSolution, type SolutionEntry } from '../../format/parseSolution.ts';
import { drugDoseLines } from '../../format/therapy.ts';
import { formatMl, formatSolution } from '../../format/units.ts';
import { useProgrammerAct } from '../../simulation/useProgrammerAct.ts';
import { useWhen } from '../../simulation/useWhen.ts';
import { DraftFindings } from './DraftFindings.tsx';
import { DrugEntry } from './DrugEntry.tsx';
import { ReviewButton } from './ReviewButton.tsx';
import { WorkflowProgress } from './WorkflowProgress.tsx';

/**
 * The refill wizard: the expected residual, aspiration at the pump (the syringe shows what came
 * back), a stop before injecting when it came back short, the new drug in, the discrepancy check and
 * the new dates, then review and send. What the needle did is the session's (the world's), so a
 * reload, a second window or a reconnect comes back to the same step with the same warning.
 */
export function RefillScreen({ view, context }: { view: PumpBeliefView; context: ProgrammerView }) {
  const act = useProgrammerAct();
  const when = useWhen();
  const expected = refillExpectation(view);
  const refill = context.refill;
  const aspirated = refill?.aspirated ?? null;
  const injected = refill?.injected ?? null;
  const [volume, setVolume] = useState('18');
  const [entry, setEntry] = useState<SolutionEntry>(() => ({
    drug: view.drug,
    concentration: String(concentrationInUnit(view.concentration, drugOf(view.drug))),
    admixed: view.admixed.map((p) => ({
      drug: p.drug,
      concentration: String(concentrationInUnit(p.concentration, drugOf(p.drug))),
    })),
    dose: '',
  }));
  // the solution injected, as entered at the injection (after a reload: as the draft records it)
  const [chosen, setChosen] = useState<Extract<ParsedSolution, { ok: true }> | null>(null);
  const drafted0 = context.draft.update.program;
  const solution =
    chosen ??
    (drafted0 === undefined
      ? null
      : {
          drug: drafted0.drug,
          admixed: drafted0.admixed ?? [],
          ...(drafted0.drug !== view.drug && drafted0.therapy.mode === 'simple' ? { dose: drafted0.therapy.dose } : {}),
        });
  type Chosen = { drug: DrugId; admixed: readonly SolutionPart[]; dose?: PicogramsPerDay };
  const solutionOf = (from: Chosen | null = solution) =>
    from === null
      ? {}
      : {
          drug: from.drug,
          admixed: from.admixed,
          ...(from.dose === undefined ? {} : { dose: from.dose }),
        };
  // a new drug's dose can be typed again after the injection: the syringe is done, the program is not
  const [newDose, setNewDose] = useState('');
  const [bridge, setBridge] = useState<'bridge' | 'none' | null>(context.draft.bridgeDecision);
  const [rinsed, setRinsed] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [abandoning, setAbandoning] = useState<AbandonedRefill | null>(null);
  const ids = { volume: useId(), dose: useId() };

  const planned =
    aspirated === null || injected === null
      ? null
      : planRefill(view, {
          aspirated,
          injected: injected.volume,
          concentration: injected.concentration,
          ...solutionOf(),
          bridgeDecision: bridge,
          rinsed,
          beliefAtNeedle: refill?.beliefAtNeedle ?? null,
        });
  const plan = planned?.ok ? planned.value : null;
  const changes = injected !== null && plan?.solutionChanges === true;
  const drafted = Object.keys(context.draft.update).length > 0 || context.draft.bolus !== null;

  const record = (decision: 'bridge' | 'none' | null, wasRinsed: boolean, from: Chosen | null = solution) => {
    if (aspirated === null || injected === null) return;
    const next = planRefill(view, {
      aspirated,
      injected: injected.volume,
      concentration: injected.concentration,
      ...solutionOf(from),
      bridgeDecision: decision,
      rinsed: wasRinsed,
      beliefAtNeedle: refill?.beliefAtNeedle ?? null,
    });
    if (!next.ok) {
      setErrors([next.refusal.message]);
      return;
    }
    setErrors([]);
    void act({ type: 'draft.change', draft: next.value.draft });
  };

  const inject = async (e: FormEvent) => {
    e.preventDefault();
    const v = parseDecimal('Volume injected', volume, { min: 0, max: 40, unit: 'mL' });
    const c = parseSolution(entry, view.drug);
    const problems = [...(v.ok ? [] : [v.message]), ...(c.ok ? [] : c.messages)];
    setErrors(problems);
    if (!v.ok || !c.ok || problems.length > 0 || aspirated === null) return;
    const volumeIn = mlToNanolitres(v.value);
    const strength = c.concentration;
    setChosen(c);
    setNewDose(entry.dose);
    // the syringe holds the solution entered: the lead drug at its strength and every admixed drug at its own
    const done = await act({
      type: 'refill.inject',
      volume: volumeIn,
      concentration: strength,
      solution: [{ drug: c.drug, concentration: strength }, ...c.admixed],
    });
    if (!done.ok) {
      setErrors([done.refusal.message]);
      return;
    }
    const next = planRefill(view, {
      aspirated,
      injected: volumeIn,
      concentration: strength,
      drug: c.drug,
      admixed: c.admixed,
      ...(c.dose === undefined ? {} : { dose: c.dose }),
      bridgeDecision: bridge,
      rinsed,
      beliefAtNeedle: refill?.beliefAtNeedle ?? view.calculatedReservoir,
    });
    if (next.ok) void act({ type: 'draft.change', draft: next.value.draft });
    else setErrors([next.refusal.message]);
  };

  /** Cancel: free before the needle acts; after, what was done is said, and only safe ways out are offered. */
  const cancel = async () => {
    if (aspirated === null) {
      void act({ type: 'workflow.cancel' });
      return;
    }
    const abandoned = abandonRefill(view, {
      aspirated,
      injected: injected?.volume ?? (0 as Nanolitres),
      concentration: injected?.concentration ?? view.concentration,
      beliefAtNeedle: refill?.beliefAtNeedle ?? null,
    });
    setAbandoning(abandoned);
  };
  /** Prepares the safe state: the gate judges it and the finish screen shows it, as for any change. */
  const settle = (draft: Draft | null) => {
    if (draft === null) return;
    setAbandoning(null);
    void act({ type: 'draft.change', draft });
  };

  const needleFindings = injected === null && !drafted ? context.findings : [];
  const discrepancy = plan?.discrepancy;
  return (
    <div className="screen">
      <WorkflowProgress context={context} refillAspirated={aspirated !== null} />
      <h3>Refill</h3>
      <dl className="figures">
        <dt>Expected residual</dt>
        <dd data-testid="refill-expected">{formatMl(expected.expectedResidual)}</dd>
        <dt>Expected to aspirate</dt>
        <dd>{formatMl(expected.expectedWithdrawal)} (the dead space stays)</dd>
        <dt>Delivered since last refill</dt>
        <dd>{formatMl(expected.deliveredSinceLastRefill)}</dd>
      </dl>
      {aspirated === null ? (
        <div className="buttons">
          <button type="button" onClick={() => act({ type: 'refill.aspirate' })}>
            Aspirate the reservoir
          </button>
        </div>
      ) : (
        <p data-testid="refill-syringe">
          The syringe shows {nanolitresToMl(aspirated).toFixed(2)} mL
          {(refill?.aspirations ?? 0) > 1 ? ` (${refill?.aspirations} aspirations)` : ''}.
        </p>
      )}
      {aspirated !== null && injected === null && (
        <>
          <DraftFindings
            findings={needleFindings}
            acknowledged={context.acknowledged}
            onConfirm={(code) => act({ type: 'finding.confirm', code })}
          />
          {needleFindings.length > 0 && (
            <div className="buttons">
              <button type="button" className="secondary" onClick={() => act({ type: 'refill.aspirate' })}>
                Reposition the needle and aspirate again
              </button>
            </div>
          )}
          <form onSubmit={inject} noValidate>
            <div className="field">
              <label htmlFor={ids.volume}>Volume injected (mL)</label>
              <input id={ids.volume} inputMode="decimal" value={volume} onChange={(e) => setVolume(e.target.value)} />
            </div>
            <DrugEntry entry={entry} pumpDrug={view.drug} onChange={setEntry} />
            {errors.map((m) => (
              <p key={m} className="error" role="alert">
                {m}
              </p>
            ))}
            <button type="submit">Inject and calculate</button>
          </form>
        </>
      )}
      {injected !== null && (
        <p data-testid="refill-injected">
          Injected {nanolitresToMl(injected.volume).toFixed(2)} mL of{' '}
          {formatSolution([
            { drug: solution?.drug ?? view.drug, concentration: injected.concentration },
            ...(solution?.admixed ?? view.admixed),
          ])}
          .
        </p>
      )}
      {injected !== null && solution !== null && solution.drug !== view.drug && (
        <form
          className="field"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = parseSolution(
              {
                drug: solution.drug,
                concentration: String(concentrationInUnit(injected.concentration, drugOf(solution.drug))),
                admixed: [],
                dose: newDose,
              },
              view.drug,
            );
            if (!parsed.ok || parsed.dose === undefined) {
              setErrors(parsed.ok ? [] : [...parsed.messages]);
              return;
            }
            const next = { drug: solution.drug, admixed: solution.admixed, dose: parsed.dose };
            setChosen({ ok: true, concentration: injected.concentration, ...next });
            record(bridge, rinsed, next);
          }}
        >
          <label htmlFor={ids.dose}>
            New daily dose of {drugOf(solution.drug).shortName} ({doseUnitLabel(drugOf(solution.drug))})
          </label>
          <input id={ids.dose} inputMode="decimal" value={newDose} onChange={(e) => setNewDose(e.target.value)} />
          <button type="submit">Change the dose</button>
        </form>
      )}
      {changes && (
        <fieldset className="speeds" data-testid="refill-bridge">
          <legend>
            The {solution !== null && solution.drug !== view.drug ? 'drug' : 'concentration'} changes: old drug is still
            in the tubing and catheter
          </legend>
          <label>
            <input
              type="radio"
              name="bridge"
              checked={bridge === 'bridge'}
              onChange={() => {
                setBridge('bridge');
                record('bridge', rinsed);
              }}
            />{' '}
            Bridge bolus
          </label>
          <label>
            <input
              type="radio"
              name="bridge"
              checked={bridge === 'none'}
              onChange={() => {
                setBridge('none');
                record('none', rinsed);
              }}
            />{' '}
            No bridge
          </label>
          <label>
            <input
              type="checkbox"
              checked={rinsed}
              onChange={(e) => {
                setRinsed(e.target.checked);
                record(bridge, e.target.checked);
              }}
            />{' '}
            Reservoir rinsed first
          </label>
        </fieldset>
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
      {plan && (
        <>
          <dl className="figures">
            <dt>Reservoir volume to record</dt>
            <dd data-testid="refill-new-volume">{formatMl(plan.newVolume)}</dd>
            {plan.draft.update.program !== undefined && (
              <>
                <dt>Each drug's dose</dt>
                <dd data-testid="refill-drug-doses">{drugDoseLines(plan.draft.update.program).join('; ')}</dd>
              </>
            )}
            <dt>Low-reservoir alarm expected</dt>
            <dd>{plan.forecast.lowReservoirAt === null ? 'none' : when(plan.forecast.lowReservoirAt)}</dd>
            <dt>Next refill by</dt>
            <dd data-testid="refill-next">{plan.nextRefillAt === null ? 'none' : when(plan.nextRefillAt)}</dd>
          </dl>
          {injected !== null && Object.keys(context.draft.update).length === 0 && (
            <div className="buttons">
              <button type="button" onClick={() => record(bridge, rinsed)}>
                Calculate what to record
              </button>
            </div>
          )}
        </>
      )}
      {injected !== null &&
        errors.map((m) => (
          <p key={m} className="error" role="alert">
            {m}
          </p>
        ))}
      {drafted && (
        <>
          <DraftFindings
            // refusals first, where the clinician reads (the bridge's own choice is asked above)
            findings={[
              ...context.findings.filter((f) => f.severity === 'hard' && f.code !== 'bridge.decisionRequired'),
              ...context.findings.filter((f) => f.severity === 'confirm'),
            ]}
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
