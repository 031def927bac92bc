import { describe, expect, it } from 'vitest';
import {
  abandonRefill,
  appendLog,
  createPumpState,
  createWorld,
  type Draft,
  EMPTY_DRAFT,
  EMPTY_LOG,
  getDeviceProfile,
  type Milliseconds,
  mriPreparation,
  type Nanolitres,
  type OpioidHistory,
  type PumpBeliefView,
  type PumpProgram,
  pumpBeliefView,
  therapyGate,
  validateProgram,
} from '../src/index.ts';
import { buildPumpInput, drugProgram } from '../src/testing/index.ts';

// The one therapy gate on morphine, ziconotide and admixtures, each expectation worked by hand from
// the drug library's figures (shared/reference/pain-drugs.md): doses in mg/day for morphine, mcg/day
// for ziconotide and baclofen; an admixed drug's dose is the flow times its concentration.
const HOUR = 3_600_000;
const viewOf = (program: PumpProgram, opioidHistory: OpioidHistory = 'unknown'): PumpBeliefView =>
  pumpBeliefView(createPumpState(buildPumpInput({ program })), 'running', null, opioidHistory);
const judge = (view: PumpBeliefView, d: Partial<Draft>) =>
  therapyGate({ view, draft: { ...EMPTY_DRAFT, ...d }, origin: 'spinal' });
const codes = (view: PumpBeliefView, d: Partial<Draft>) => judge(view, d).map((f) => `${f.code}:${f.severity}`);
const change = (program: PumpProgram): Partial<Draft> => ({ update: { program } });

describe('REQ-DRUG-01: the one gate judges every drug by its own limits, in its own unit and words', () => {
  it('refuses morphine above its hard limit of 30 mg/day, in mg/day', () => {
    // 2 mg/day at 10 mg/mL (0.2 mL/day), opioid-tolerant; 40 mg/day is 20 times the dose (typed again),
    // +1900 % (above +30 %), above 10 mg/day tolerant and above the 30 mg/day hard limit; 4 mL/day runs
    const view = viewOf(drugProgram('morphine', 2, 10), 'tolerant');
    const found = judge(view, change(drugProgram('morphine', 40, 10)));
    expect(found.map((f) => `${f.code}:${f.severity}`)).toEqual([
      'dose.aboveHardLimit:hard',
      'dose.tenfoldChange:reenter',
      'dose.titrationStep:confirm',
      'dose.opioidTolerantAboveRange:confirm',
    ]);
    expect(found[0]?.message).toBe("40 mg/day is above the drug library's hard limit of 30 mg/day.");
    expect(found[2]?.message).toBe(
      'The 24-hour total rises from 2 mg/day to 40 mg/day (+1900 %), more than the 30 % per 24 h advised for morphine. Confirm it is intended. Watch for respiratory depression for 24 to 72 hours after starting and after each increase (sedation, pinpoint pupils, fewer than 8 breaths a minute); naloxone reverses it.',
    );
    // 25 mg/day: above the 20 mg/day caution, not refused
    expect(codes(view, change(drugProgram('morphine', 25, 10)))).toContain('dose.aboveSoftLimit:confirm');
    expect(codes(view, change(drugProgram('morphine', 25, 10)))).not.toContain('dose.aboveHardLimit:hard');
  });

  it('asks before an opioid-naive patient goes above 1 mg/day, and before an unknown history does', () => {
    // 0.5 mg/day at 10 mg/mL (0.05 mL/day): 0.6 mg/day is +20 %, inside the naive range
    const naive = viewOf(drugProgram('morphine', 0.5, 10), 'naive');
    expect(codes(naive, change(drugProgram('morphine', 0.6, 10)))).toEqual([]);
    // 1.2 mg/day: +140 % and above 1 mg/day for an opioid-naive patient
    const found = judge(naive, change(drugProgram('morphine', 1.2, 10)));
    expect(found.map((f) => f.code)).toEqual(['dose.titrationStep', 'dose.opioidNaiveAboveRange']);
    expect(found[1]?.message).toMatch(
      /^The pump records this patient as opioid-naive: intrathecal morphine for an opioid-naive patient is 0.2 mg\/day to 1 mg\/day, and 1.2 mg\/day is above it\./,
    );
    // the same rise for a tolerant patient is only the titration step
    const tolerant = viewOf(drugProgram('morphine', 0.5, 10), 'tolerant');
    expect(codes(tolerant, change(drugProgram('morphine', 1.2, 10)))).toEqual(['dose.titrationStep:confirm']);
    // no history recorded: asked as soon as it passes the naive range
    const unknown = viewOf(drugProgram('morphine', 0.9, 10), 'unknown');
    expect(codes(unknown, change(drugProgram('morphine', 1.1, 10)))).toEqual(['dose.opioidHistoryUnknown:confirm']);
    // a cut is never asked about the history
    expect(codes(naive, change(drugProgram('morphine', 0.49, 10)))).toEqual([]);
  });

  it('titrates ziconotide by 2.4 mcg/day steps, no sooner than 48 hours apart', () => {
    // 2.4 mcg/day at 25 mcg/mL (0.096 mL/day)
    const start = viewOf(drugProgram('ziconotide', 2.4, 25));
    expect(codes(start, change(drugProgram('ziconotide', 4.8, 25)))).toEqual([]);
    const found = judge(start, change(drugProgram('ziconotide', 5, 25)));
    expect(found.map((f) => f.code)).toEqual(['titration.stepAboveLimit']);
    expect(found[0]?.message).toMatch(
      /^The 24-hour total rises by 2.6 mcg\/day \(from 2.4 mcg\/day to 5 mcg\/day\), more than the 2.4 mcg\/day a step advised for ziconotide\./,
    );
    // the program was last changed 24 h before now: too soon; 48 h after: not
    const changedAt = (ago: number): PumpBeliefView => ({
      ...start,
      now: (100 * HOUR) as Milliseconds,
      log: appendLog(EMPTY_LOG, [{ at: (100 * HOUR - ago) as Milliseconds, type: 'program.committed' }]),
    });
    const soon = judge(changedAt(24 * HOUR), change(drugProgram('ziconotide', 4.8, 25)));
    expect(soon.map((f) => f.code)).toEqual(['titration.tooSoon']);
    expect(soon[0]?.message).toMatch(
      /^The program was last changed 24 hours ago: ziconotide is raised no more often than every 48 hours/,
    );
    expect(codes(changedAt(48 * HOUR), change(drugProgram('ziconotide', 4.8, 25)))).toEqual([]);
    // a cut of any size is allowed, however soon
    expect(codes(changedAt(HOUR), change(drugProgram('ziconotide', 1.2, 25)))).toEqual([]);
    // above 21.6 mcg/day refused
    expect(codes(viewOf(drugProgram('ziconotide', 19.2, 100)), change(drugProgram('ziconotide', 21.7, 100)))).toEqual([
      'dose.aboveHardLimit:hard',
      'titration.stepAboveLimit:confirm',
    ]);
  });

  it('starts ziconotide at no more than 2.4 mcg/day, and warns that the baclofen it replaces stops', () => {
    // baclofen 250 mcg/day at 500 mcg/mL replaced at a refill by ziconotide 3.6 mcg/day at 25 mcg/mL
    const view = viewOf(drugProgram('baclofen', 250, 500));
    const found = judge(view, { ...change(drugProgram('ziconotide', 3.6, 25)), bridgeDecision: 'none' });
    expect(found.map((f) => `${f.code}:${f.severity}`)).toEqual([
      'dose.startAboveLimit:confirm',
      'admixture.drugStopped:confirm',
      'bridge.skipped:confirm',
    ]);
    expect(found[0]?.message).toMatch(
      /^Ziconotide \(intrathecal\) starts at no more than 2.4 mcg\/day; 3.6 mcg\/day is entered as a start\./,
    );
    expect(found[1]?.message).toContain('Withdrawal usually begins within 1 to 3 days');
    // outside a refill the drug cannot change: nothing was injected
    expect(
      therapyGate({
        view,
        draft: { ...EMPTY_DRAFT, ...change(drugProgram('ziconotide', 2.4, 25)) },
        origin: 'spinal',
        workflow: 'doseChange',
      }).map((f) => f.code),
    ).toContain('concentration.notInjected');
  });

  it('judges a drug admixed beside baclofen at its own dose: the flow times its concentration', () => {
    // baclofen 650 mcg/day at 500 mcg/mL is 1.3 mL/day; morphine admixed at 25 mg/mL then gets
    // 1.3 x 25 = 32.5 mg/day: above its 30 mg/day hard limit, though baclofen is inside its own
    // (500 to 650 mcg/day is +30 %, exactly the step allowed for spinal origin)
    const view = viewOf(drugProgram('baclofen', 500, 500), 'tolerant');
    const found = judge(view, {
      ...change(drugProgram('baclofen', 650, 500, [['morphine', 25]])),
      bridgeDecision: 'none',
    });
    expect(found.map((f) => `${f.code}:${f.severity}`)).toEqual([
      'concentration.aboveUsualMaximum:confirm',
      'admixture.drugAboveHardLimit:hard',
      'dose.opioidTolerantAboveRange:confirm',
    ]);
    expect(found[1]?.message).toBe(
      "Morphine (preservative-free, intrathecal), admixed at 25 mg/mL: 32.5 mg/day is above the drug library's hard limit of 30 mg/day.",
    );
    // 400 mcg/day (0.8 mL/day): morphine 20 mg/day, at the caution line, not above it
    expect(
      codes(view, { ...change(drugProgram('baclofen', 400, 500, [['morphine', 25]])), bridgeDecision: 'none' }),
    ).not.toContain('admixture.drugAboveHardLimit:hard');
  });

  it("treats one admixed drug's concentration change as that drug's over-dose: its own step and tenfold checks", () => {
    // baclofen 250 mcg/day at 1000 mcg/mL (0.25 mL/day) with morphine 1 mg/mL: morphine 0.25 mg/day
    const view = viewOf(drugProgram('baclofen', 250, 1000, [['morphine', 1]]), 'tolerant');
    // morphine refilled at 10 mg/mL, baclofen unchanged: morphine becomes 2.5 mg/day, ten times
    const found = judge(view, {
      ...change(drugProgram('baclofen', 250, 1000, [['morphine', 10]])),
      bridgeDecision: 'none',
    });
    // the flow stays (baclofen leads at the same strength): no bridge decision, the new morphine strength
    // simply reaches the tip once the tubing and catheter have been pushed through
    expect(found.map((f) => `${f.code}:${f.severity}`)).toEqual([
      'admixture.drugTenfold:reenter',
      'admixture.drugStepUp:confirm',
    ]);
    expect(found[0]?.message).toBe(
      'Morphine (preservative-free, intrathecal), admixed at 10 mg/mL: 2.5 mg/day is 10 times the current 0.25 mg/day: check the decimal point and type it again.',
    );
    // an admixed drug's new strength leaves the flow as it was: no bridge decision is asked for
    const undecided = judge(view, change(drugProgram('baclofen', 250, 1000, [['morphine', 10]])));
    expect(undecided.map((f) => f.code)).not.toContain('bridge.decisionRequired');
    // the lead drug's new strength changes the flow: without a bridge decision it is refused, named drug by drug
    const leadChanged = judge(view, change(drugProgram('baclofen', 250, 2000, [['morphine', 10]])));
    expect(leadChanged.find((f) => f.code === 'bridge.decisionRequired')?.message).toMatch(
      /^The solution changes from baclofen 1000 mcg\/mL with morphine 1 mg\/mL to baclofen 2000 mcg\/mL with morphine 10 mg\/mL: /,
    );
  });

  it('limits a single bolus of an admixture by each of its drugs', () => {
    // baclofen 500 mcg/mL with morphine 10 mg/mL: 0.2 mL is 100 mcg of baclofen (at its line) and 2 mg
    // of morphine (above 1 mg, not above 2 mg); 0.3 mL is 150 mcg and 3 mg
    const view = viewOf(drugProgram('baclofen', 250, 500, [['morphine', 10]]));
    const bolus = (nl: number) => ({ bolus: { kind: 'single' as const, volume: nl as Nanolitres, durationMs: HOUR } });
    expect(codes(view, bolus(200_000))).toEqual(['admixture.bolusAboveSoftLimit:confirm']);
    expect(codes(view, bolus(300_000))).toEqual(['bolus.aboveSoftLimit:confirm', 'admixture.bolusAboveHardLimit:hard']);
  });

  it("warns of each drug's own withdrawal when therapy stops", () => {
    const view = viewOf(drugProgram('morphine', 2, 10), 'tolerant');
    const stop = judge(view, change({ ...drugProgram('morphine', 2, 10), therapy: { mode: 'stopped' } }));
    expect(stop[0]?.message).toMatch(
      /^Therapy stops when the update completes: the patient gets no morphine \(now 2 mg\/day\) until it is restarted\. Opioid withdrawal can begin within 24 hours/,
    );
    const zico = viewOf(drugProgram('ziconotide', 2.4, 25));
    const stopZico = judge(zico, change({ ...drugProgram('ziconotide', 2.4, 25), therapy: { mode: 'stopped' } }));
    expect(stopZico[0]?.message).toContain('Ziconotide causes no withdrawal');
  });
});

describe('validateProgram on admixtures', () => {
  const profile = getDeviceProfile('synchromed-ii-20');
  const refusal = (program: PumpProgram) => {
    const r = validateProgram(program, profile);
    return r.ok ? null : r.refusal;
  };
  it('checks each drug once, at most three admixed, each at a concentration its drug allows', () => {
    expect(refusal(drugProgram('baclofen', 250, 500, [['morphine', 10]]))).toBeNull();
    expect(
      refusal(
        drugProgram('baclofen', 250, 500, [
          ['morphine', 10],
          ['morphine', 25],
        ]),
      )?.code,
    ).toBe('program.drugTwice');
    expect(refusal(drugProgram('baclofen', 250, 500, [['baclofen', 1000]]))?.code).toBe('program.drugTwice');
    expect(
      refusal(
        drugProgram('baclofen', 250, 500, [
          ['morphine', 10],
          ['ziconotide', 25],
          ['morphine', 1],
          ['ziconotide', 100],
        ]),
      )?.code,
    ).toBe('program.tooManyAdmixed');
    expect(refusal(drugProgram('baclofen', 250, 500, [['ziconotide', 200]]))?.message).toBe(
      'Ziconotide (intrathecal) in the admixture must be a whole number from 1 to 100 mcg/mL; 200 mcg/mL was given.',
    );
    expect(refusal(drugProgram('morphine', 2, 30))?.message).toBe(
      'The concentration must be a whole number from 0.1 to 25 mg/mL; 30 mg/mL was given.',
    );
  });
});

describe("the pump's stored opioid history", () => {
  it('is read by interrogation into what the programmer knows of the pump, and judged at once', () => {
    const w = createWorld({
      pump: buildPumpInput({ program: drugProgram('morphine', 0.5, 10), patientOpioidHistory: 'naive' }),
      origin: 'spinal',
    });
    w.apply({ type: 'programmer.act', event: { type: 'session.connect' } });
    w.apply({ type: 'programmer.act', event: { type: 'workflow.start', workflow: 'doseChange' } });
    w.apply({
      type: 'programmer.act',
      event: { type: 'draft.change', draft: { ...EMPTY_DRAFT, ...change(drugProgram('morphine', 0.6, 10)) } },
    });
    expect(w.state().session.context.view?.opioidHistory).toBe('naive');
    expect(w.state().session.context.findings).toEqual([]);
    w.apply({
      type: 'programmer.act',
      event: { type: 'draft.change', draft: { ...EMPTY_DRAFT, ...change(drugProgram('morphine', 1.2, 10)) } },
    });
    expect(w.state().session.context.findings.map((f) => f.code)).toEqual([
      'dose.titrationStep',
      'dose.opioidNaiveAboveRange',
    ]);
    // without a record the pump says nothing of it: unknown
    const plain = createWorld({
      pump: buildPumpInput({ program: drugProgram('morphine', 0.5, 10) }),
      origin: 'spinal',
    });
    plain.apply({ type: 'programmer.act', event: { type: 'session.connect' } });
    expect(plain.state().session.context.view?.opioidHistory).toBe('unknown');
  });
});

describe("the drug's own unit and words beyond the gate", () => {
  it('says an abandoned morphine refill in mg/mL', () => {
    // 20 mL of 10 mg/mL, 18.60 mL aspirated (1.40 mL dead space left), 18 mL of 25 mg/mL injected:
    // (1.4 x 10 + 18 x 25) / 19.4 = 23.918 mg/mL, 2.4 times what the pump believes
    const view = viewOf(drugProgram('morphine', 2, 10), 'tolerant');
    const done = abandonRefill(view, {
      aspirated: 18_600_000 as Nanolitres,
      injected: 18_000_000 as Nanolitres,
      concentration: 25_000 as never,
    });
    expect(done.message).toBe(
      'What was done at the pump cannot be undone: 18.60 mL aspirated and 18.00 mL of 25 mg/mL injected. The pump still believes it holds 20.00 mL of 10 mg/mL. The reservoir now holds about 23.918 mg/mL: the pump would deliver 2.4 times the programmed dose. Record what is in the pump, or stop the pump until it is refilled.',
    );
  });
  it('watches a ziconotide patient for returning pain, not withdrawal, while the motor may stall', () => {
    expect(mriPreparation(viewOf(drugProgram('ziconotide', 2.4, 25))).advice).toContain(
      'Watch a ziconotide patient for returning pain (ziconotide has no withdrawal) until recovery is confirmed.',
    );
    expect(mriPreparation(viewOf(drugProgram('baclofen', 250, 500))).advice).toContain(
      'Watch a baclofen patient for withdrawal until recovery is confirmed.',
    );
  });
});

describe('a session saved before pumps named their drug', () => {
  it('reads its pump as the baclofen pump it was, and the gate judges it as before', () => {
    const w = createWorld({ pump: buildPumpInput({}), origin: 'spinal' });
    w.apply({ type: 'programmer.act', event: { type: 'session.connect' } });
    const saved = JSON.parse(JSON.stringify(w.persist()));
    // the reading as an older version saved it: no drug, admixture or opioid history
    const { drug: _d, admixed: _a, opioidHistory: _o, ...older } = saved.session.context.view;
    saved.session.context.view = older;
    const restored = createWorld(saved.input, saved);
    expect(restored.state().session.context.view).toMatchObject({
      drug: 'baclofen',
      admixed: [],
      opioidHistory: 'unknown',
    });
    restored.apply({ type: 'programmer.act', event: { type: 'workflow.start', workflow: 'doseChange' } });
    restored.apply({
      type: 'programmer.act',
      event: { type: 'draft.change', draft: { ...EMPTY_DRAFT, ...change(drugProgram('baclofen', 330, 500)) } },
    });
    expect(restored.state().session.context.findings.map((f) => f.code)).toEqual(['dose.titrationStep']);
  });
});
