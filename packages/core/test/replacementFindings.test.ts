import { describe, expect, it } from 'vitest';
import {
  createPumpState,
  type Draft,
  EMPTY_DRAFT,
  type Milliseconds,
  type Nanolitres,
  pumpBeliefView,
  replacementFindings,
} from '../src/index.ts';
import { buildPumpInput } from '../src/testing/index.ts';

// The new pump as read: a 20 mL SynchroMed-like pump (0.2 mL of tubing) at 500 mcg/mL of baclofen,
// 0.104 mL of catheter entered. The old pump: the same figures, its own serial.
const view = pumpBeliefView(createPumpState(buildPumpInput({})), 'running');
const old = { ...view, serial: `${view.serial}-OLD` };
const draft = (d: Partial<Draft>): Draft => ({ ...EMPTY_DRAFT, ...d });
const priming = (nl: number) => ({
  kind: 'priming' as const,
  volume: nl as Nanolitres,
  durationMs: (15 * 60_000) as Milliseconds,
});

describe('replacementFindings', () => {
  it('judges only the Replacement workflow', () => {
    expect(
      replacementFindings({ view, draft: draft({}), origin: 'spinal', workflow: 'refill', replaced: old }),
    ).toEqual([]);
  });

  it('refuses until the old pump, then the new one, is read, and asks whether the catheter was kept', () => {
    const input = { view, draft: draft({}), origin: 'spinal' as const, workflow: 'replacement' as const };
    expect(replacementFindings(input)).toEqual([
      { code: 'replacement.oldNotRead', severity: 'hard', message: 'Read the old pump before it comes out.' },
    ]);
    expect(replacementFindings({ ...input, replaced: view })).toEqual([
      {
        code: 'replacement.newNotRead',
        severity: 'hard',
        message: `The programmer still reads the old pump (serial ${view.serial}). Once the surgeon has connected the new pump, read it.`,
      },
    ]);
    expect(replacementFindings({ ...input, replaced: old })).toEqual([
      {
        code: 'replacement.catheterUnknown',
        severity: 'hard',
        message: 'Say whether the new pump is connected to the catheter already implanted, or to a new catheter.',
      },
    ]);
  });

  it('an old pump suspended while running is a restart; no priming bolus is confirmed in words of the tubing', () => {
    const found = replacementFindings({
      view,
      draft: draft({ replacementCatheter: 'new' }),
      origin: 'spinal',
      workflow: 'replacement',
      replaced: { ...old, suspended: true },
    });
    expect(found.map((f) => `${f.code}:${f.severity}`)).toEqual([
      'therapy.restart:confirm',
      'replacement.noPriming:confirm',
    ]);
    expect(found[0]?.message).toContain('(therapy suspended)');
    expect(found[1]?.message).toBe(
      "Without a priming bolus the new pump's tubing (0.20 mL of sterile water) must pass at the basal flow before its drug reaches the catheter. Confirm.",
    );
  });

  it('with a new catheter, primes tubing and catheter (0.304 mL) and refuses more, with the drug pushed on', () => {
    const input = { view, origin: 'spinal' as const, workflow: 'replacement' as const, replaced: old };
    expect(
      replacementFindings({ ...input, draft: draft({ replacementCatheter: 'new', bolus: priming(304_000) }) }),
    ).toEqual([
      {
        code: 'replacement.primingNewCatheter',
        severity: 'confirm',
        message:
          "The priming bolus fills the new pump's tubing and the new catheter (0.30 mL in 15 minutes). At priming speed drug and spinal fluid mix: some drug arrives before the bolus ends and less for a while after. Confirm, and watch the patient for the first hours.",
      },
    ]);
    // 0.404 mL is 0.1 mL beyond the path: 0.1 mL at 500 mcg/mL is 50 mcg
    expect(
      replacementFindings({ ...input, draft: draft({ replacementCatheter: 'new', bolus: priming(404_000) }) }),
    ).toEqual([
      {
        code: 'replacement.primingTooLarge',
        severity: 'hard',
        message:
          "A priming bolus fills the new pump's tubing and the new catheter (0.30 mL); 0.40 mL would push 50 mcg of the new drug on into the spinal fluid at priming speed.",
      },
    ]);
    expect(
      replacementFindings({ ...input, draft: draft({ replacementCatheter: 'new', bolus: priming(304_001) }) })[0]?.code,
    ).toBe('replacement.primingTooLarge');
  });
});
