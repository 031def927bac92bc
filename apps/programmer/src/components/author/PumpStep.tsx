import { MODEL_WORDS, TIP_WORDS } from '../../authoring/exerciseWords.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { NumberField } from './NumberField.tsx';
import { SpanField } from './SpanField.tsx';
import { TextField } from './TextField.tsx';
import { TherapyEditor } from './TherapyEditor.tsx';

/**
 * Step 3: the pump at the start, laid out as its status screen reads at interrogation: patient,
 * drug, therapy, reservoir, then the catheter and the device.
 */
export function PumpStep() {
  return (
    <div className="screen status-screen author-pump">
      <h3>Pump status at the start of the exercise</h3>
      <TextField path="pump.patientId" label="Patient" />
      <div className="home-tiles">
        <div className="tile">
          <span className="tile-label">Drug</span>
          <span className="tile-value">baclofen</span>
          <NumberField path="pump.reservoir.concentrationMcgPerMl" label="Concentration" unit="mcg/mL" />
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
