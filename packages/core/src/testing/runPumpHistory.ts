import { createActor, type SnapshotFrom } from 'xstate';
import type { PumpInput } from '../pump/createPumpState.ts';
import { pumpMachine } from '../pump/pumpMachine.ts';
import type { Milliseconds } from '../units/quantity.ts';
import type { PumpCommand } from './pumpCommand.ts';

/** A pump snapshot taken after one command of a history. */
export interface HistoryStep {
  readonly command: PumpCommand;
  readonly before: SnapshotFrom<typeof pumpMachine>;
  readonly after: SnapshotFrom<typeof pumpMachine>;
}

/** How time moves in a history: event-driven jumps, or the fixed-tick reference. */
export type TimeMode = { readonly kind: 'event' } | { readonly kind: 'tick'; readonly tickMs: number };

/**
 * Runs a history of commands against a fresh pump actor and returns every step's before and after
 * snapshots. In tick mode, waiting advances the machine's state with the fixed-tick reference.
 */
export function runPumpHistory(
  input: PumpInput,
  commands: readonly PumpCommand[],
  mode: TimeMode = { kind: 'event' },
): HistoryStep[] {
  const actor = createActor(pumpMachine, { input }).start();
  const steps: HistoryStep[] = [];
  for (const command of commands) {
    const before = actor.getSnapshot();
    applyCommand(actor, command, mode);
    steps.push({ command, before, after: actor.getSnapshot() });
  }
  actor.stop();
  return steps;
}

function applyCommand(actor: ReturnType<typeof createActor<typeof pumpMachine>>, command: PumpCommand, mode: TimeMode) {
  const now = actor.getSnapshot().context.pump.now;
  switch (command.kind) {
    case 'wait': {
      const to = (now + command.ms) as Milliseconds;
      if (mode.kind === 'event') {
        actor.send({ type: 'time.advance', to });
      } else {
        // the tick reference: many small advances, each one an event of its own
        let t: number = now;
        while (t < to) {
          t = Math.min(t + mode.tickMs, to);
          actor.send({ type: 'time.advance', to: t as Milliseconds });
        }
      }
      return;
    }
    case 'refill':
      actor.send({ type: 'update.begin' });
      actor.send({ type: 'reservoir.aspirate', volume: command.aspirate });
      actor.send({ type: 'injection.give', site: command.site ?? 'reservoir', fluid: command.inject });
      actor.send({ type: 'update.commit', update: { calculatedReservoir: command.record } });
      return;
    case 'update':
      actor.send({ type: 'update.begin' });
      if (command.abandon) actor.send({ type: 'update.abort' });
      else actor.send({ type: 'update.commit', update: command.update });
      return;
    case 'stop':
      actor.send({ type: 'therapy.stop' });
      return;
    case 'start':
      actor.send({ type: 'therapy.start' });
      return;
    case 'bolus':
      actor.send({ type: 'bolus.start', bolus: command.bolus });
      return;
    case 'cancelBolus':
      actor.send({ type: 'bolus.cancel' });
      return;
    case 'catheterFault':
      actor.send({ type: 'fault.catheter.start', fault: command.fault });
      return;
    case 'endCatheterFault':
      actor.send({ type: 'fault.catheter.end', kind: command.fault });
      return;
    case 'motorStall':
      actor.send({
        type: 'fault.motorStall',
        recoversAt:
          command.recoversAfterMs === null || command.recoversAfterMs === 'drawn'
            ? command.recoversAfterMs
            : ((now + command.recoversAfterMs) as Milliseconds),
      });
      return;
    case 'mri':
      actor.send({ type: 'mri.scan', scan: command.scan });
      return;
    case 'interrogate':
      actor.send({ type: 'telemetry.interrogate' });
      return;
    case 'lowBatteryReset':
      actor.send({ type: 'fault.lowBatteryReset' });
      return;
    case 'memoryError':
      actor.send({ type: 'fault.memoryError' });
      return;
    case 'replace':
      actor.send({ type: 'pump.replace', replacement: command.replacement });
      return;
    case 'connect':
      actor.send({ type: 'catheter.connect' });
      return;
  }
}
