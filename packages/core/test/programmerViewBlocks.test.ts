import { describe, expect, it } from 'vitest';
import { createWorld, EMPTY_DRAFT, programmerView } from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';
import { act } from './worldActs.ts';

// What the programmer says stands between a draft and its finish screen, finding by finding.
const editing = (fromMcg: number, toMcg: number) => {
  const w = createWorld({ pump: buildPumpInput({ program: simpleProgram(fromMcg) }), origin: 'spinal' });
  act(w, { type: 'session.connect' });
  act(w, { type: 'workflow.start', workflow: 'doseChange' });
  const draft = { ...EMPTY_DRAFT, update: { program: simpleProgram(toMcg) } };
  act(w, { type: 'draft.change', draft });
  return { w, draft, view: () => programmerView(w.state()) };
};
const kinds = (blocks: readonly string[]) => blocks.map((b) => b.split(':')[0]);

describe('the programmer view says why a draft cannot be reviewed yet', () => {
  it('a tenfold rise needs its findings confirmed and the value typed again; each done, it clears', () => {
    const { w, draft, view } = editing(150, 1500);
    expect(view().reviewable).toBe(false);
    expect(new Set(kinds(view().reviewBlockedBy))).toEqual(new Set(['Confirm first', 'Type the value again first']));
    for (const f of w.state().session.context.findings)
      if (f.severity === 'confirm') act(w, { type: 'finding.confirm', code: f.code });
    expect(kinds(view().reviewBlockedBy)).toEqual(['Type the value again first']);
    act(w, { type: 'draft.reenter', draft });
    expect(view().reviewBlockedBy).toEqual([]);
    expect(view().reviewable).toBe(true);
  });

  it('a dose over the hard limit is refused, whatever else is confirmed', () => {
    const { view } = editing(250, 2500);
    expect(kinds(view().reviewBlockedBy)).toContain('Refused');
    expect(view().reviewBlockedBy.find((b) => b.startsWith('Refused'))).toMatch(/^Refused: /);
  });
});
