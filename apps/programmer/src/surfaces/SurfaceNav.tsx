import { hrefOf, type Surface } from '../simulation/useRoute.ts';

/** Links between a trainee's surfaces: the programmer and the bedside sit side by side in a real room. */
export function SurfaceNav({ current }: { readonly current: Surface }) {
  const links: [Surface, string][] = [
    ['programmer', 'Programmer'],
    ['bedside', 'Bedside'],
    ['debrief', 'Debrief'],
    ['home', 'Home'],
  ];
  return (
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
  );
}
