import { createWorld, type Milliseconds, type Simulation, type World, type WorldSnapshot } from '@itps/core';
import { createScenarioPlayer, type ScenarioFile, type ScenarioPlayer } from '@itps/scenarios';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { initialPump } from './initialPump.ts';
import { clearSavedWorld, loadSavedScenario, loadSavedWorld, saveScenario, saveWorld } from './savedWorld.ts';

interface WorldHandle {
  readonly world: World;
  /** The scenario whose timeline plays onto the world, if one was loaded. */
  readonly player: ScenarioPlayer | null;
  /** Moves simulated time to `to`, playing the loaded scenario's timeline on the way. */
  readonly advanceTo: (to: Milliseconds) => void;
  /** Jumps to the next pump event or timeline step, at most to `limit`; returns the new time. */
  readonly stepToNextEvent: (limit: Milliseconds) => void;
  /** Replaces the world (a loaded scenario) and the player of its timeline. */
  readonly replace: (world: World, player: ScenarioPlayer | null) => void;
  /** Replaces the world with a saved one (an imported session file), its scenario's timeline resumed if given. */
  readonly restore: (snapshot: WorldSnapshot, scenario?: ScenarioFile | null) => void;
  /** Forgets everything and starts a new world. */
  readonly startOver: () => void;
}

const WorldContext = createContext<WorldHandle | null>(null);

const fresh = () => createWorld({ pump: initialPump, origin: 'spinal' });

/**
 * Creates the page's one simulated world (pump, link, programmer), restored from browser storage
 * when a session was saved, and saves it after every change of the pump or the programmer.
 */
export function SimulationProvider({ children }: { children: ReactNode }) {
  const [{ world, player }, setState] = useState<{ world: World; player: ScenarioPlayer | null }>(() => {
    const saved = loadSavedWorld();
    if (saved === null) return { world: fresh(), player: null };
    const restored = createWorld(saved.input, saved);
    // a scenario loaded before the reload keeps playing from where it was
    const scenario = loadSavedScenario();
    const player =
      scenario === null ? null : createScenarioPlayer(scenario, restored, { playedThrough: restored.simulation.now() });
    return { world: restored, player };
  });
  useEffect(() => saveScenario(player?.scenario ?? null), [player]);
  const setWorld = (next: World) => setState({ world: next, player: null });
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          saveWorld(world);
        });
      }
    };
    const a = world.simulation.pump.subscribe(schedule);
    const b = world.session.subscribe(schedule);
    saveWorld(world);
    return () => {
      a.unsubscribe();
      b.unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
      saveWorld(world);
    };
  }, [world]);
  const advanceTo = (to: Milliseconds) => (player === null ? world.simulation.advanceTo(to) : player.advanceTo(to));
  const handle: WorldHandle = {
    world,
    player,
    advanceTo,
    stepToNextEvent: (limit) => {
      const candidates = [world.simulation.nextEventTime(), player?.nextStepAt() ?? null, limit].filter(
        (t): t is Milliseconds => t !== null && t > world.simulation.now(),
      );
      advanceTo(Math.min(...candidates) as Milliseconds);
    },
    replace: (next, nextPlayer) => setState({ world: next, player: nextPlayer }),
    restore: (snapshot, scenario) => {
      const restored = createWorld(snapshot.input, snapshot);
      const resumed =
        scenario === undefined || scenario === null
          ? null
          : createScenarioPlayer(scenario, restored, { playedThrough: restored.simulation.now() });
      setState({ world: restored, player: resumed });
    },
    startOver: () => {
      clearSavedWorld();
      setWorld(fresh());
    },
  };
  return <WorldContext.Provider value={handle}>{children}</WorldContext.Provider>;
}

/** The page's world handle (the world, and restoring or starting over). */
export function useWorldHandle(): WorldHandle {
  const handle = useContext(WorldContext);
  if (handle === null) throw new Error('useWorldHandle: no SimulationProvider above');
  return handle;
}

/** The page's world: the pump, the telemetry link and the programmer session. */
export const useWorld = (): World => useWorldHandle().world;

/** The world's pump simulation (time, pump actor). */
export const useSimulation = (): Simulation => useWorld().simulation;
