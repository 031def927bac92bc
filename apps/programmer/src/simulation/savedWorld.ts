import { isWorldSnapshot, type World, type WorldSnapshot } from '@itps/core';

/** Where the session lives in the browser. */
export const STORAGE_KEY = 'itps.world.v1';

/** The saved world, if there is a readable one. */
export function loadSavedWorld(): WorldSnapshot | null {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    if (text === null) return null;
    const value: unknown = JSON.parse(text);
    return isWorldSnapshot(value) ? value : null;
  } catch {
    return null;
  }
}

/** Saves the world now. */
export function saveWorld(world: World): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(world.persist()));
  } catch {
    // storage full or disabled: the session still runs, it just will not survive a reload
  }
}

/** Forgets the saved world. */
export function clearSavedWorld(): void {
  localStorage.removeItem(STORAGE_KEY);
}

/** Offers a text as a file download. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
