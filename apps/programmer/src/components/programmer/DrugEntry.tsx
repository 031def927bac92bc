import { concentrationUnitLabel, DRUG_IDS, type DrugId, doseUnitLabel, drugOf, MAX_ADMIXED } from '@itps/core';
import { useId } from 'react';
import type { SolutionEntry } from '../../format/parseSolution.ts';

/**
 * The drug screen of a refill: the drug injected, chosen from the drug library, its concentration
 * in its own unit (mg/mL for morphine), the drugs admixed with it each at its own concentration, and
 * for a drug the pump does not hold yet its daily dose. Only fields: the core judges what they make.
 */
export function DrugEntry({
  entry,
  pumpDrug,
  onChange,
}: {
  readonly entry: SolutionEntry;
  readonly pumpDrug: DrugId;
  readonly onChange: (entry: SolutionEntry) => void;
}) {
  const id = useId();
  const lead = drugOf(entry.drug);
  const set = (patch: Partial<SolutionEntry>) => onChange({ ...entry, ...patch });
  const setPart = (i: number, patch: Partial<SolutionEntry['admixed'][number]>) =>
    set({ admixed: entry.admixed.map((p, k) => (k === i ? { ...p, ...patch } : p)) });
  // each drug once: a select offers its own drug and those not yet in the solution
  const unused = DRUG_IDS.filter((d) => d !== entry.drug && !entry.admixed.some((p) => p.drug === d));
  return (
    <fieldset className="drug-entry" data-testid="drug-entry">
      <legend>Drug injected</legend>
      <div className="field">
        <label htmlFor={`${id}-drug`}>Drug</label>
        <select id={`${id}-drug`} value={entry.drug} onChange={(e) => set({ drug: e.target.value as DrugId })}>
          {DRUG_IDS.filter((d) => d === entry.drug || unused.includes(d)).map((d) => (
            <option key={d} value={d}>
              {drugOf(d).name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-c`}>Concentration injected ({concentrationUnitLabel(lead)})</label>
        <input
          id={`${id}-c`}
          inputMode="decimal"
          value={entry.concentration}
          onChange={(e) => set({ concentration: e.target.value })}
        />
      </div>
      {entry.admixed.map((part, i) => {
        const drug = drugOf(part.drug);
        return (
          <div className="admixed-row" key={part.drug} data-testid={`admixed-${i + 1}`}>
            <div className="field">
              <label htmlFor={`${id}-a${i}`}>Admixed drug {i + 1}</label>
              <select
                id={`${id}-a${i}`}
                value={part.drug}
                onChange={(e) => setPart(i, { drug: e.target.value as DrugId })}
              >
                {DRUG_IDS.filter((d) => d === part.drug || unused.includes(d)).map((d) => (
                  <option key={d} value={d}>
                    {drugOf(d).name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-ac${i}`}>
                Admixed drug {i + 1} concentration ({concentrationUnitLabel(drug)})
              </label>
              <input
                id={`${id}-ac${i}`}
                inputMode="decimal"
                value={part.concentration}
                onChange={(e) => setPart(i, { concentration: e.target.value })}
              />
            </div>
            <button
              type="button"
              className="secondary"
              onClick={() => set({ admixed: entry.admixed.filter((_, k) => k !== i) })}
            >
              Remove {drug.shortName}
            </button>
          </div>
        );
      })}
      {entry.admixed.length < MAX_ADMIXED && unused.length > 0 && (
        <button
          type="button"
          className="secondary"
          onClick={() => set({ admixed: [...entry.admixed, { drug: unused[0] ?? 'baclofen', concentration: '' }] })}
        >
          Add a drug to the admixture
        </button>
      )}
      {entry.drug !== pumpDrug && (
        <div className="field">
          <label htmlFor={`${id}-dose`}>
            New daily dose of {lead.shortName} ({doseUnitLabel(lead)})
          </label>
          <input
            id={`${id}-dose`}
            inputMode="decimal"
            value={entry.dose}
            onChange={(e) => set({ dose: e.target.value })}
          />
          <p className="hint">
            The pump holds {drugOf(pumpDrug).shortName}: its dose does not carry over to {lead.shortName}.
          </p>
        </div>
      )}
    </fieldset>
  );
}
