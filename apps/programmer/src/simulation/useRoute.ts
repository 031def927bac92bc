import { useSyncExternalStore } from 'react';

/**
 * The app's surfaces, each at its own address (`#/programmer`, …); the home page at `#/`. Two take
 * a part after a slash: `#/join/CODE` and `#/records/ID`.
 */
export type Surface =
  | 'home'
  | 'programmer'
  | 'bedside'
  | 'instructor'
  | 'debrief'
  | 'join'
  | 'class'
  | 'records'
  | 'author';

const SURFACES: readonly Surface[] = [
  'programmer',
  'bedside',
  'instructor',
  'debrief',
  'join',
  'class',
  'records',
  'author',
];

const partsOf = (hash: string): [string, string] => {
  const [name = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  return [name, decodeURIComponent(rest.join('/'))];
};

const surfaceOf = (hash: string): Surface => {
  const [name] = partsOf(hash);
  return (SURFACES as readonly string[]).includes(name) ? (name as Surface) : 'home';
};

const subscribe = (listener: () => void) => {
  addEventListener('hashchange', listener);
  return () => removeEventListener('hashchange', listener);
};

/** The surface the address names, re-read when it changes. */
export const useRoute = (): Surface => useSyncExternalStore(subscribe, () => surfaceOf(location.hash));

/** The part of the address after the surface (`CODE` of `#/join/CODE`), or ''. */
export const useRouteParam = (): string => useSyncExternalStore(subscribe, () => partsOf(location.hash)[1]);

/** The address of a surface. */
export const hrefOf = (surface: Surface, param?: string): string =>
  surface === 'home' ? '#/' : `#/${surface}${param === undefined ? '' : `/${encodeURIComponent(param)}`}`;
