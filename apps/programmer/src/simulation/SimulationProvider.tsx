import { createWorld, type Simulation, type World, type WorldSnapshot } from '@itps/core';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { initialPump } from './initialPump.ts';
import { clearSavedWorld, loadSavedWorld, saveWorld } from './savedWorld.ts';

interface WorldHandle {
  readonly world: World;
  /** Replaces the world with a saved one (an imported session file). */
  readonly restore: (snapshot: WorldSnapshot) => void;
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
  const [world, setWorld] = useState<World>(() => {
    const saved = loadSavedWorld();
    return saved === null ? fresh() : createWorld(saved.input, saved);
  });
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
  const handle: WorldHandle = {
    world,
    restore: (snapshot) => setWorld(createWorld(snapshot.input, snapshot)),
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
