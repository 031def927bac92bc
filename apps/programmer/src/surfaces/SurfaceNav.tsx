import { leaveClass } from '../classroom/classSeat.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { classSpeedWords } from '../format/classClock.ts';
import { hrefOf, type Surface } from '../simulation/useRoute.ts';
import { useDoor, useWorldVersion } from '../simulation/WorldProvider.tsx';

/** Links between a trainee's surfaces: the programmer and the bedside sit side by side in a real room. */
export function SurfaceNav({ current }: { readonly current: Surface }) {
  const links: [Surface, string][] = [
    ['programmer', 'Programmer'],
    ['bedside', 'Bedside'],
    ['debrief', 'Debrief'],
    ['home', 'Home'],
  ];
  return (
    <>
      <nav className="surface-nav" aria-label="Surfaces">
        {links.map(([surface, label]) =>
          surface === current ? (
            <span key={surface} aria-current="page">
              {label}
            </span>
          ) : (
            <a key={surface} href={hrefOf(surface)}>
              {label}
            </a>
          ),
        )}
      </nav>
      <ClassBar />
    </>
  );
}

/** On a trainee's device in a class: which class, whether the server is reachable, the class clock. */
function ClassBar() {
  useWorldVersion();
  const status = useDoor().classroom;
  if (status === null) return null;
  const { clock, connected } = status;
  return (
    <div className={`class-bar ${connected ? '' : 'lost'}`} role="status" data-testid="class-bar">
      <span>
        Class <strong>{status.code}</strong>, {status.name}
      </span>
      <span data-testid="class-link">
        {connected ? 'Connected to the class' : (status.lost ?? 'Connection to the class lost: reconnecting…')}
      </span>
      <span>
        {clock.ended
          ? 'The class has ended'
          : clock.running
            ? `Clock running (${classSpeedWords(clock.speed)})`
            : 'Paused by the instructor'}
      </span>
      <ConfirmButton
        label="Leave class"
        className="secondary"
        question="Leave the class on this device? Your exercise goes on with the class, but this device no longer reaches it, and it forgets your records (the next person on it starts afresh); the instructor finishes your exercise and keeps its record."
        confirmLabel="Yes, leave"
        onConfirm={() => {
          leaveClass();
          location.hash = hrefOf('home');
        }}
      />
    </div>
  );
}
