import { type CatheterFault, type CatheterFaultKind, hoursToMs, type Nanolitres, type WorldCommand } from '@itps/core';

/** A fault an instructor can make happen, by its id; none of them is told to the trainee. */
export interface FaultChoice {
  readonly id: string;
  readonly label: string;
  readonly start: WorldCommand;
  /** The catheter fault this ends, when it can be ended. */
  readonly end?: CatheterFaultKind;
}

const catheter = (fault: CatheterFault): WorldCommand => ({ type: 'fault.inject', fault: { kind: 'catheter', fault } });

/** Everything an instructor can inject, in the console and in a class alike. */
export const FAULT_CHOICES: readonly FaultChoice[] = [
  {
    id: 'occlusion',
    label: 'Catheter occlusion (full)',
    start: catheter({ kind: 'occlusion', blockedPpm: 1_000_000 }),
    end: 'occlusion',
  },
  {
    id: 'occlusionHalf',
    label: 'Catheter occlusion (half)',
    start: catheter({ kind: 'occlusion', blockedPpm: 500_000 }),
    end: 'occlusion',
  },
  {
    id: 'kink',
    label: 'Intermittent kink (2 h in 6)',
    start: catheter({ kind: 'kink', periodMs: hoursToMs(6), kinkedMs: hoursToMs(2) }),
    end: 'kink',
  },
  {
    id: 'disconnect',
    label: 'Catheter disconnected at the pump',
    start: catheter({ kind: 'disconnect' }),
    end: 'disconnect',
  },
  {
    id: 'fracture',
    label: 'Catheter fracture halfway',
    start: catheter({ kind: 'fracture', atVolume: 52_000 as Nanolitres }),
    end: 'fracture',
  },
  {
    id: 'tipSubdural',
    label: 'Tip migrated: subdural',
    start: catheter({ kind: 'tipMigration', tip: 'subdural' }),
    end: 'tipMigration',
  },
  {
    id: 'tipSubcutaneous',
    label: 'Tip migrated: under the skin',
    start: catheter({ kind: 'tipMigration', tip: 'subcutaneous' }),
    end: 'tipMigration',
  },
  {
    id: 'motorStall',
    label: 'Motor stall (random, seeded)',
    start: { type: 'fault.inject', fault: { kind: 'motorStall', recoversAt: 'drawn' } },
  },
  {
    id: 'mri',
    label: 'MRI scan, 1 h at 1.5 T',
    start: { type: 'mri.scan', scan: { durationMs: hoursToMs(1), fieldMilliTesla: 1500, recoveryDelayMs: 'drawn' } },
  },
  {
    id: 'lowBatteryReset',
    label: 'Low battery reset',
    start: { type: 'fault.inject', fault: { kind: 'lowBatteryReset' } },
  },
  { id: 'memoryError', label: 'Pump memory error', start: { type: 'fault.inject', fault: { kind: 'memoryError' } } },
  // not faults but the surgeon's acts at a replacement, which an instructor may stage: refused (and
  // said why) before ERI or EOS without a fault that calls for it, or while the trainee's programmer
  // is in another session with the old pump
  {
    id: 'replacePump',
    label: 'Surgeon: replace the pump (SynchroMed-like 20 mL, catheter kept)',
    start: { type: 'pump.replace', replacement: { profileId: 'synchromed-ii-20', catheter: 'kept' } },
  },
  { id: 'connectCatheter', label: 'Surgeon: connect the kept catheter', start: { type: 'pump.connect' } },
];
