import { ChoiceField } from './ChoiceField.tsx';
import { TextField } from './TextField.tsx';
import { TopicField } from './TopicField.tsx';

/** Step 1: who the patient is, what the trainee is told, and what the exercise teaches. */
export function BriefStep() {
  return (
    <>
      <TextField
        path="name"
        label="Title of the exercise"
        hint='How it is listed, e.g. "Training: the refill a week late".'
      />
      <TextField
        path="pump.patientId"
        label="Patient's name and ID, as entered in the pump"
        hint="The trainee checks it against the pump at interrogation; the brief should name the same patient."
      />
      <TextField
        path="training.brief"
        label="What the trainee is told at the start"
        lines={5}
        hint="Who the patient is, why they are here, and what you ask the trainee to do, in the words you would use on the ward."
      />
      <ChoiceField
        path="training.phase"
        label="The trainee's role"
        choices={[
          ['implanted', 'The clinician managing an implanted pump (programmer and bedside)'],
          ['screening', 'The clinician running the screening trial before an implant (bedside only)'],
        ]}
        unset="The clinician managing an implanted pump (programmer and bedside)"
      />
      <TextField
        path="training.lesson"
        label="The lesson (shown in the debrief)"
        lines={4}
        hint="What you want the trainee to remember."
      />
      <TopicField />
      <ChoiceField
        path="training.difficulty"
        label="Difficulty"
        choices={[
          ['introductory', 'Introductory'],
          ['intermediate', 'Intermediate'],
          ['advanced', 'Advanced'],
        ]}
        unset="not said"
      />
    </>
  );
}
