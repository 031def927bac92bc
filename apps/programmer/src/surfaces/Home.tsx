import { hrefOf } from '../simulation/useRoute.ts';

/** The front page: what each surface is for, and where it is. The instructor's console opens in another window. */
export function Home() {
  return (
    <main className="home">
      <h1>ITPS, the intrathecal pump simulator</h1>
      <p>
        Practise programming an implanted intrathecal baclofen pump against a simulated pump and patient. Each surface
        opens at its own address; open the instructor's console in another window to run an exercise beside the
        trainee's screens.
      </p>
      <ul className="surfaces">
        <li>
          <a href={hrefOf('programmer')}>Clinician programmer</a>: the trainee's tablet, which sees the pump only
          through telemetry.
        </li>
        <li>
          <a href={hrefOf('bedside')}>Bedside</a>: the patient as a clinician sees and hears them, the exercise's brief,
          and what you conclude and do.
        </li>
        <li>
          <a href={hrefOf('instructor')} target="_blank" rel="noopener">
            Instructor's console
          </a>{' '}
          (opens in another window): scenarios and exercises, time, faults, the link, truth beside belief, plots.
        </li>
        <li>
          <a href={hrefOf('debrief')}>Debrief</a>: the finished exercise, its timeline and score.
        </li>
        <li>
          <a href={hrefOf('author')}>Exercise editor</a>: write your own exercises from the shipped ones, in the
          clinic's words, with a preview of what happens if the trainee does nothing and if they do it right.
        </li>
      </ul>
      <h2>In a class</h2>
      <p>
        When ITPS runs on a classroom server (<code>npm start</code>), an instructor runs one exercise for several
        trainees, each on their own tablet or laptop.
      </p>
      <ul className="surfaces">
        <li>
          <a href={hrefOf('join')}>Join a class</a>: your name and the code your instructor shows.
        </li>
        <li>
          <a href={hrefOf('class')}>Class console</a> (instructor, passphrase): open a class, run its clock, inject
          faults, watch every trainee, end it.
        </li>
        <li>
          <a href={hrefOf('records')}>Records</a>: finished exercises with their debriefs, exported as CSV or xAPI.
        </li>
        <li>
          <a href={hrefOf('author')}>Exercise editor</a> (instructor, passphrase): the class's library of exercises,
          each saved version ready to open as a class.
        </li>
      </ul>
    </main>
  );
}
