import fc from 'fast-check';
import { expect } from 'vitest';
import {
  type ClinicianEvent,
  createWorld,
  type Draft,
  EMPTY_DRAFT,
  type LinkFault,
  type Milliseconds,
  type PumpProgram,
  type World,
} from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';
import { bigMasses, conditionsOf, contentsOf } from './reference/pumpReadings.ts';
import { act, advance, aspirate, disturbNext, dropNext, inject, setLink } from './worldActs.ts';

/**
 * The simpler model: the programs the pump may legitimately hold NOW (the last one known for sure,
 * plus any confirmed since whose outcome the programmer could not confirm), and every send the
 * clinician confirmed. A verified send narrows it to exactly what was confirmed.
 */
export interface SessionModel {
  programs: Set<string>;
  confirmations: number;
  /** Sends the programmer reported verified (each narrowed the model to the program confirmed). */
  verified: number;
}

/**
 * REQ-SES-03 as the requirement words it, written here apart from the product's guard: every hard
 * finding blocks; a finding to confirm needs its confirmation; a value to type again needs retyping.
 */
export function guardRailsPassed(context: {
  readonly findings: readonly { readonly code: string; readonly severity: string }[];
  readonly acknowledged: readonly string[];
  readonly reentered: boolean;
}): boolean {
  for (const f of context.findings) {
    if (f.severity === 'hard') return false;
    if (f.severity === 'confirm' && !context.acknowledged.includes(f.code)) return false;
    if (f.severity === 'reenter' && !context.reentered) return false;
  }
  return true;
}

/** Baclofen's hard daily limit, 2000 mcg/day (the domain research's figure; REQ-SES-03's dose limit). */
const HARD_LIMIT_MCG_PER_DAY = 2000;

/** A program's daily dose in mcg, written here apart from the product: flex steps weighted by their minutes. */
function dailyDoseMcg(program: PumpProgram): number {
  const t = program.therapy;
  if (t.mode === 'simple') return t.dose / 1e6;
  if (t.mode !== 'flex') return 0;
  return (
    t.steps.reduce(
      (sum, step, i) => sum + (step.dose / 1e6) * ((t.steps[i + 1]?.startMinute ?? 1440) - step.startMinute),
      0,
    ) / 1440
  );
}

export type Real = World;

const program = (w: World) => JSON.stringify(w.state().pump.program);

/** After every command: the invariants of the programmer session (docs/safety.md REQ-SES-*). */
export function checkSessionInvariants(model: SessionModel, w: World): void {
  // REQ-SES-01: the stored program is always exactly one the clinician confirmed (or the original): never a mix
  expect(model.programs.has(program(w))).toBe(true);
  // REQ-SES-02: a pump left stopped by an unfinished update is always shown as such
  const lifecycle = w.state().lifecycle;
  const log = w.state().pump.log;
  const lastLifecycle = [...logEntries(log)]
    .reverse()
    .find((e) => e.type === 'pump.started' || e.type === 'update.incomplete' || e.type === 'update.begun');
  const stoppedBySession =
    lifecycle === 'updating' || (lifecycle === 'stopped' && lastLifecycle?.type === 'update.incomplete');
  if (stoppedBySession) expect(w.state().session.context.incomplete).toBe(true);
  // and the pump's own invariants hold in the whole world at every step, judged by readings that
  // share no code with the product (REQ-CONS-01, REQ-ALM-01)
  const pump = w.state().pump;
  const { loaded } = pump.truth;
  expect(contentsOf(pump)).toEqual({ volume: BigInt(loaded.volume), masses: bigMasses(loaded.masses) });
  const conditions = conditionsOf(pump);
  for (const [name, status] of Object.entries(pump.alarms))
    expect(status.active).toBe(conditions[name as keyof typeof conditions]);
  expect(pump.belief.calculatedReservoir).toBeGreaterThanOrEqual(0);
}

class Act implements fc.Command<SessionModel, Real> {
  constructor(
    readonly event: ClinicianEvent,
    readonly label: string = event.type,
  ) {}
  check = () => true;
  run(model: SessionModel, w: Real): void {
    const before = w.state().session;
    if (this.event.type === 'review.confirm' && before.state === 'finish') {
      // REQ-SES-03: nothing is sent without the finish screen shown and its findings passed
      expect(before.context.diff).not.toBeNull();
      expect(guardRailsPassed(before.context)).toBe(true);
      const next = before.context.draft.update.program;
      // and, judged apart from the findings: nothing above the drug's hard limit of 2000 mcg/day is sent
      if (next !== undefined) expect(dailyDoseMcg(next)).toBeLessThanOrEqual(HARD_LIMIT_MCG_PER_DAY);
      if (next !== undefined) model.programs.add(JSON.stringify(next));
      model.confirmations += 1;
      act(w, this.event);
      const after = w.state().session;
      // a send the programmer reports verified left exactly the confirmed program: the model narrows to it
      if (next !== undefined && after.state === 'ready' && !after.context.incomplete) {
        expect(program(w)).toBe(JSON.stringify(next));
        model.programs = new Set([JSON.stringify(next)]);
        model.verified += 1;
      }
      checkSessionInvariants(model, w);
      return;
    }
    act(w, this.event);
    checkSessionInvariants(model, w);
  }
  toString = () => this.label;
}

class PassFindings implements fc.Command<SessionModel, Real> {
  check = () => true;
  run(model: SessionModel, w: Real): void {
    const { findings, draft } = w.state().session.context;
    for (const f of findings) if (f.severity === 'confirm') act(w, { type: 'finding.confirm', code: f.code });
    if (findings.some((f) => f.severity === 'reenter')) act(w, { type: 'draft.reenter', draft });
    checkSessionInvariants(model, w);
  }
  toString = () => 'passFindings';
}

class Drop implements fc.Command<SessionModel, Real> {
  constructor(
    readonly count: number,
    readonly after: number,
    readonly part: LinkFault,
  ) {}
  check = () => true;
  run(model: SessionModel, w: Real): void {
    if (this.part === 'message' || this.part === 'acknowledgement') dropNext(w, this.count, this.after, this.part);
    else disturbNext(w, this.count, this.after, this.part);
    checkSessionInvariants(model, w);
  }
  toString = () => `drop(${this.count} ${this.part}s after ${this.after})`;
}

class Move implements fc.Command<SessionModel, Real> {
  constructor(
    readonly distanceCm: number,
    readonly interference: 'none' | 'moderate' | 'severe',
  ) {}
  check = () => true;
  run(model: SessionModel, w: Real): void {
    setLink(w, { distanceCm: this.distanceCm, interference: this.interference });
    checkSessionInvariants(model, w);
  }
  toString = () => `link(${this.distanceCm} cm, ${this.interference})`;
}

class Wait implements fc.Command<SessionModel, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  run(model: SessionModel, w: Real): void {
    advance(w, (w.state().now + this.ms) as Milliseconds);
    checkSessionInvariants(model, w);
  }
  toString = () => `wait(${this.ms})`;
}

/** A whole edit as a clinician does it: connect if needed, open the workflow, draft, maybe pass the findings, review, send. */
class Edit implements fc.Command<SessionModel, Real> {
  constructor(
    readonly draft: Draft,
    readonly passFindings: boolean,
  ) {}
  check = () => true;
  run(model: SessionModel, w: Real): void {
    const steps: fc.Command<SessionModel, Real>[] = [
      new Act({ type: 'session.connect' }),
      new Act({ type: 'workflow.start', workflow: 'doseChange' }),
      new Act({ type: 'draft.change', draft: this.draft }),
      ...(this.passFindings ? [new PassFindings()] : []),
      new Act({ type: 'review.open' }),
      new Act({ type: 'review.confirm' }),
    ];
    for (const step of steps) step.run(model, w);
  }
  toString = () =>
    `edit(${JSON.stringify(this.draft.update.program?.therapy)}, ${this.draft.bridgeDecision}, pass=${this.passFindings})`;
}

const draftArb: fc.Arbitrary<Draft> = fc
  .record({
    mcg: fc.oneof(fc.integer({ min: 10, max: 400 }), fc.constantFrom(20, 25, 330, 2500, 3000)),
    concentration: fc.constantFrom(500, 500, 500, 2000),
    bridge: fc.constantFrom(null, 'bridge' as const, 'none' as const),
  })
  .map(({ mcg, concentration, bridge }) => ({
    ...EMPTY_DRAFT,
    update: { program: simpleProgram(mcg, concentration) },
    bridgeDecision: bridge,
  }));

/** Clinician actions, link faults and time, as fast-check commands. */
export const sessionCommands = [
  fc.tuple(draftArb, fc.boolean()).map(([draft, pass]) => new Edit(draft, pass)),
  fc.tuple(draftArb, fc.boolean()).map(([draft, pass]) => new Edit(draft, pass)),
  fc.constant(new Act({ type: 'session.connect' })),
  fc.constant(new Act({ type: 'session.disconnect' })),
  fc.constant(new Act({ type: 'workflow.start', workflow: 'doseChange' })),
  draftArb.map(
    (draft) => new Act({ type: 'draft.change', draft }, `draft(${JSON.stringify(draft.update.program?.therapy)})`),
  ),
  fc.constant(new PassFindings()),
  fc.constant(new Act({ type: 'review.open' })),
  fc.constant(new Act({ type: 'review.back' })),
  fc.constant(new Act({ type: 'review.confirm' })),
  fc.constant(new Act({ type: 'workflow.cancel' })),
  fc.constant(new Act({ type: 'session.verify' })),
  fc.constant(new Act({ type: 'session.retry' })),
  fc.constant(new Act({ type: 'therapy.restart' })),
  fc
    .tuple(
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 0, max: 4 }),
      fc.constantFrom<LinkFault>('message', 'acknowledgement', 'duplicate', 'late', 'reorder'),
    )
    .map(([n, after, part]) => new Drop(n, after, part)),
  fc
    .tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom('none' as const, 'moderate' as const, 'severe' as const))
    .map(([d, i]) => new Move(d, i)),
  fc.integer({ min: 1, max: 12 * 3_600_000 }).map((ms) => new Wait(ms)),
];

/** Something happens to the pump or the patient outside the programmer: a fault, an MRI, a needle. */
class WorldEvent implements fc.Command<SessionModel, Real> {
  constructor(
    readonly apply: (w: World, model: SessionModel) => void,
    readonly label: string,
  ) {}
  check = () => true;
  run(model: SessionModel, w: Real): void {
    this.apply(w, model);
    checkSessionInvariants(model, w);
  }
  toString = () => this.label;
}

/** Faults, scans and acts at the pump, for whole-world sequences. */
export const worldCommands = [
  fc
    .constantFrom(
      { kind: 'occlusion' as const, blockedPpm: 1_000_000 },
      { kind: 'kink' as const, periodMs: 6 * 3_600_000, kinkedMs: 3_600_000 },
      { kind: 'disconnect' as const },
      { kind: 'fracture' as const, atVolume: 50_000 as never },
      { kind: 'tipMigration' as const, tip: 'subdural' as const },
    )
    .map(
      (fault) =>
        new WorldEvent(
          (w) => w.apply({ type: 'fault.inject', fault: { kind: 'catheter', fault } }),
          `fault(${fault.kind})`,
        ),
    ),
  fc
    .constantFrom(
      'occlusion' as const,
      'kink' as const,
      'disconnect' as const,
      'fracture' as const,
      'tipMigration' as const,
    )
    .map((kind) => new WorldEvent((w) => w.apply({ type: 'fault.end', kind }), `end(${kind})`)),
  fc.constant(
    new WorldEvent(
      (w) => w.apply({ type: 'fault.inject', fault: { kind: 'motorStall', recoversAt: 'drawn' } }),
      'motorStall',
    ),
  ),
  fc.constant(
    new WorldEvent(
      (w) =>
        w.apply({ type: 'mri.scan', scan: { durationMs: 3_600_000, fieldMilliTesla: 1500, recoveryDelayMs: 'drawn' } }),
      'mri',
    ),
  ),
  fc
    .tuple(
      fc.constantFrom('reservoir' as const, 'pocket' as const, 'catheterAccessPort' as const),
      fc.integer({ min: 0, max: 20_000_000 }),
    )
    .map(
      ([site, volume]) =>
        new WorldEvent((w) => {
          aspirate(w, 'all');
          inject(w, site, { volume: volume as never, masses: { baclofen: (volume * 500) as never } });
        }, `needle(${site}, ${volume} nL)`),
    ),
  fc.constant(
    new WorldEvent((w, model) => {
      // the pump itself replaces its program with the minimum rate: a program no clinician sent, but whole
      w.apply({ type: 'fault.inject', fault: { kind: 'lowBatteryReset' } });
      model.programs.add(program(w));
    }, 'lowBatteryReset'),
  ),
];

/** A fresh world and model for one run. */
export function setup(seed: number): { model: SessionModel; real: Real } {
  const real = createWorld({ pump: buildPumpInput({ seed }), origin: 'spinal' });
  return { model: { programs: new Set([program(real)]), confirmations: 0, verified: 0 }, real };
}
