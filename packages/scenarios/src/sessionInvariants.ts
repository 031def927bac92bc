import { logEntries, programmerView, type Violation, type WorldState } from '@itps/core';

/** What the runner knows of the programs and sessions a timeline caused (see the scenario player). */
export interface SessionRecord {
  /** Every program the pump may legitimately hold, as JSON. */
  readonly programs: ReadonlySet<string>;
  /** Indexes in the pump's log of the updates this programmer's sessions began. */
  readonly sessionUpdates: ReadonlySet<number>;
}

/**
 * REQ-SES-01: the program in the pump is one the pump started with, one confirmed on this
 * programmer's finish screen, or one set by an action outside it, never a mix.
 * REQ-SES-02: when an update this programmer began is left unfinished (the pump updating, or
 * stopped by it), the programmer shows the incomplete-session warning.
 */
export function checkSessionInvariants(
  world: WorldState,
  player: SessionRecord,
  requirements: readonly string[],
): Violation[] {
  const pump = world.pump;
  const found: Violation[] = [];
  if (requirements.includes('REQ-SES-01')) {
    const stored = JSON.stringify(pump.program);
    if (!player.programs.has(stored))
      found.push({
        requirement: 'REQ-SES-01',
        at: pump.now,
        message: `the pump holds ${stored}, which no finish screen confirmed and no action set`,
      });
  }
  if (requirements.includes('REQ-SES-02')) {
    const lifecycle = world.lifecycle;
    // the newest lifecycle entry and the newest update begun, read from the end of the log
    const entries = logEntries(pump.log);
    let last = -1;
    let begun = -1;
    for (let i = entries.length - 1; i >= 0 && (last === -1 || begun === -1); i -= 1) {
      const type = entries[i]?.type;
      if (last === -1 && (type === 'pump.started' || type === 'update.incomplete' || type === 'update.begun')) last = i;
      if (begun === -1 && type === 'update.begun') begun = i;
    }
    const entry = entries[last];
    const unfinished = lifecycle === 'updating' || (lifecycle === 'stopped' && entry?.type === 'update.incomplete');
    if (unfinished && player.sessionUpdates.has(begun) && !programmerView(world).incomplete)
      found.push({
        requirement: 'REQ-SES-02',
        at: pump.now,
        message: `the pump is ${lifecycle} by an unfinished update this programmer began, and the programmer shows no warning`,
      });
  }
  return found;
}
