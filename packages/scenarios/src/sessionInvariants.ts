import type { Violation, World } from '@itps/core';
import type { ScenarioPlayer } from './scenarioPlayer.ts';

/** Requirements the runner judges on the whole world (pump, link and this programmer), not one pump state. */
export const SESSION_REQUIREMENTS = ['REQ-SES-01', 'REQ-SES-02'] as const;
/** A requirement judged on the whole world. */
export type SessionRequirement = (typeof SESSION_REQUIREMENTS)[number];

/**
 * REQ-SES-01: the program in the pump is one the pump started with, one confirmed on this
 * programmer's finish screen, or one set by an action outside it, never a mix.
 * REQ-SES-02: when an update this programmer began is left unfinished (the pump updating, or
 * stopped by it), the programmer shows the incomplete-session warning.
 */
export function checkSessionInvariants(
  world: World,
  player: Pick<ScenarioPlayer, 'programs' | 'sessionUpdates'>,
  requirements: readonly string[],
): Violation[] {
  const pump = world.simulation.pumpState();
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
    const lifecycle = world.simulation.lifecycle();
    let last = -1;
    let begun = -1;
    pump.log.forEach((e, i) => {
      if (e.type === 'pump.started' || e.type === 'update.incomplete' || e.type === 'update.begun') last = i;
      if (e.type === 'update.begun') begun = i;
    });
    const entry = pump.log[last];
    const unfinished = lifecycle === 'updating' || (lifecycle === 'stopped' && entry?.type === 'update.incomplete');
    if (unfinished && player.sessionUpdates.has(begun) && !world.session.getSnapshot().context.incomplete)
      found.push({
        requirement: 'REQ-SES-02',
        at: pump.now,
        message: `the pump is ${lifecycle} by an unfinished update this programmer began, and the programmer shows no warning`,
      });
  }
  return found;
}
