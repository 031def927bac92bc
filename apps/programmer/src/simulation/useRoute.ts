import { useSyncExternalStore } from 'react';

/** The app's surfaces, each at its own address (`#/programmer`, …); the home page at `#/`. */
export type Surface = 'home' | 'programmer' | 'bedside' | 'instructor' | 'debrief';

const SURFACES: readonly Surface[] = ['programmer', 'bedside', 'instructor', 'debrief'];

const surfaceOf = (hash: string): Surface => {
  const name = hash.replace(/^#\/?/, '');
  return (SURFACES as readonly string[]).includes(name) ? (name as Surface) : 'home';
};

const subscribe = (listener: () => void) => {
  addEventListener('hashchange', listener);
  return () => removeEventListener('hashchange', listener);
};

/** The surface the address names, re-read when it changes. */
export const useRoute = (): Surface => useSyncExternalStore(subscribe, () => surfaceOf(location.hash));

/** The address of a surface. */
export const hrefOf = (surface: Surface): string => (surface === 'home' ? '#/' : `#/${surface}`);
