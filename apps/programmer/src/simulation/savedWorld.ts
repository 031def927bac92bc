import { isWorldSnapshot, type World, type WorldSnapshot } from '@itps/core';
import { parseScenario, type ScenarioFile } from '@itps/scenarios';

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

/** Forgets the saved world and its scenario. */
export function clearSavedWorld(): void {
  localStorage.removeItem(STORAGE_KEY);
  localStorage.removeItem(SCENARIO_KEY);
}

/** Where the loaded scenario (whose timeline plays onto the saved world) lives in the browser. */
export const SCENARIO_KEY = 'itps.scenario.v1';

/** The saved scenario, re-validated like every scenario file; null when none or unreadable. */
export function loadSavedScenario(): ScenarioFile | null {
  try {
    const text = localStorage.getItem(SCENARIO_KEY);
    if (text === null) return null;
    const parsed = parseScenario(text, 'saved scenario');
    return parsed.ok ? parsed.scenario : null;
  } catch {
    return null;
  }
}

/** Saves the loaded scenario, or forgets it when there is none. */
export function saveScenario(scenario: ScenarioFile | null): void {
  try {
    if (scenario === null) localStorage.removeItem(SCENARIO_KEY);
    else localStorage.setItem(SCENARIO_KEY, JSON.stringify(scenario));
  } catch {
    // storage full or disabled: the timeline will not survive a reload
  }
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
