import { type DrugId, drugOf } from '@itps/core';

/** The field names a drug's figures take in a scenario file: its concentration and its daily dose. */
export function drugFields(drug: DrugId): {
  readonly concentration: string;
  readonly dose: string;
  readonly unit: 'mg' | 'mcg';
} {
  const unit = drugOf(drug).doseUnit;
  return unit === 'mg'
    ? { concentration: 'concentrationMgPerMl', dose: 'doseMgPerDay', unit }
    : { concentration: 'concentrationMcgPerMl', dose: 'doseMcgPerDay', unit };
}

/** The drug an exercise's pump holds (its reservoir's lead drug; baclofen when not written). */
export const drugOfDoc = (doc: Readonly<Record<string, unknown>>): DrugId => {
  const drug = ((doc.pump as Record<string, unknown> | undefined)?.reservoir as Record<string, unknown> | undefined)
    ?.drug;
  return drug === 'morphine' || drug === 'ziconotide' ? drug : 'baclofen';
};

/** The right plan's steps that carry a drug's doses or strengths. */
const DRUG_STEPS = new Set(['program', 'refill', 'bolus', 'replace']);

/** A sensible starting dose of each drug for an exercise being written (within each library's usual range). */
const STARTING_DOSE: Readonly<Record<DrugId, number>> = { baclofen: 250, morphine: 2, ziconotide: 2.4 };

/**
 * The exercise with its pump holding another drug: the reservoir's drug and concentration (the
 * drug's first stock strength, in its own unit field), the program's doses in the drug's own unit
 * (a starting dose, since a dose of one drug means nothing for another), any admixture dropped, and
 * the patient the drug treats (spasticity for baclofen; pain, opioid-tolerant for morphine, for
 * ziconotide), the right plan's steps that dose the old drug dropped. Everything else is kept.
 */
export function withDrug(doc: Readonly<Record<string, unknown>>, drug: DrugId): Record<string, unknown> {
  if (drugOfDoc(doc) === drug) return { ...doc };
  const fields = drugFields(drug);
  const stock = drugOf(drug).stockConcentrations[0] ?? drugOf(drug).minConcentration;
  const pump = { ...((doc.pump as Record<string, unknown> | undefined) ?? {}) };
  const reservoir = { ...((pump.reservoir as Record<string, unknown> | undefined) ?? {}) };
  delete reservoir.concentrationMcgPerMl;
  delete reservoir.concentrationMgPerMl;
  delete reservoir.admixture;
  reservoir.drug = drug;
  reservoir[fields.concentration] = fields.unit === 'mg' ? stock / 1000 : stock;
  pump.reservoir = reservoir;
  const dose = STARTING_DOSE[drug];
  const therapy = (pump.therapy as Record<string, unknown> | undefined) ?? { mode: 'simple' };
  if (therapy.mode === 'flex' && Array.isArray(therapy.steps))
    pump.therapy = {
      mode: 'flex',
      steps: (therapy.steps as Record<string, unknown>[]).map((s) => ({ start: s.start, [fields.dose]: dose })),
    };
  else if (therapy.mode === 'simple' || therapy.mode === undefined)
    pump.therapy = { mode: 'simple', [fields.dose]: dose };
  const patient =
    drug === 'baclofen'
      ? { origin: 'spinal' }
      : drug === 'morphine'
        ? { condition: 'pain', opioidHistory: 'tolerant' }
        : { condition: 'pain' };
  // the right plan's doses and strengths were the old drug's: those steps go (the checks then say
  // the plan no longer reaches its objectives), the rest (interrogate, examine, decide) stays
  const training = doc.training as Record<string, unknown> | undefined;
  const plan = Array.isArray(training?.plan) ? (training.plan as Record<string, unknown>[]) : null;
  const kept = plan?.filter((step) => !DRUG_STEPS.has(String(step.do)));
  return {
    ...doc,
    pump,
    ...(doc.patient === undefined ? {} : { patient }),
    ...(training === undefined || kept === undefined ? {} : { training: { ...training, plan: kept } }),
  };
}
