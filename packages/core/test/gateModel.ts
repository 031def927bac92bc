import fc from 'fast-check';
import { expect } from 'vitest';
import {
  type ClinicianEvent,
  createWorld,
  type Draft,
  EMPTY_DRAFT,
  type FlexStep,
  type LinkFault,
  type Milliseconds,
  type Nanolitres,
  type PumpProgram,
  planRefill,
  type Workflow,
  type World,
  type WorldInput,
  type WorldSnapshot,
} from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';
import { act, advance, carryActs, disturbNext, dropNext } from './worldActs.ts';

// The one therapy gate judged from outside, by the words of docs/safety.md and the drug figures of
// the domain research, written here once and sharing no code with the gate (REQ-GATE-01..03).

/** Baclofen's limits as the domain research gives them (mcg/day, mcg, mcg/mL, mL). */
const LIMITS = {
  hardDose: 2000,
  softDose: 1000,
  titrationSpinal: 0.3,
  decrease: 0.2,
  bolusHard: 300,
  bolusSoft: 100,
  minConcentration: 1,
  maxConcentration: 2000,
  thresholdMinMl: 0.5,
  thresholdMaxMl: 10,
  defaultThresholdMl: 2,
  capacityMl: 20,
  /** A refill discrepancy over 1 mL on a 20 mL pump is flagged (REQ-DISC-01). */
  discrepancyMl: 1,
} as const;

const dosesMcg = (program: PumpProgram): { total: number; steps: { minute: number; mcg: number }[] } => {
  const t = program.therapy;
  if (t.mode === 'simple') return { total: t.dose / 1e6, steps: [{ minute: 0, mcg: t.dose / 1e6 }] };
  if (t.mode !== 'flex') return { total: 0, steps: [] };
  const steps = t.steps.map((s) => ({ minute: s.startMinute, mcg: s.dose / 1e6 }));
  const total = steps.reduce((sum, s, i) => sum + s.mcg * ((steps[i + 1]?.minute ?? 1440) - s.minute), 0) / 1440;
  return { total, steps };
};
const doseAt = (program: PumpProgram, minute: number): number | null => {
  const { steps } = dosesMcg(program);
  if (steps.length === 0) return null;
  return [...steps].reverse().find((s) => s.minute <= minute)?.mcg ?? null;
};
const dosing = (p: PumpProgram | undefined) =>
  p !== undefined && (p.therapy.mode === 'simple' || p.therapy.mode === 'flex');

/** What the requirement refuses outright in a draft: any of these sent is a failure of the gate. */
export function hardViolations(old: PumpProgram, draft: Draft): string[] {
  const out: string[] = [];
  const program = draft.update.program;
  if (program !== undefined) {
    const { total, steps } = dosesMcg(program);
    if (total > LIMITS.hardDose) out.push(`daily total ${total} mcg/day`);
    for (const s of steps) if (s.mcg > LIMITS.hardDose) out.push(`step at ${s.minute} min ${s.mcg} mcg/day`);
    const c = program.concentration;
    if (!Number.isInteger(c) || c < LIMITS.minConcentration || c > LIMITS.maxConcentration)
      out.push(`concentration ${c}`);
    if (c !== old.concentration && dosing(program) && draft.bridgeDecision === null) out.push('no bridge decision');
  }
  const bolus = draft.bolus;
  if (bolus?.kind === 'single') {
    const mcg = (bolus.volume / 1e6) * (program?.concentration ?? old.concentration);
    if (mcg > LIMITS.bolusHard) out.push(`bolus ${mcg} mcg`);
  }
  const t = draft.update.lowReservoirThreshold;
  if (t !== undefined && (t < LIMITS.thresholdMinMl * 1e6 || t > LIMITS.thresholdMaxMl * 1e6))
    out.push(`threshold ${t}`);
  const r = draft.update.calculatedReservoir;
  if (r !== undefined && r > LIMITS.capacityMl * 1e6) out.push(`reservoir ${r}`);
  return out;
}

/** How many distinct confirmations the requirement asks of a draft, and whether it must be typed again. */
export function answersRequired(old: PumpProgram, draft: Draft): { confirms: number; reenter: boolean } {
  let confirms = 0;
  let reenter = false;
  const program = draft.update.program;
  if (program !== undefined) {
    const before = dosesMcg(old).total;
    const { total, steps } = dosesMcg(program);
    if (dosing(old) && !dosing(program)) confirms += 1; // a stop: withdrawal
    if (!dosing(old) && dosing(program)) confirms += 1; // a restart: tolerance has fallen
    if (total > LIMITS.softDose || steps.some((s) => s.mcg > LIMITS.softDose)) confirms += 1;
    if (before > 0 && total > before * (1 + LIMITS.titrationSpinal)) confirms += 1;
    if (before > 0 && total > 0 && total < before * (1 - LIMITS.decrease)) confirms += 1;
    if (before > 0 && total > 0 && (total >= before * 10 || total * 10 <= before)) reenter = true;
    // at every step boundary of either schedule, the dose then against the dose given then now
    const minutes = new Set([...steps.map((s) => s.minute), ...dosesMcg(old).steps.map((s) => s.minute)]);
    for (const minute of minutes) {
      const was = doseAt(old, minute);
      const will = doseAt(program, minute);
      if (was !== null && will !== null && was > 0 && (will >= was * 10 || (will > 0 && will * 10 <= was)))
        reenter = true;
    }
    if (program.concentration !== old.concentration && dosing(program) && draft.bridgeDecision === 'none')
      confirms += 1;
  }
  const bolus = draft.bolus;
  if (
    bolus?.kind === 'single' &&
    (bolus.volume / 1e6) * (program?.concentration ?? old.concentration) > LIMITS.bolusSoft
  )
    confirms += 1;
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
      const old: PumpProgram = { drug: 'baclofen', concentration: ctx.view.concentration, therapy: ctx.view.therapy };
      const result = act(real.w, this.event);
      if (result.ok) {
        // REQ-GATE-02: what is sent is the draft the finish screen showed, never past a hard limit,
        // with every confirmation and re-entry the requirement asks for
        expect(hardViolations(old, draft)).toEqual([]);
        const needed = answersRequired(old, draft);
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
            expect(recorded).toBeLessThanOrEqual(model.refill.truthAfterNeedle - Math.max(0, pumpedSince) + 10_000);
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

const mcgDay = (mcg: number) => Math.round(mcg * 1e6) as never;
const flexArb: fc.Arbitrary<Draft> = fc
  .array(
    fc.record({
      minute: fc.integer({ min: 1, max: 23 }).map((h) => h * 60),
      mcg: fc.oneof(fc.integer({ min: 20, max: 600 }), fc.constantFrom(5000, 2500, 1200, 25, 2)),
    }),
    { minLength: 0, maxLength: 3 },
  )
  .chain((rest) =>
    fc.integer({ min: 20, max: 600 }).map((first) => {
      const minutes = [...new Set(rest.map((r) => r.minute))].sort((a, b) => a - b);
      const steps: FlexStep[] = [
        { startMinute: 0, dose: mcgDay(first) },
        ...minutes.map((m) => ({ startMinute: m, dose: mcgDay(rest.find((r) => r.minute === m)?.mcg ?? 100) })),
      ];
      return { ...EMPTY_DRAFT, update: { program: { ...simpleProgram(250), therapy: { mode: 'flex', steps } } } };
    }),
  );
const simpleArb: fc.Arbitrary<Draft> = fc
  .record({
    mcg: fc.oneof(fc.integer({ min: 10, max: 400 }), fc.constantFrom(25, 330, 2500, 3000, 1500)),
    concentration: fc.constantFrom(500, 500, 2000),
    bridge: fc.constantFrom(null, 'bridge' as const, 'none' as const),
  })
  .map(({ mcg, concentration, bridge }) => ({
    ...EMPTY_DRAFT,
    update: { program: simpleProgram(mcg, concentration) },
    bridgeDecision: bridge,
  }));
const otherArb: fc.Arbitrary<Draft> = fc.oneof(
  fc.constant({
    ...EMPTY_DRAFT,
    update: { program: { ...simpleProgram(250), therapy: { mode: 'stopped' } } },
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

/** The clinician as an adversary, the link failing, time passing and the page reloading, as commands. */
export const gateCommands = [
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
      concentration: fc.constantFrom(500, 500, 2000),
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
    .tuple(fc.integer({ min: 0, max: 20_000_000 }), fc.constantFrom(500, 500, 2000, 50))
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

/** A fresh world (a 20 mL pump at 500 mcg/mL, 250 mcg/day, 20 mL) and the oracle's model for one run. */
export function setupGate(seed: number, reservoirMl: number): { model: GateModel; real: Real } {
  const input: WorldInput = {
    pump: buildPumpInput({ seed, reservoirVolume: Math.round(reservoirMl * 1e6) as Nanolitres }),
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
