import { ORIGIN_WORDS } from '../../authoring/exerciseWords.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { NumberField } from './NumberField.tsx';

/** Step 2: the patient: where the spasticity comes from, how much drug they need, how they respond. */
export function PatientStep() {
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
