import type { DrugId } from '@itps/core';
import { DRUG_WORDS, MODEL_WORDS, TIP_WORDS } from '../../authoring/exerciseWords.ts';
import { drugFields, drugOfDoc, withDrug } from '../../authoring/withDrug.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { useDraft } from './DraftContext.tsx';
import { FieldFrame } from './FieldFrame.tsx';
import { NumberField } from './NumberField.tsx';
import { SpanField } from './SpanField.tsx';
import { TextField } from './TextField.tsx';
import { TherapyEditor } from './TherapyEditor.tsx';

/**
 * Step 3: the pump at the start, laid out as its status screen reads at interrogation: patient,
 * drug, therapy, reservoir, then the catheter and the device.
 */
export function PumpStep() {
  const { doc, set } = useDraft();
  const drug = drugOfDoc(doc);
  const fields = drugFields(drug);
  // a new drug rewrites the reservoir, the program's doses and the patient it treats at once
  const replace = (next: Record<string, unknown>) => {
    set('pump', next.pump);
    set('patient', next.patient);
  };
  return (
    <div className="screen status-screen author-pump">
      <h3>Pump status at the start of the exercise</h3>
      <TextField path="pump.patientId" label="Patient" />
      <div className="home-tiles">
        <div className="tile">
          <span className="tile-label">Drug</span>
          <FieldFrame path="pump.reservoir.drug" label="Drug in the reservoir">
            {({ id, describedBy }) => (
              <select
                id={id}
                value={drug}
                aria-describedby={describedBy}
                onChange={(e) => replace(withDrug(doc, e.target.value as DrugId))}
              >
                {DRUG_WORDS.map(([value, words]) => (
                  <option key={value} value={value}>
                    {words}
                  </option>
                ))}
              </select>
            )}
          </FieldFrame>
          <NumberField
            path={`pump.reservoir.${fields.concentration}`}
            label="Concentration"
            unit={`${fields.unit}/mL`}
          />
        </div>
        <div className="tile">
          <span className="tile-label">Reservoir</span>
          <NumberField path="pump.reservoir.volumeMl" label="Volume in the reservoir" unit="mL" />
          <NumberField path="pump.lowReservoirAlarmMl" label="Low reservoir alarm at" unit="mL" />
        </div>
        <div className="tile">
          <span className="tile-label">Catheter</span>
          <NumberField path="pump.catheter.implantedLengthCm" label="Implanted length" unit="cm" />
          <ChoiceField
            path="pump.catheter.tip"
            label="Tip"
            choices={TIP_WORDS}
            unset="Intrathecal (where it should be)"
          />
        </div>
        <div className="tile">
          <span className="tile-label">Device</span>
          <ChoiceField path="pump.model" label="Model" choices={MODEL_WORDS} />
          <SpanField
            unit="days"
            path="pump.ageAtStart"
            label="Time since implant"
            hint="The battery ages with the pump: an older one nears its elective replacement indicator."
          />
        </div>
        <div className="tile wide">
          <span className="tile-label">Therapy</span>
          <TherapyEditor path="pump.therapy" />
        </div>
      </div>
    </div>
  );
}
