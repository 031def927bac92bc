import type { ClinicianEvent, CommandResult } from '@itps/core';
import { useApply } from './WorldProvider.tsx';

/** A clinician's action on the programmer, through the world's door. */
export function useProgrammerAct(): (event: ClinicianEvent) => Promise<CommandResult> {
  const apply = useApply();
  return (event) => apply({ type: 'programmer.act', event });
}
