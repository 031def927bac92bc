// Judges a run of the product's pump machine against the reference pump, step by step and at the
// instants inside each wait where something changed by itself. It reads the product's state as
// plain data and drives the product (advancePump) only to look inside a wait; every expected figure
// comes from referencePump.ts, and every device figure from referenceFigures.ts (never from the
// product's device profile).
import { advancePump, type PumpInput, type PumpState } from '../../src/index.ts';
import type { PumpCommand } from '../../src/testing/pumpCommand.ts';
import type { HistoryStep } from '../../src/testing/runPumpHistory.ts';
import { contentsOf } from './pumpReadings.ts';
import { figuresFor } from './referenceFigures.ts';
import { REFERENCE_ALARMS, ReferencePump } from './referencePump.ts';

/** What a judgement compares; each safety property picks the parts its requirement is about. */
export type Aspect =
  /** REQ-PROG-01, REQ-RATE-01: the machine's state, the stored program, whether therapy runs. */
  | 'program'
  /** REQ-RES-01: the calculated reservoir volume and the alarm threshold. */
  | 'belief'
  /** REQ-ALM-01: every alarm's state and every alarm entry in the log, at its instant. */
  | 'alarms'
  /** REQ-BAT-01: the ERI and EOS instants. */
  | 'battery'
  /** REQ-BOL-01: the running bolus, and when each bolus ended. */
  | 'bolus'
  /**
   * REQ-DEL-01: the real reservoir and what reached the spinal fluid, in volume and in drug mass at
   * the tip (histories without catheter faults).
   */
  | 'delivery'
  /** REQ-CONS-01: every nanolitre and every picogram put in is in the path or a sink. */
  | 'volume';

const ALL: readonly Aspect[] = ['program', 'belief', 'alarms', 'battery', 'bolus', 'delivery', 'volume'];

/** The reference pump for a product input (the product's drawn accuracy bias is its one parameter). */
export function referenceFor(input: PumpInput, biasPpm: number): ReferencePump {
  const profile = figuresFor(input.profileId);
  const concentration = input.actualConcentration ?? input.program.concentration;
  return new ReferencePump(profile, {
    program: input.program,
    reservoirVolume: input.reservoirVolume,
    lowReservoirThreshold: input.lowReservoirThreshold ?? profile.defaultLowReservoirThreshold,
    timeOfDayAtStart: input.timeOfDayAtStart,
    ageAtStart: input.ageAtStart,
    catheterVolume: input.catheterVolume,
    tubingVolume: input.pumpTubingVolume ?? profile.pumpTubingVolume,
    biasPpm,
    concentration,
    pathConcentration: input.primedWith === 'reservoir' ? concentration : 0,
    solution: input.actualSolution ?? [{ drug: input.program.drug, concentration }, ...(input.program.admixed ?? [])],
  });
}

/** Whether the reference models a command (it draws nothing at random and has no MRI). */
export const referenceModels = (c: PumpCommand): boolean =>
  c.kind !== 'mri' && !(c.kind === 'motorStall' && c.recoversAfterMs === 'drawn');

/** Every drug named anywhere in the product's path and sinks or in the reference's loads. */
const drugNames = (pump: PumpState, drug: { readonly loadedMasses: Readonly<Record<string, bigint>> }): string[] => {
  const names = new Set(Object.keys(drug.loadedMasses));
  for (const name of Object.keys(contentsOf(pump).masses)) names.add(name);
  return [...names].sort();
};

const realVolume = (pump: PumpState) => pump.truth.path.reservoir.batch.volume - pump.truth.path.reservoir.drawn;
const n = (x: bigint | null): number | null => (x === null ? null : Number(x));
const entriesOf = (pump: PumpState) => pump.log.runs.flat();
const judged = /^(alarm\.\w+\.(raised|cleared)|bolus\.(completed|cancelled)|motor\.recovered)$/;

function compare(
  aspects: ReadonlySet<Aspect>,
  ref: ReferencePump,
  pump: PumpState,
  lifecycle: string | null,
  faultFree: boolean,
): string[] {
  const out: string[] = [];
  const expect = (aspect: Aspect, what: string, product: unknown, reference: unknown) => {
    if (aspects.has(aspect) && JSON.stringify(product) !== JSON.stringify(reference))
      out.push(`${what}: product ${JSON.stringify(product)}, reference ${JSON.stringify(reference)}`);
  };
  if (lifecycle !== null) expect('program', 'state', lifecycle, ref.lifecycle);
  expect('program', 'program', pump.program, ref.program);
  if (lifecycle !== null) expect('program', 'therapy active', pump.therapyActive, ref.therapyActive);
  expect('belief', 'calculated reservoir (nL)', pump.belief.calculatedReservoir, n(ref.calculated));
  expect('belief', 'low-reservoir threshold (nL)', pump.lowReservoirThreshold, n(ref.threshold));
  for (const a of REFERENCE_ALARMS) {
    const p = pump.alarms[a];
    const r = ref.alarms[a];
    expect('alarms', `alarm ${a}`, p.active ? { since: p.since } : false, r.active ? { since: n(r.since) } : false);
  }
  expect('battery', 'ERI at', pump.battery.eriAt, n(ref.eriAt));
  expect('battery', 'EOS at', pump.battery.eosAt, n(ref.eosAt));
  const b = pump.bolus;
  const rb = ref.bolus;
  expect(
    'bolus',
    'bolus',
    b === null ? null : { kind: b.kind, volume: b.volume, rate: b.rate },
    rb === null ? null : { kind: rb.kind, volume: n(rb.volume), rate: n(rb.rate) },
  );
  const stall = pump.motor.stall;
  expect(
    'bolus',
    'motor stall, recovering at',
    stall === null ? 'none' : (stall.recoversAt ?? 'never'),
    ref.stall === null ? 'none' : (n(ref.stall.recoversAt) ?? 'never'),
  );
  const real = realVolume(pump);
  const { path, sinks } = pump.truth;
  if (faultFree) {
    expect('delivery', 'real reservoir (nL)', real, n(ref.realVolume));
    expect('delivery', 'delivered to the spinal fluid (nL)', pump.truth.sinks.csf.volume, n(ref.delivered));
    const drug = ref.drug;
    if (drug !== null) {
      const r = pump.truth.path.reservoir;
      const refLeft = drug.reservoirMasses;
      for (const name of drugNames(pump, drug)) {
        const at = (m: Readonly<Record<string, number | undefined>>) => m[name] ?? 0;
        expect(
          'delivery',
          `${name} mass out of the catheter tip (pg)`,
          at(sinks.csf.masses),
          n(drug.tipMasses[name] ?? 0n),
        );
        const batchMass = BigInt(at(r.batch.masses));
        const left = r.batch.volume === 0 ? 0n : batchMass - (batchMass * BigInt(r.drawn)) / BigInt(r.batch.volume);
        expect('delivery', `${name} mass in the real reservoir (pg)`, n(left), n(refLeft[name] ?? 0n));
        expect(
          'delivery',
          `${name} mass aspirated (pg)`,
          at(sinks.aspirated.masses),
          n(drug.aspiratedMasses[name] ?? 0n),
        );
      }
    }
  }
  const inPath = [...path.tubing, ...path.catheter, ...path.catheterProximal].reduce((s, p) => s + (p.to - p.from), 0);
  const inSinks = Object.values(sinks).reduce((s, f) => s + f.volume, 0);
  expect('volume', 'volume in the path and every sink (nL)', real + inPath + inSinks, n(ref.loadedVolume));
  expect('volume', 'volume aspirated (nL)', sinks.aspirated.volume, n(ref.aspirated));
  if (ref.drug !== null) {
    const seen = contentsOf(pump).masses;
    for (const name of drugNames(pump, ref.drug))
      expect(
        'volume',
        `${name} mass in the path and every sink (pg)`,
        n(seen[name] ?? 0n),
        n(ref.drug.loadedMasses[name] ?? 0n),
      );
  }
  const entries = entriesOf(pump)
    .filter((e) => judged.test(e.type))
    .map((e) => `${e.at} ${e.type}`)
    .sort();
  const expected = ref.entries.map((e) => `${e.at} ${e.type}`).sort();
  const isAlarm = (e: string) => e.includes(' alarm.');
  const isOther = (e: string) => !isAlarm(e);
  expect('alarms', 'alarm entries in the log', entries.filter(isAlarm), expected.filter(isAlarm));
  expect('bolus', 'bolus and motor entries in the log', entries.filter(isOther), expected.filter(isOther));
  return out;
}

/** How many instants inside one wait are looked at, at most (each one and 1 ms before it). */
const INSIDE_LIMIT = 6;

/**
 * Every difference between a product run and the reference, after each command and at the
 * instants inside each wait where the reference saw a change (an alarm, a flex step, a bolus end,
 * an empty reservoir, ERI, EOS) and 1 ms before each. Empty when they agree.
 */
export function judgeAgainstReference(
  input: PumpInput,
  run: readonly HistoryStep[],
  aspects: readonly Aspect[] = ALL,
): string[] {
  const first = run[0];
  if (first === undefined) return [];
  const want = new Set(aspects);
  const ref = referenceFor(input, first.before.context.pump.truth.biasPpm);
  let faultFree = true;
  const start = compare(want, ref, first.before.context.pump, String(first.before.value), true);
  if (start.length > 0) return start.map((d) => `at the start: ${d}`);
  for (const [i, { command, before, after }] of run.entries()) {
    if (!faultFree) ref.observeRealReservoir(realVolume(before.context.pump));
    const was = ref.copy();
    ref.apply(command);
    if (command.kind === 'catheterFault' || command.kind === 'endCatheterFault') faultFree = false;
    const differences = compare(want, ref, after.context.pump, String(after.value), faultFree);
    if (command.kind === 'wait' && differences.length === 0) {
      const inside = ref.breakpoints.slice(was.breakpoints.length);
      const picked =
        inside.length <= INSIDE_LIMIT ? inside : [...inside.slice(0, INSIDE_LIMIT - 1), inside.at(-1) as bigint];
      for (const t of picked.flatMap((t) => [t - 1n, t])) {
        if (t <= was.now) continue;
        const r = was.copy();
        r.advanceTo(t);
        const p = advancePump(before.context.pump, Number(t) as PumpState['now']);
        const d = compare(want, r, p, null, faultFree);
        if (d.length > 0) differences.push(...d.map((x) => `inside the wait, at ${t} ms: ${x}`));
      }
    }
    if (differences.length > 0)
      return differences.map((d) => `after command ${i + 1} (${JSON.stringify(command)}): ${d}`);
  }
  return [];
}
