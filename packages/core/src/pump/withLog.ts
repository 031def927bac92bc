import { appendLog } from './pumpLog.ts';
import type { PumpLogType, PumpState } from './pumpState.ts';
import { settlePump } from './settlePump.ts';

/** The pump with log entries of the given types added at its current instant, then settled (alarms, battery). */
export const withLog = (pump: PumpState, ...types: PumpLogType[]): PumpState =>
  settlePump({
    ...pump,
    log: appendLog(
      pump.log,
      types.map((type) => ({ at: pump.now, type })),
    ),
  });
