import { AlarmSounder } from '../components/AlarmSounder.tsx';
import { useTraining } from '../simulation/useTraining.ts';
import { BedsideSurface } from './BedsideSurface.tsx';
import { ProgrammerSurface } from './ProgrammerSurface.tsx';

/**
 * What the trainee's device shows, programmer or bedside, with the pump's alarm tones shared by both:
 * the trainee stands at the patient whichever of them is open, so the implant's tones sound on this
 * device either way (at the bedside with the alarms' names, as the room panel always showed them; at
 * the programmer as the tone alone, until an interrogation reads which alarm it is). The sounder sits
 * at the same place in the tree for both surfaces, so switching between them keeps its memory of
 * what it has sounded: no tone replayed, none lost.
 */
export function TraineeShell({ surface }: { readonly surface: 'programmer' | 'bedside' }) {
  // before an implant there is no pump in the room to sound
  const screening = useTraining().exercise?.phase === 'screening';
  return (
    <>
      {surface === 'programmer' ? <ProgrammerSurface /> : <BedsideSurface />}
      {screening ? null : (
        <div className={`trainee-sounder ${surface}`}>
          <AlarmSounder heard={surface === 'programmer'} />
        </div>
      )}
    </>
  );
}
