import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ClinicianEvent, type Milliseconds, programmerView, restartDraft } from '@itps/core';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenario, startTraining } from '../src/index.ts';
import { TRAINING_DIR } from './trainingHarness.ts';

// The debrief's replay: each screen the trainee's programmer showed, kept as they acted.
const file = 'unfinished-update.scenario.yaml';
const parsed = parseScenario(readFileSync(join(TRAINING_DIR, file), 'utf8'), file);
if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));

describe('the screens kept for the replay', () => {
  it('keeps the status after connecting, the stopped pump it showed, and the restart that followed', () => {
    const training = startTraining(parsed.scenario, { text: '', file });
    const act = (event: ClinicianEvent) => training.apply({ type: 'programmer.act', event });
    training.apply({ type: 'time.advance', to: (2 * 3_600_000 + 600_000) as Milliseconds });
    act({ type: 'session.connect' });
    const connected = training.record().screens ?? [];
    expect(connected).toHaveLength(1);
    expect(connected[0]).toMatchObject({
      session: 'ready',
      workflow: null,
      pump: { concentration: 500, state: 'stopped', suspended: true, therapy: { mode: 'simple' } },
    });
    const pump = programmerView(training.world.state()).pump;
    if (pump === null) throw new Error('the programmer read nothing');
    act({ type: 'workflow.start', workflow: 'stopRestart' });
    act({ type: 'draft.change', draft: restartDraft(pump, pump.therapy) });
    act({ type: 'review.open' });
    const screens = training.record().screens ?? [];
    // the draft changed nothing the editing screen shows (no finding): one editing screen is kept
    expect(screens.map((s) => s.session)).toEqual(['ready', 'editing', 'finish']);
    expect(screens[2]?.diff?.length).toBeGreaterThan(0);
    // a step that changes nothing on the screen is not kept twice
    act({ type: 'review.open' });
    expect(training.record().screens).toHaveLength(3);
    act({ type: 'review.confirm' });
    expect(training.record().screens?.at(-1)).toMatchObject({ session: 'ready', pump: { suspended: false } });
  });
});
