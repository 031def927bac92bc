import fc from 'fast-check';
import type { World } from '../src/index.ts';
import { recordWorld, replayScenario } from '../src/testing/index.ts';

/** The scenario of the last run that failed (while shrinking, the last failure is the shrunk counterexample). */
let lastReplay: string | null = null;

/**
 * Runs a model-based command sequence on a world that records every command sent through its door.
 * When the run fails, it keeps a scenario file (format 1 YAML) that replays the run with `itps
 * run`; {@link printingReplay} adds the last one to the property's failure. Commands with no
 * scenario equivalent are named as comments in the file.
 */
export function modelRunWithReplay<Model extends object>(
  name: string,
  setup: () => { model: Model; real: World },
  commands: Iterable<fc.Command<Model, World>>,
  checks: readonly string[],
): void {
  let recorded: ReturnType<typeof recordWorld> | null = null;
  try {
    fc.modelRun(() => {
      const s = setup();
      recorded = recordWorld(s.real);
      return { model: s.model, real: recorded.world };
    }, commands);
  } catch (error) {
    const r = recorded as ReturnType<typeof recordWorld> | null;
    if (r !== null && error instanceof Error) {
      const scenario = replayScenario(
        {
          name,
          pump: r.world.persist().input.pump,
          origin: r.world.state().origin,
          endsAt: r.world.state().now,
          checks,
        },
        r.commands,
      );
      lastReplay = scenario;
    }
    throw error;
  }
}

/**
 * Runs a property (an `fc.assert` of runs made with {@link modelRunWithReplay}); when it fails,
 * its error ends with the scenario file of the shrunk counterexample, printed by the test runner.
 */
export function printingReplay(property: () => void): void {
  lastReplay = null;
  try {
    property();
  } catch (error) {
    if (lastReplay !== null && error instanceof Error)
      error.message += `\n\nA scenario file that replays the shrunk run (save it as failing.scenario.yaml, then: pnpm itps run failing.scenario.yaml):\n\n${lastReplay}`;
    throw error;
  }
}
