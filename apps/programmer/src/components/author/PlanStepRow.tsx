import { getAt } from '../../authoring/draftPath.ts';
import { MODEL_WORDS, NEEDLE_WORDS, PLAN_STEP_WORDS } from '../../authoring/exerciseWords.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { useDraft } from './DraftContext.tsx';
import { NumberField } from './NumberField.tsx';
import { TextField } from './TextField.tsx';
import { TherapyEditor } from './TherapyEditor.tsx';
import { WhenField } from './WhenField.tsx';

/** One step of the right plan: when, what, and the values entered. */
export function PlanStepRow({ index }: { readonly index: number }) {
  const { doc, set } = useDraft();
  const path = `training.plan.${index}`;
  const step = (getAt(doc, path) ?? {}) as Record<string, unknown>;
  const what = PLAN_STEP_WORDS.find(([d]) => d === step.do)?.[1] ?? String(step.do);
  return (
    <li className="plan-step" data-testid={`plan-step-${index}`}>
      <div className="item-head">
        <strong>{what}</strong>
        <button type="button" className="secondary" onClick={() => set(path, undefined)}>
          Remove
        </button>
      </div>
      <WhenField path={`${path}.at`} label={`${what}: when`} />
      {step.do === 'program' ? <TherapyEditor path={`${path}.therapy`} /> : null}
      {step.do === 'refill' ? (
        <>
          <NumberField path={`${path}.volumeMl`} label="Volume injected" unit="mL" />
          {/* the strength in the unit field that fits the pump's drug (mg/mL for morphine) */}
          {getAt(doc, 'pump.reservoir.drug') === 'morphine' ? (
            <NumberField path={`${path}.concentrationMgPerMl`} label="Concentration" unit="mg/mL" />
          ) : (
            <NumberField path={`${path}.concentrationMcgPerMl`} label="Concentration" unit="mcg/mL" />
          )}
          <ChoiceField
            path={`${path}.needle`}
            label="Needle"
            choices={NEEDLE_WORDS}
            unset="Into the reservoir (correct)"
          />
        </>
      ) : null}
      {step.do === 'bolus' ? (
        <>
          <ChoiceField
            path={`${path}.kind`}
            label="Bolus"
            choices={[
              ['single', 'Single bolus'],
              ['bridge', 'Bridge bolus'],
              ['priming', 'Priming bolus'],
            ]}
          />
          <NumberField path={`${path}.doseMcg`} label="Dose" unit="mcg" />
        </>
      ) : null}
      {step.do === 'setLowReservoirAlarm' ? <NumberField path={`${path}.volumeMl`} label="Alarm at" unit="mL" /> : null}
      {step.do === 'replace' ? (
        <>
          <ChoiceField path={`${path}.model`} label="New pump" choices={MODEL_WORDS} />
          <ChoiceField
            path={`${path}.catheter`}
            label="Catheter"
            choices={[
              ['kept', 'The implanted catheter, kept'],
              ['new', 'A new catheter'],
            ]}
          />
          {step.catheter === 'new' ? (
            <NumberField path={`${path}.newCatheterLengthCm`} label="New catheter length" unit="cm" />
          ) : null}
          <NumberField path={`${path}.fill.volumeMl`} label="Volume filled" unit="mL" />
          <NumberField path={`${path}.fill.concentrationMcgPerMl`} label="Concentration filled" unit="mcg/mL" />
          <ChoiceField
            path={`${path}.priming`}
            label="Priming bolus"
            choices={[
              ['tubing', 'Pump tubing only'],
              ['tubingAndCatheter', 'Pump tubing and catheter'],
              ['none', 'None'],
            ]}
          />
        </>
      ) : null}
      {step.do === 'clinical.testDose' ? <NumberField path={`${path}.doseMcg`} label="Test dose" unit="mcg" /> : null}
      {typeof step.do === 'string' && step.do.startsWith('clinical.') && step.do !== 'clinical.testDose' ? (
        <TextField path={`${path}.detail`} label="Detail (what is found, the dose recommended)" />
      ) : null}
    </li>
  );
}
