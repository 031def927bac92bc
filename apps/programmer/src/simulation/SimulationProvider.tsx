import { createSimulation, type Simulation } from '@itps/core';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { initialPump } from './initialPump.ts';

const SimulationContext = createContext<Simulation | null>(null);

/** Creates the one simulation of the page; components read it with {@link useSimulation}. */
export function SimulationProvider({ children }: { children: ReactNode }) {
  const [simulation] = useState(() => createSimulation(initialPump));
  return <SimulationContext.Provider value={simulation}>{children}</SimulationContext.Provider>;
}

/** The page's simulation. */
export function useSimulation(): Simulation {
  const simulation = useContext(SimulationContext);
  if (simulation === null) throw new Error('useSimulation: no SimulationProvider above');
  return simulation;
}
