import { createWorld, type Simulation, type World } from '@itps/core';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { initialPump } from './initialPump.ts';

const WorldContext = createContext<World | null>(null);

/** Creates the page's one simulated world (pump, link, programmer); components read it with the hooks below. */
export function SimulationProvider({ children }: { children: ReactNode }) {
  const [world] = useState(() => createWorld({ pump: initialPump, origin: 'spinal' }));
  return <WorldContext.Provider value={world}>{children}</WorldContext.Provider>;
}

/** The page's world: the pump, the telemetry link and the programmer session. */
export function useWorld(): World {
  const world = useContext(WorldContext);
  if (world === null) throw new Error('useWorld: no SimulationProvider above');
  return world;
}

/** The world's pump simulation (time, pump actor). */
export const useSimulation = (): Simulation => useWorld().simulation;
