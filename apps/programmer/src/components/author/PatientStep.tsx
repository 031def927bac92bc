import type { DrugId } from '@itps/core';
import { ORIGIN_WORDS } from '../../authoring/exerciseWords.ts';
import { drugOfDoc } from '../../authoring/withDrug.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { useDraft } from './DraftContext.tsx';
import { NumberField } from './NumberField.tsx';

/** Step 2: the patient: where the spasticity comes from, how much drug they need, how they respond. */
export function PatientStep() {
  const { doc } = useDraft();
  const patient = doc.patient as Record<string, unknown> | undefined;
  if (patient?.condition === 'pain') return <PainPatient drug={drugOfDoc(doc)} />;
  return (
    <>
      <ChoiceField path="patient.origin" label="Origin of the spasticity" choices={ORIGIN_WORDS} />
      <NumberField
        path="patient.needMcgPerDay"
        label="Daily dose that controls their spasticity"
        unit="mcg/day"
        hint="Their sensitivity: below it the spasticity returns (and, with no drug, withdrawal); well above it, overdose."
      />
      <NumberField
        path="patient.baselineAshworth"
        label="Muscle tone with no drug"
        unit="Ashworth, 1 to 4"
        hint="How stiff they become when the drug stops reaching them. Leave empty for the usual value of their origin."
      />
      <NumberField
        path="patient.csfHalfLifeH"
        label="How fast the drug clears from the spinal fluid, half-life"
        unit="hours"
        hint="Shorter: symptoms follow a change of delivery sooner. Leave empty for the usual value."
      />
      <ChoiceField
        path="patient.variation"
        label="How they respond"
        choices={[
          ['none', 'As typed here, the same for every trainee'],
          ['seeded', "Varied within the origin's usual range (each run's seed)"],
        ]}
        unset="As typed here, the same for every trainee"
      />
      <p className="muted">
        The scenario format has no body weight: the patient's need above sets how the drug acts on them.
      </p>
    </>
  );
}

/** A patient treated for pain (the pump holds morphine or ziconotide): their pain, need and opioid history. */
function PainPatient({ drug }: { readonly drug: DrugId }) {
  return (
    <>
      <p className="muted">Treated for chronic pain with {drug} (chosen with the pump's drug, step 3).</p>
      <NumberField
        path="patient.baselinePain"
        label="Pain score without the pump's drug"
        unit="0 to 10"
        hint="What they report with no drug reaching the spine. Leave empty for 7."
      />
      {drug === 'morphine' ? (
        <>
          <ChoiceField
            path="patient.opioidHistory"
            label="Opioid history"
            choices={[
              ['naive', 'Opioid-naive: no regular opioids before'],
              ['tolerant', 'Opioid-tolerant: regular opioids before'],
            ]}
            unset="Opioid-naive: no regular opioids before"
            hint="Sets how much morphine they bear: an opioid-naive patient stops breathing at doses a tolerant one needs."
          />
          <NumberField
            path="patient.opioidNeedMgPerDay"
            label="Daily intrathecal morphine that controls their pain"
            unit="mg/day"
            hint="Leave empty for the usual 0.5 mg/day (naive) or 4 mg/day (tolerant)."
          />
        </>
      ) : (
        <NumberField
          path="patient.ziconotideNeedMcgPerDay"
          label="Daily ziconotide that controls their pain"
          unit="mcg/day"
          hint="Leave empty for the usual 7 mcg/day."
        />
      )}
    </>
  );
}
