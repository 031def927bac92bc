import fc from 'fast-check';
import { expect } from 'vitest';
import {
  type ClinicianEvent,
  createWorld,
  type Draft,
  type DrugId,
  EMPTY_DRAFT,
  type FlexStep,
  type LinkFault,
  type Milliseconds,
  type Nanolitres,
  type OpioidHistory,
  type PumpProgram,
  planRefill,
  programOfView,
  type Workflow,
  type World,
  type WorldInput,
  type WorldSnapshot,
} from '../src/index.ts';
import { buildPumpInput, drugProgram } from '../src/testing/index.ts';
import { act, advance, carryActs, disturbNext, dropNext } from './worldActs.ts';

// The one therapy gate judged from outside, by the words of docs/safety.md and the drug figures of
// the domain research, written here once and sharing no code with the gate (REQ-GATE-01..03).

/** Each drug's limits as the domain research gives them, every dose and mass in mcg (mg x 1000), concentrations in mcg/mL. */
interface DrugLimits {
  hardDose: number;
  softDose: number;
  /** Largest rise per 24 h as a share (spinal origin), or null when the drug steps by an absolute dose. */
  titration: number | null;
  /** Largest rise in one step, mcg/day, or null. */
  stepMcg: number | null;
  /** Highest start from none, mcg/day, or null. */
  startMcg: number | null;
  /** Largest cut as a share, or null when any cut is allowed. */
  decrease: number | null;
  bolusHard: number;
  bolusSoft: number;
  minConcentration: number;
  maxConcentration: number;
  /** Above this concentration a confirmation, or null. */
  softConcentration: number | null;
  /** Opioid ranges' upper ends, mcg/day: naive and tolerant; null for a drug that is not an opioid. */
  opioid: { naive: number; tolerant: number } | null;
}
const DRUG_LIMITS: Record<DrugId, DrugLimits> = {
  // pain-drugs.md §8 and domain-research.md §6
  baclofen: {
    hardDose: 2000,
    softDose: 1000,
    titration: 0.3,
    stepMcg: null,
    startMcg: null,
    decrease: 0.2,
    bolusHard: 300,
    bolusSoft: 100,
    minConcentration: 1,
    maxConcentration: 2000,
    softConcentration: null,
    opioid: null,
  },
  // 30 mg/day refused, caution above 20; +30 %; naive to 1 mg/day, tolerant to 10; 10 and 25 mg/mL, caution above 20
  morphine: {
    hardDose: 30_000,
    softDose: 20_000,
    titration: 0.3,
    stepMcg: null,
    startMcg: null,
    decrease: 0.2,
    bolusHard: 2000,
    bolusSoft: 1000,
    minConcentration: 100,
    maxConcentration: 25_000,
    softConcentration: 20_000,
    opioid: { naive: 1000, tolerant: 10_000 },
  },
  // start and step 2.4 mcg/day, 21.6 refused, 19.2 confirmed, any cut
  ziconotide: {
    hardDose: 21.6,
    softDose: 19.2,
    titration: null,
    stepMcg: 2.4,
    startMcg: 2.4,
    decrease: null,
    bolusHard: 5,
    bolusSoft: 2.4,
    minConcentration: 1,
    maxConcentration: 100,
    softConcentration: null,
    opioid: null,
  },
};
/** The pump and the programmer's limits that are the same for every drug (mL). */
const LIMITS = {
  thresholdMinMl: 0.5,
  thresholdMaxMl: 10,
  defaultThresholdMl: 2,
  capacityMl: 20,
  /** A refill discrepancy over 1 mL on a 20 mL pump is flagged (REQ-DISC-01). */
  discrepancyMl: 1,
} as const;

/** The world the oracle is judging: its pump's first program and the patient's opioid history. */
export interface DrugSetup {
  readonly name: string;
  readonly program: PumpProgram;
  readonly opioidHistory: OpioidHistory;
  /** What one mcg/day of the baclofen-sized doses the commands draw is in this world's lead drug, mcg/day. */
  readonly doseFactor: number;
  /** The lead drug's concentrations standing for 500, 2000 and 50 mcg/mL of baclofen. */
  readonly concentrations: Readonly<Record<500 | 2000 | 50, number>>;
  /** The admixed drug's concentrations the commands draw among (empty for a single drug). */
  readonly admixedConcentrations: readonly number[];
}

/** Baclofen alone, as the gate was first judged. */
export const BACLOFEN_SETUP: DrugSetup = {
  name: 'baclofen',
  program: drugProgram('baclofen', 250, 500),
  opioidHistory: 'unknown',
  doseFactor: 1,
  concentrations: { 500: 500, 2000: 2000, 50: 50 },
  admixedConcentrations: [],
};
/** The pain drugs and an admixture: morphine for a tolerant patient, ziconotide, baclofen with morphine for a naive one. */
export const PAIN_SETUPS: readonly DrugSetup[] = [
  {
    name: 'morphine (tolerant)',
    program: drugProgram('morphine', 2, 10),
    opioidHistory: 'tolerant',
    doseFactor: 10,
    concentrations: { 500: 10_000, 2000: 25_000, 50: 1000 },
    admixedConcentrations: [],
  },
  {
    name: 'ziconotide',
    program: drugProgram('ziconotide', 4.8, 25),
    opioidHistory: 'unknown',
    doseFactor: 0.01,
    concentrations: { 500: 25, 2000: 100, 50: 50 },
    admixedConcentrations: [],
  },
  {
    name: 'baclofen with morphine (naive)',
    program: drugProgram('baclofen', 250, 500, [['morphine', 1]]),
    opioidHistory: 'naive',
    doseFactor: 1,
    concentrations: { 500: 500, 2000: 2000, 50: 50 },
    admixedConcentrations: [1000, 1000, 10_000, 25_000],
  },
];

const dosesMcg = (program: PumpProgram): { total: number; steps: { minute: number; mcg: number }[] } => {
  const t = program.therapy;
  if (t.mode === 'simple') return { total: t.dose / 1e6, steps: [{ minute: 0, mcg: t.dose / 1e6 }] };
  if (t.mode !== 'flex') return { total: 0, steps: [] };
  const steps = t.steps.map((s) => ({ minute: s.startMinute, mcg: s.dose / 1e6 }));
  const total = steps.reduce((sum, s, i) => sum + s.mcg * ((steps[i + 1]?.minute ?? 1440) - s.minute), 0) / 1440;
  return { total, steps };
};
const dosing = (p: PumpProgram | undefined) =>
  p !== undefined && (p.therapy.mode === 'simple' || p.therapy.mode === 'flex');

/** Each drug of a program with its daily total and step doses, mcg/day: the lead's as entered, an admixed one's the flow times its concentration. */
const drugDoses = (program: PumpProgram) => {
  const lead = dosesMcg(program);
  // the flow the pump runs (nearest nL/day), times the admixed drug's mcg/mL, is its pg/day
  const flowOf = (mcg: number) => Math.round((mcg * 1e6) / program.concentration);
  return [
    { drug: program.drug, concentration: program.concentration, lead: true, ...lead },
    ...(program.admixed ?? []).map((part) => {
      const steps = lead.steps.map((s) => ({ minute: s.minute, mcg: (flowOf(s.mcg) * part.concentration) / 1e6 }));
      const total = steps.reduce((sum, st, i) => sum + st.mcg * ((steps[i + 1]?.minute ?? 1440) - st.minute), 0) / 1440;
      return { drug: part.drug, concentration: part.concentration, lead: false, total, steps };
    }),
  ];
};
/**
 * Whether the flow changes with the solution: the lead drug or its strength. Only then is the old
 * solution in the tubing and catheter delivered at a new flow (a bridge decision is needed); an
 * admixed drug's new strength only reaches the tip later, at the same flow.
 */
const leadChanges = (a: PumpProgram, b: PumpProgram) => a.drug !== b.drug || a.concentration !== b.concentration;

/** What the requirement refuses outright in a draft: any of these sent is a failure of the gate. */
export function hardViolations(old: PumpProgram, draft: Draft): string[] {
  const out: string[] = [];
  const program = draft.update.program;
  if (program !== undefined) {
    for (const d of drugDoses(program)) {
      const limits = DRUG_LIMITS[d.drug];
      if (d.total > limits.hardDose) out.push(`${d.drug} daily total ${d.total} mcg/day`);
      for (const s of d.steps)
        if (s.mcg > limits.hardDose) out.push(`${d.drug} step at ${s.minute} min ${s.mcg} mcg/day`);
      const c = d.concentration;
      if (!Number.isInteger(c) || c < limits.minConcentration || c > limits.maxConcentration)
        out.push(`${d.drug} concentration ${c}`);
    }
    if (leadChanges(program, old) && dosing(program) && draft.bridgeDecision === null) out.push('no bridge decision');
  }
  const bolus = draft.bolus;
  if (bolus?.kind === 'single') {
    const source = program ?? old;
    for (const part of [{ drug: source.drug, concentration: source.concentration }, ...(source.admixed ?? [])]) {
      const mcg = (bolus.volume / 1e6) * part.concentration;
      if (mcg > DRUG_LIMITS[part.drug].bolusHard) out.push(`${part.drug} bolus ${mcg} mcg`);
    }
  }
  const t = draft.update.lowReservoirThreshold;
  if (t !== undefined && (t < LIMITS.thresholdMinMl * 1e6 || t > LIMITS.thresholdMaxMl * 1e6))
    out.push(`threshold ${t}`);
  const r = draft.update.calculatedReservoir;
  if (r !== undefined && r > LIMITS.capacityMl * 1e6) out.push(`reservoir ${r}`);
  return out;
}

/**
 * How many distinct confirmations the requirement asks of a draft at least, and whether it must be
 * typed again: for each drug of the program, its own limits on its own dose (an admixed drug's
 * findings are answered apart from the lead drug's); an opioid above the range of the patient's
 * opioid history as the pump records it.
 */
export function answersRequired(
  old: PumpProgram,
  draft: Draft,
  opioidHistory: OpioidHistory = 'unknown',
): { confirms: number; reenter: boolean } {
  let confirms = 0;
  let reenter = false;
  const program = draft.update.program;
  if (program !== undefined) {
    if (dosing(old) && !dosing(program)) confirms += 1; // a stop: withdrawal
    if (!dosing(old) && dosing(program)) confirms += 1; // a restart: tolerance has fallen
    const before = drugDoses(old);
    for (const d of drugDoses(program)) {
      const limits = DRUG_LIMITS[d.drug];
      const was = before.find((b) => b.drug === d.drug);
      const beforeTotal = was?.total ?? 0;
      const { total, steps } = d;
      if (total > limits.softDose || steps.some((s) => s.mcg > limits.softDose)) confirms += 1;
      if (limits.titration !== null && beforeTotal > 0 && total > beforeTotal * (1 + limits.titration)) confirms += 1;
      if (limits.stepMcg !== null && beforeTotal > 0 && total - beforeTotal > limits.stepMcg + 1e-9) confirms += 1;
      // a start is a drug the pump did not hold (a restart after a stop is judged against the dose before it)
      if (limits.startMcg !== null && was === undefined && total > limits.startMcg + 1e-9) confirms += 1;
      if (limits.decrease !== null && beforeTotal > 0 && total > 0 && total < beforeTotal * (1 - limits.decrease))
        confirms += 1;
      if (beforeTotal > 0 && total > 0 && (total >= beforeTotal * 10 || total * 10 <= beforeTotal)) reenter = true;
      if (limits.softConcentration !== null && d.concentration > limits.softConcentration) confirms += 1;
      if (limits.opioid !== null && total > beforeTotal && (was === undefined || dosing(old))) {
        const top = opioidHistory === 'tolerant' ? limits.opioid.tolerant : limits.opioid.naive;
        if (total > top) confirms += 1;
      }
      // at every step boundary of either schedule, the dose then against the dose given then now
      if (was !== undefined) {
        const minutes = new Set([...steps.map((s) => s.minute), ...was.steps.map((s) => s.minute)]);
        const at = (list: { minute: number; mcg: number }[], minute: number) =>
          [...list].reverse().find((s) => s.minute <= minute)?.mcg ?? null;
        for (const minute of minutes) {
          const then = at(was.steps, minute);
          const now = at(steps, minute);
          if (then !== null && now !== null && then > 0 && (now >= then * 10 || (now > 0 && now * 10 <= then)))
            reenter = true;
        }
      }
    }
    if (leadChanges(program, old) && dosing(program) && draft.bridgeDecision === 'none') confirms += 1;
  }
  const bolus = draft.bolus;
  if (bolus?.kind === 'single') {
    const source = program ?? old;
    for (const part of [{ drug: source.drug, concentration: source.concentration }, ...(source.admixed ?? [])])
      if ((bolus.volume / 1e6) * part.concentration > DRUG_LIMITS[part.drug].bolusSoft) confirms += 1;
  }
  if (bolus?.kind === 'priming') confirms += 1;
  const t = draft.update.lowReservoirThreshold;
  if (t !== undefined && t < LIMITS.defaultThresholdMl * 1e6) confirms += 1;
  return { confirms, reenter };
}

/** The oracle's own account of the session: what was reviewed and answered, and what the needle did. */
export interface GateModel {
  /** Every program a clinician confirmed on the finish screen (and the original): the only ones the pump may hold. */
  programs: Set<string>;
  /** Codes confirmed and whether a value was typed again since the draft last changed. */
  confirmed: Set<string>;
  reentered: boolean;
  /** The current refill, as the oracle saw the needle act: truth right after the last act, short or not, settled. */
  refill: { truthAfterNeedle: number; beliefAtNeedle: number; short: boolean; settled: boolean } | null;
  sends: number;
  stopsSent: number;
  refillsRecorded: number;
}

/** The world behind the door, replaceable by a reload (a restore from the saved world). */
export interface Real {
  w: World;
  readonly input: WorldInput;
}

const programKey = (p: PumpProgram) => JSON.stringify(p);
/** The true volume in the reservoir, from the documented layout of the state (a batch less what was drawn). */
const trueReservoir = (w: World) => {
  const r = w.state().pump.truth.path.reservoir;
  return r.batch.volume - r.drawn;
};

/** After every command: the invariants of the one gate, judged from outside. */
export function checkGate(model: GateModel, real: Real): void {
  const s = real.w.state();
  // REQ-GATE-01: the pump only ever holds a program a clinician confirmed on the finish screen
  expect(model.programs.has(programKey(s.pump.program))).toBe(true);
  // REQ-GATE-03: once the needle acted, the refill is left only by a record or a stop sent
  if (model.refill !== null && s.session.context.workflow !== 'refill') {
    expect(model.refill.settled).toBe(true);
    model.refill = null;
  }
}

class Act implements fc.Command<GateModel, Real> {
  constructor(
    readonly event: ClinicianEvent,
    readonly label: string = event.type,
  ) {}
  check = () => true;
  run(model: GateModel, real: Real): void {
    const before = real.w.state();
    const ctx = before.session.context;
    if (this.event.type === 'review.confirm' && before.session.state === 'finish' && ctx.view !== null) {
      const draft = ctx.draft;
      const old: PumpProgram = programOfView(ctx.view);
      const result = act(real.w, this.event);
      if (result.ok) {
        // REQ-GATE-02: what is sent is the draft the finish screen showed, never past a hard limit,
        // with every confirmation and re-entry the requirement asks for
        expect(hardViolations(old, draft)).toEqual([]);
        const needed = answersRequired(old, draft, ctx.view.opioidHistory);
        expect(model.confirmed.size).toBeGreaterThanOrEqual(needed.confirms);
        if (needed.reenter) expect(model.reentered, `${JSON.stringify(old)} -> ${JSON.stringify(draft)}`).toBe(true);
        if (draft.update.program !== undefined) model.programs.add(programKey(draft.update.program));
        model.sends += 1;
        if (draft.update.program?.therapy.mode === 'stopped') model.stopsSent += 1;
        if (model.refill !== null && ctx.workflow === 'refill') {
          const recorded = draft.update.calculatedReservoir;
          // REQ-GATE-03: a refill never records more than the reservoir truly held after the needle,
          // unless the aspiration was short and the clinician confirmed what it showed
          // (the pump runs on while the needle is in: 0.01 mL, a syringe's reading, covers what it pumps meanwhile)
          // and what the pump reports it pumped since the needle (a refill left open and resumed later) is gone
          // (as far as the programmer was last told: it reads the pump at connection, not continuously)
          const pumpedSince = model.refill.beliefAtNeedle - (ctx.view.calculatedReservoir as number);
          if (recorded !== undefined && !(model.refill.short && model.confirmed.size > 0))
            // (a reservoir holds nothing less than nothing: the bound never falls below zero, however far
            // the programmer's belief fell between the needle and the record; seed -2091202022 found it could)
            expect(recorded).toBeLessThanOrEqual(
              Math.max(0, model.refill.truthAfterNeedle - Math.max(0, pumpedSince)) + 10_000,
            );
          if (recorded !== undefined) model.refillsRecorded += 1;
          if (recorded !== undefined || draft.update.program?.therapy.mode === 'stopped') model.refill.settled = true;
        }
      }
      checkGate(model, real);
      return;
    }
    const result = act(real.w, this.event);
    if (result.ok && (this.event.type === 'draft.change' || this.event.type === 'workflow.start')) {
      model.confirmed = new Set();
      model.reentered = false;
    }
    if (result.ok && this.event.type === 'finding.confirm') model.confirmed.add(this.event.code);
    if (result.ok && this.event.type === 'draft.reenter' && real.w.state().session.context.reentered)
      model.reentered = true;
    if (result.ok && (this.event.type === 'refill.aspirate' || this.event.type === 'refill.inject')) {
      const view = ctx.view;
      const refill = real.w.state().session.context.refill;
      const aspirated = refill?.aspirated ?? 0;
      const expected = view === null ? 0 : Math.max(0, view.calculatedReservoir - view.reservoirDeadSpace);
      model.refill = {
        truthAfterNeedle: trueReservoir(real.w),
        // what the programmer was last told the pump believed, when the needle last acted
        beliefAtNeedle: view?.calculatedReservoir ?? 0,
        short: model.refill?.short === true || expected - aspirated > LIMITS.discrepancyMl * 1e6,
        settled: false,
      };
      if (this.event.type === 'refill.aspirate') model.confirmed = new Set();
    }
    checkGate(model, real);
  }
  toString = () => this.label;
}

/** Confirms every finding the screen shows and types a value again when asked: a clinician clicking through. */
class PassFindings implements fc.Command<GateModel, Real> {
  check = () => true;
  run(model: GateModel, real: Real): void {
    const { findings, draft } = real.w.state().session.context;
    for (const f of findings)
      if (f.severity === 'confirm') new Act({ type: 'finding.confirm', code: f.code }).run(model, real);
    if (findings.some((f) => f.severity === 'reenter')) new Act({ type: 'draft.reenter', draft }).run(model, real);
  }
  toString = () => 'passFindings';
}

/** A reload of the page (or a second window, a class reconnect): the world restored from what it saved. */
class Reload implements fc.Command<GateModel, Real> {
  check = () => true;
  run(model: GateModel, real: Real): void {
    const saved = JSON.parse(JSON.stringify(real.w.persist())) as WorldSnapshot;
    const before = JSON.stringify(real.w.state().session);
    const restored = createWorld(saved.input, saved);
    carryActs(real.w, restored);
    real.w = restored;
    expect(JSON.stringify(real.w.state().session)).toBe(before);
    checkGate(model, real);
  }
  toString = () => 'reload';
}

class Link implements fc.Command<GateModel, Real> {
  constructor(
    readonly count: number,
    readonly after: number,
    readonly part: LinkFault,
  ) {}
  check = () => true;
  run(model: GateModel, real: Real): void {
    if (this.part === 'message' || this.part === 'acknowledgement') dropNext(real.w, this.count, this.after, this.part);
    else disturbNext(real.w, this.count, this.after, this.part);
    checkGate(model, real);
  }
  toString = () => `link(${this.count} ${this.part} after ${this.after})`;
}

class Wait implements fc.Command<GateModel, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  run(model: GateModel, real: Real): void {
    advance(real.w, (real.w.state().now + this.ms) as Milliseconds);
    checkGate(model, real);
  }
  toString = () => `wait(${this.ms})`;
}

/** Opens a workflow if none is open, then prepares a draft in it. */
class Prepare implements fc.Command<GateModel, Real> {
  constructor(
    readonly workflow: Workflow,
    readonly draft: Draft,
  ) {}
  check = () => true;
  run(model: GateModel, real: Real): void {
    const s = real.w.state().session;
    if (s.state === 'disconnected') new Act({ type: 'session.connect' }).run(model, real);
    if (real.w.state().session.state === 'ready')
      new Act({ type: 'workflow.start', workflow: this.workflow }).run(model, real);
    new Act({ type: 'draft.change', draft: this.draft }).run(model, real);
  }
  toString = () => `prepare(${this.workflow}, ${JSON.stringify(this.draft)})`;
}

/** The record the refill screen calculates (the product's planRefill: the page's own helper, used as the page uses it). */
class RecordRefill implements fc.Command<GateModel, Real> {
  constructor(readonly bridge: 'bridge' | 'none' | null) {}
  check = () => true;
  run(model: GateModel, real: Real): void {
    const { view, refill } = real.w.state().session.context;
    if (view === null || refill?.aspirated == null || refill.injected === null) return;
    const plan = planRefill(view, {
      aspirated: refill.aspirated,
      injected: refill.injected.volume,
      concentration: refill.injected.concentration,
      bridgeDecision: this.bridge,
      beliefAtNeedle: refill.beliefAtNeedle ?? null,
    });
    if (plan.ok) new Act({ type: 'draft.change', draft: plan.value.draft }).run(model, real);
  }
  toString = () => `recordRefill(${this.bridge})`;
}

/** Several steps as a clinician does them in a row (a whole change, a whole refill). */
class Steps implements fc.Command<GateModel, Real> {
  constructor(
    readonly steps: readonly fc.Command<GateModel, Real>[],
    readonly label: string,
  ) {}
  check = () => true;
  run(model: GateModel, real: Real): void {
    for (const step of this.steps) step.run(model, real);
  }
  toString = () => `${this.label}[${this.steps.map(String).join(', ')}]`;
}
const send = (pass: boolean) => [
  ...(pass ? [new PassFindings()] : []),
  new Act({ type: 'review.open' }),
  new Act({ type: 'review.confirm' }),
];

/**
 * The clinician as an adversary, the link failing, time passing and the page reloading, as commands,
 * in a world of one drug setup: doses are drawn baclofen-sized and scaled to the lead drug, and
 * concentrations drawn among the setup's.
 */
export function gateCommandsFor(setup: DrugSetup) {
  const mcgDay = (mcg: number) => Math.round(mcg * setup.doseFactor * 1e6) as never;
  const strength = (c: 500 | 2000 | 50) => setup.concentrations[c] as never;
  const admixedArb = fc.constantFrom(...(setup.admixedConcentrations.length > 0 ? setup.admixedConcentrations : [0]));
  /** A program of the setup's drugs: the lead at a drawn concentration, the admixed drug (if any) at another. */
  const programOf = (therapy: PumpProgram['therapy'], c: 500 | 2000 | 50 = 500, admixedC = 0): PumpProgram => ({
    ...setup.program,
    concentration: strength(c),
    ...(setup.program.admixed === undefined
      ? {}
      : { admixed: setup.program.admixed.map((p) => ({ ...p, concentration: admixedC as never })) }),
    therapy,
  });
  const flexArb: fc.Arbitrary<Draft> = fc
    .array(
      fc.record({
        minute: fc.integer({ min: 1, max: 23 }).map((h) => h * 60),
        mcg: fc.oneof(fc.integer({ min: 20, max: 600 }), fc.constantFrom(5000, 2500, 1200, 25, 2)),
      }),
      { minLength: 0, maxLength: 3 },
    )
    .chain((rest) =>
      fc.tuple(fc.integer({ min: 20, max: 600 }), admixedArb).map(([first, admixedC]) => {
        const minutes = [...new Set(rest.map((r) => r.minute))].sort((a, b) => a - b);
        const steps: FlexStep[] = [
          { startMinute: 0, dose: mcgDay(first) },
          ...minutes.map((m) => ({ startMinute: m, dose: mcgDay(rest.find((r) => r.minute === m)?.mcg ?? 100) })),
        ];
        return { ...EMPTY_DRAFT, update: { program: programOf({ mode: 'flex', steps }, 500, admixedC) } };
      }),
    );
  const simpleArb: fc.Arbitrary<Draft> = fc
    .record({
      mcg: fc.oneof(fc.integer({ min: 10, max: 400 }), fc.constantFrom(25, 330, 2500, 3000, 1500)),
      concentration: fc.constantFrom(500 as const, 500 as const, 2000 as const),
      admixedC: admixedArb,
      bridge: fc.constantFrom(null, 'bridge' as const, 'none' as const),
    })
    .map(({ mcg, concentration, admixedC, bridge }) => ({
      ...EMPTY_DRAFT,
      update: { program: programOf({ mode: 'simple', dose: mcgDay(mcg) }, concentration, admixedC) },
      bridgeDecision: bridge,
    }));
  const otherArb: fc.Arbitrary<Draft> = fc.oneof(
    fc.constant({
      ...EMPTY_DRAFT,
      update: { program: { ...setup.program, therapy: { mode: 'stopped' } } },
    } as Draft),
    fc.integer({ min: 100_000, max: 12_000_000 }).map((t) => ({
      ...EMPTY_DRAFT,
      update: { lowReservoirThreshold: t as Nanolitres },
    })),
    fc.integer({ min: 10_000, max: 1_000_000 }).map((v) => ({
      ...EMPTY_DRAFT,
      bolus: { kind: 'single' as const, volume: v as Nanolitres, durationMs: 3_600_000 },
    })),
    fc.constant({
      ...EMPTY_DRAFT,
      bolus: { kind: 'priming' as const, volume: 304_000 as Nanolitres, durationMs: 1_094_400 },
    } as Draft),
    // a hostile record outside a refill, and one inside it
    fc
      .integer({ min: 0, max: 21_000_000 })
      .map((v) => ({ ...EMPTY_DRAFT, update: { calculatedReservoir: v as Nanolitres } })),
  );

  return [
    fc
      .tuple(fc.oneof(flexArb, simpleArb), fc.boolean())
      .map(
        ([d, pass]) =>
          new Steps(
            [new Prepare(d.update.program?.therapy.mode === 'flex' ? 'flexSchedule' : 'doseChange', d), ...send(pass)],
            'change',
          ),
      ),
    fc.tuple(otherArb, fc.boolean()).map(([d, pass]) => new Steps([new Prepare('bolus', d), ...send(pass)], 'other')),
    fc
      .record({
        again: fc.boolean(),
        passShort: fc.boolean(),
        volume: fc.integer({ min: 0, max: 20_000_000 }),
        concentration: fc.constantFrom(strength(500), strength(500), strength(2000)),
        bridge: fc.constantFrom(null, 'bridge' as const, 'none' as const),
        pass: fc.boolean(),
      })
      .map(
        (r) =>
          new Steps(
            [
              new Act({ type: 'session.connect' }),
              new Act({ type: 'workflow.start', workflow: 'refill' }),
              new Act({ type: 'refill.aspirate' }),
              ...(r.again ? [new Act({ type: 'refill.aspirate' })] : []),
              ...(r.passShort ? [new PassFindings()] : []),
              new Act({
                type: 'refill.inject',
                volume: r.volume as Nanolitres,
                concentration: r.concentration as never,
              }),
              new RecordRefill(r.bridge),
              ...send(r.pass),
            ],
            'refill',
          ),
      ),
    flexArb.map((d) => new Prepare('flexSchedule', d)),
    simpleArb.map((d) => new Prepare('doseChange', d)),
    otherArb.map((d) => new Prepare('bolus', d)),
    otherArb.map((d) => new Prepare('refill', d)),
    fc.constant(new Act({ type: 'workflow.start', workflow: 'refill' })),
    fc.constant(new Act({ type: 'refill.aspirate' })),
    fc
      .tuple(
        fc.integer({ min: 0, max: 20_000_000 }),
        fc.constantFrom(strength(500), strength(500), strength(2000), strength(50)),
      )
      .map(([v, c]) => new Act({ type: 'refill.inject', volume: v as Nanolitres, concentration: c as never })),
    fc.constantFrom(null, 'bridge' as const, 'none' as const).map((b) => new RecordRefill(b)),
    fc.constant(new Act({ type: 'session.connect' })),
    fc.constant(new Act({ type: 'session.disconnect' })),
    fc.constant(new PassFindings()),
    fc.constant(new PassFindings()),
    fc.constant(new Act({ type: 'review.open' })),
    fc.constant(new Act({ type: 'review.open' })),
    fc.constant(new Act({ type: 'review.back' })),
    fc.constant(new Act({ type: 'review.confirm' })),
    fc.constant(new Act({ type: 'review.confirm' })),
    fc.constant(new Act({ type: 'workflow.cancel' })),
    fc.constant(new Act({ type: 'session.verify' })),
    fc.constant(new Act({ type: 'session.retry' })),
    fc.constant(new Act({ type: 'therapy.restart' })),
    fc.constant(new Reload()),
    fc
      .tuple(
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom<LinkFault>('message', 'acknowledgement', 'duplicate', 'late', 'reorder'),
      )
      .map(([n, after, part]) => new Link(n, after, part)),
    fc.integer({ min: 1, max: 6 * 3_600_000 }).map((ms) => new Wait(ms)),
  ];
}

/** The commands in a world of baclofen alone, as the gate was first judged. */
export const gateCommands = gateCommandsFor(BACLOFEN_SETUP);

/** A fresh world (by default a 20 mL pump at 500 mcg/mL, 250 mcg/day, 20 mL) and the oracle's model for one run. */
export function setupGate(
  seed: number,
  reservoirMl: number,
  setup: DrugSetup = BACLOFEN_SETUP,
): { model: GateModel; real: Real } {
  const input: WorldInput = {
    pump: buildPumpInput({
      seed,
      reservoirVolume: Math.round(reservoirMl * 1e6) as Nanolitres,
      program: setup.program,
      patientOpioidHistory: setup.opioidHistory,
    }),
    origin: 'spinal',
  };
  const w = createWorld(input);
  return {
    model: {
      programs: new Set([programKey(w.state().pump.program)]),
      confirmed: new Set(),
      reentered: false,
      refill: null,
      sends: 0,
      stopsSent: 0,
      refillsRecorded: 0,
    },
    real: { w, input },
  };
}
