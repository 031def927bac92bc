// The checkers of pumpSafety.prop.test.ts: each safety requirement of docs/safety.md judged over a
// run of the product's pump machine with expectations computed here, from the figures written once
// in referenceFigures.ts and the reference pump, never by the product function being judged (no
// doseToRate, alarmConditions, isEndOfService, reservoirContents, getDeviceProfile). They read the
// product's states as plain data. One product function is used, and only to read the product: the
// pump's own advance (`advancePump`) gives the product's state at an instant inside a wait, which
// no run step shows; what that state must be is still decided here.
import { advancePump, type Milliseconds, type PumpInput, type PumpState } from '../../src/index.ts';
import type { HistoryStep } from '../../src/testing/runPumpHistory.ts';
import { contentsOf } from './pumpReadings.ts';
import { BACLOFEN, figuresFor } from './referenceFigures.ts';
import { referenceRate } from './referenceProgram.ts';
import { REFERENCE_ALARMS, type ReferenceAlarm, ReferencePump } from './referencePump.ts';

/** One broken requirement: which (docs/safety.md), when (ms since t = 0), and what was seen. */
export interface Finding {
  readonly requirement: string;
  readonly at: number;
  readonly message: string;
}

/** A checker of a whole run of a pump input. */
export type RunChecker = (input: PumpInput, run: readonly HistoryStep[]) => Finding[];

const statesOf = (run: readonly HistoryStep[]): PumpState[] => {
  const first = run[0];
  return first === undefined ? [] : [first.before.context.pump, ...run.map((s) => s.after.context.pump)];
};
const big = (n: number): bigint => BigInt(n);
const realVolume = (s: PumpState): number => s.truth.path.reservoir.batch.volume - s.truth.path.reservoir.drawn;
const entriesOf = (s: PumpState) => s.log.runs.flat();
/** EOS as the requirement defines it: 90 days (the figure) after ERI. */
const endOfService = (s: PumpState): boolean => {
  const { eriAt } = s.battery;
  return eriAt !== null && s.now >= eriAt + figuresFor(s.profileId).battery.eriToEos;
};

/** The reference going on from the state before a wait, advanced to the state after it. */
function expectedWait({ before, after }: HistoryStep): ReferencePump {
  const b = before.context.pump;
  const r = ReferencePump.fromState(figuresFor(b.profileId), b, String(before.value));
  r.advanceTo(big(after.context.pump.now));
  return r;
}

/**
 * REQ-CONS-01, REQ-CONS-02: the volume and every drug's mass in the reservoir, tubing, catheter and
 * every sink (read by test code) equal what was put in, counted here from the input and every
 * injection the needle gave, drug by drug: the reservoir's, tubing's and catheter's first fill with
 * each drug at its concentration, then each injection's masses, except one the reservoir had no room
 * for (its capacity, the figure, after the syringe took what it could above the dead space).
 */
export const checkConservation: RunChecker = (input, run) => {
  let figures = figuresFor(input.profileId);
  // what the reservoir, tubing and catheter first hold: the input's solution, or the program's drug
  // at the real concentration with every drug the program says is admixed
  const parts = input.actualSolution ?? [
    { drug: input.program.drug, concentration: input.actualConcentration ?? input.program.concentration },
    ...(input.program.admixed ?? []),
  ];
  const path = big((input.pumpTubingVolume ?? figures.pumpTubingVolume) + input.catheterVolume);
  let deadSpace = input.reservoirDeadSpace ?? figures.reservoirDeadSpace;
  let volume = big(input.reservoirVolume) + path;
  const masses: Record<string, bigint> = {};
  const add = (drug: string, m: bigint) => {
    masses[drug] = (masses[drug] ?? 0n) + m;
  };
  for (const { drug, concentration } of parts) {
    add(drug, big(input.reservoirVolume) * big(concentration));
    if (input.primedWith === 'reservoir') add(drug, path * big(concentration));
  }
  const words = (m: Readonly<Record<string, bigint>>) =>
    Object.keys(m)
      .filter((d) => m[d] !== 0n)
      .sort()
      .map((d) => `${m[d]} pg ${d}`)
      .join(' + ') || 'no drug';
  const findings: Finding[] = [];
  const judge = (s: PumpState) => {
    const seen = contentsOf(s);
    const drugs = new Set([...Object.keys(masses), ...Object.keys(seen.masses)]);
    const same = [...drugs].every((d) => (seen.masses[d] ?? 0n) === (masses[d] ?? 0n));
    if (seen.volume !== volume || !same)
      findings.push({
        requirement: 'REQ-CONS-01',
        at: s.now,
        message: `put in ${volume} nL / ${words(masses)}, found ${seen.volume} nL / ${words(seen.masses)} in the path and sinks`,
      });
  };
  const first = run[0];
  if (first !== undefined) judge(first.before.context.pump);
  for (const { command, before, after } of run) {
    if (command.kind === 'refill') {
      const real = realVolume(before.context.pump);
      const withdrawable = Math.max(0, real - deadSpace);
      const taken = command.aspirate === 'all' ? withdrawable : Math.min(command.aspirate, withdrawable);
      const site = command.site ?? 'reservoir';
      if (site !== 'reservoir' || real - taken + command.inject.volume <= figures.capacity) {
        volume += big(command.inject.volume);
        for (const [drug, m] of Object.entries(command.inject.masses)) add(drug, big(m ?? 0));
      }
    }
    // a replacement (the new pump's serial) puts in its fill, its tubing's sterile water unless the
    // fill primed it, and a new catheter's spinal fluid; what came out is in a sink
    if (command.kind === 'replace' && after.context.pump.serial !== before.context.pump.serial) {
      const r = command.replacement;
      figures = figuresFor(r.profileId);
      deadSpace = r.reservoirDeadSpace ?? figures.reservoirDeadSpace;
      volume += big(r.prepared?.fill.volume ?? 0) + big(r.newCatheterVolume ?? 0);
      for (const [drug, m] of Object.entries(r.prepared?.fill.masses ?? {})) add(drug, big(m ?? 0));
      if (r.prepared?.tubingPrimed !== true) volume += big(r.pumpTubingVolume ?? figures.pumpTubingVolume);
    }
    judge(after.context.pump);
  }
  return findings;
};

/**
 * REQ-RES-01: the calculated reservoir volume is a whole number of nL, never negative and never
 * above the capacity (the figure); and across every wait it falls by exactly what the reference
 * says the stored program's rates (rounded to the nearest nL/day, halves up) and any bolus take
 * from it, from the state the wait began in: a volume that cannot be true is one the clinician
 * refills by.
 */
export const checkCalculatedVolume: RunChecker = (_input, run) => {
  const findings: Finding[] = [];
  for (const s of statesOf(run)) {
    const v = s.belief.calculatedReservoir;
    const capacity = figuresFor(s.profileId).capacity;
    if (!Number.isSafeInteger(v) || v < 0 || v > capacity)
      findings.push({ requirement: 'REQ-RES-01', at: s.now, message: `calculated ${v} nL outside [0, ${capacity}]` });
  }
  for (const step of run) {
    if (step.command.kind !== 'wait') continue;
    const expected = expectedWait(step).calculated;
    const a = step.after.context.pump;
    if (big(a.belief.calculatedReservoir) !== expected)
      findings.push({
        requirement: 'REQ-RES-01',
        at: a.now,
        message: `calculated ${a.belief.calculatedReservoir} nL after a wait from ${step.before.context.pump.now} ms, the rates leave ${expected} nL`,
      });
  }
  return findings;
};

/**
 * REQ-RATE-01: every rate of the stored program, as the test computes it from the dose and the
 * concentration (nearest nL/day, halves up), lies within the model's minimum and maximum (the
 * figures), at a concentration within the drug's range, unless the mode is minimum or stopped.
 */
export const checkProgrammedRate: RunChecker = (_input, run) =>
  statesOf(run).flatMap((s) => {
    const figures = figuresFor(s.profileId);
    const { therapy, concentration } = s.program;
    const doses =
      therapy.mode === 'simple' ? [therapy.dose] : therapy.mode === 'flex' ? therapy.steps.map((x) => x.dose) : [];
    const findings: Finding[] = [];
    if (doses.length > 0 && (concentration < BACLOFEN.minConcentration || concentration > BACLOFEN.maxConcentration))
      findings.push({ requirement: 'REQ-RATE-01', at: s.now, message: `concentration ${concentration} mcg/mL` });
    for (const dose of doses) {
      const rate = referenceRate(dose, concentration);
      if (rate < big(figures.minRate) || rate > big(figures.maxRate))
        findings.push({
          requirement: 'REQ-RATE-01',
          at: s.now,
          message: `stored ${dose} pg/day at ${concentration} mcg/mL is ${rate} nL/day, outside [${figures.minRate}, ${figures.maxRate}]`,
        });
    }
    return findings;
  });

/** How many stretches of one wait without pumping are looked into, at most. */
const STRETCH_LIMIT = 4;

/**
 * REQ-DEL-01: nothing leaves the reservoir or reaches the patient while the pump must not pump:
 * therapy suspended, the calculated reservoir empty, the motor stalled or waiting for a programmer
 * after an MRI, a memory error, or EOS (90 days after ERI). Where the pump stops or resumes by
 * itself inside a wait (the reservoir runs dry, EOS comes, a stall ends) is the reference's
 * instant, computed from the rates, not the product's; the product's state at those instants is
 * read with `advancePump`.
 */
export const checkNoDeliveryWhenHalted: RunChecker = (_input, run) =>
  run.flatMap((step) => {
    if (step.command.kind !== 'wait') return [];
    const b = step.before.context.pump;
    const a = step.after.context.pump;
    const start = ReferencePump.fromState(figuresFor(b.profileId), b, String(step.before.value));
    const r = expectedWait(step);
    // the stretches of the wait in which the reference does not pump
    const stretches: { from: number; to: number }[] = [];
    let since: number | null = start.pumping ? null : b.now;
    for (const change of r.pumpingChanges) {
      if (!change.pumping && since === null) since = Number(change.at);
      else if (change.pumping && since !== null) {
        stretches.push({ from: since, to: Number(change.at) });
        since = null;
      }
    }
    if (since !== null) stretches.push({ from: since, to: a.now });
    const looked =
      stretches.length <= STRETCH_LIMIT
        ? stretches
        : [...stretches.slice(0, STRETCH_LIMIT - 1), stretches.at(-1) as { from: number; to: number }];
    const stateAt = (t: number) => (t === b.now ? b : t === a.now ? a : advancePump(b, t as Milliseconds));
    return looked.flatMap(({ from, to }) => {
      if (from >= to) return [];
      const x = stateAt(from);
      const y = stateAt(to);
      const delivered = y.truth.sinks.csf.volume - x.truth.sinks.csf.volume;
      const out = realVolume(x) - realVolume(y);
      return delivered === 0 && out === 0
        ? []
        : [
            {
              requirement: 'REQ-DEL-01',
              at: from,
              message: `${out} nL left the reservoir and ${delivered} nL reached the spinal fluid between ${from} and ${to} ms, while the pump must not pump`,
            },
          ];
    });
  });

/** Each alarm's condition, in docs/safety.md's words, read from a state with the figures. */
export function alarmConditionsOf(s: PumpState): Record<ReferenceAlarm, boolean> {
  const { eriAt } = s.battery;
  return {
    lowReservoir: s.belief.calculatedReservoir <= s.lowReservoirThreshold,
    reservoirEmpty: s.belief.calculatedReservoir === 0,
    eri: eriAt !== null && s.now >= eriAt,
    eos: endOfService(s),
    motorStall: s.motor.stall !== null,
    lowBatteryReset: s.lowBatteryReset,
    memoryError: s.memoryError,
  };
}

const isAlarmEntry = (type: string) => /^alarm\.\w+\.(raised|cleared)$/.test(type);

/**
 * REQ-ALM-01: in every state each alarm is active exactly while its condition holds; and inside
 * every wait, every alarm raised or cleared is logged at the instant the reference computes the
 * condition starts or ends (a low reservoir from the rates and the threshold, an empty reservoir,
 * ERI from the battery figures, EOS 90 days after it, a stall ending), and no other.
 */
export const checkAlarms: RunChecker = (_input, run) => {
  const findings: Finding[] = [];
  for (const s of statesOf(run)) {
    const holds = alarmConditionsOf(s);
    for (const name of REFERENCE_ALARMS)
      if (s.alarms[name].active !== holds[name])
        findings.push({
          requirement: 'REQ-ALM-01',
          at: s.now,
          message: `${name} active=${s.alarms[name].active} while its condition is ${holds[name]}`,
        });
  }
  for (const step of run) {
    if (step.command.kind !== 'wait') continue;
    const b = step.before.context.pump;
    const a = step.after.context.pump;
    const logged = entriesOf(a)
      .slice(entriesOf(b).length)
      .filter((e) => e.at > b.now && isAlarmEntry(e.type))
      .map((e) => `${e.at} ${e.type}`)
      .sort();
    const expected = expectedWait(step)
      .entries.filter((e) => e.at > b.now && isAlarmEntry(e.type))
      .map((e) => `${e.at} ${e.type}`)
      .sort();
    if (JSON.stringify(logged) !== JSON.stringify(expected))
      findings.push({
        requirement: 'REQ-ALM-01',
        at: a.now,
        message: `alarms logged in the wait from ${b.now} ms: ${JSON.stringify(logged)}, expected ${JSON.stringify(expected)}`,
      });
  }
  return findings;
};

/**
 * REQ-PROG-01: after any update (committed, refused or abandoned) the stored program, calculated
 * volume and alarm threshold are exactly the old ones or exactly the new ones; an abandoned update
 * the pump had begun leaves the old program, the pump stopped and `update.incomplete` logged.
 */
export const checkAtomicUpdate: RunChecker = (_input, run) =>
  run.flatMap(({ command, before, after }) => {
    if (command.kind !== 'update' && command.kind !== 'refill') return [];
    const b = before.context.pump;
    const a = after.context.pump;
    const update =
      command.kind === 'update' ? (command.abandon ? {} : command.update) : { calculatedReservoir: command.record };
    const unchanged =
      a.program === b.program &&
      a.belief.calculatedReservoir === b.belief.calculatedReservoir &&
      a.lowReservoirThreshold === b.lowReservoirThreshold;
    const applied =
      (update.program === undefined ? a.program === b.program : a.program === update.program) &&
      (update.calculatedReservoir === undefined || a.belief.calculatedReservoir === update.calculatedReservoir) &&
      (update.lowReservoirThreshold === undefined || a.lowReservoirThreshold === update.lowReservoirThreshold);
    const findings: Finding[] =
      unchanged || applied ? [] : [{ requirement: 'REQ-PROG-01', at: a.now, message: 'an update was applied in part' }];
    const began = before.value === 'running' || before.value === 'stopped';
    if (command.kind === 'update' && command.abandon && began && !endOfService(a)) {
      const logged = entriesOf(a)
        .slice(entriesOf(b).length)
        .some((e) => e.type === 'update.incomplete');
      if (after.value !== 'stopped' || a.therapyActive || a.program !== b.program || !logged)
        findings.push({
          requirement: 'REQ-PROG-01',
          at: a.now,
          message: `an abandoned update left the pump ${String(after.value)}${a.therapyActive ? ' delivering' : ''}${a.program !== b.program ? ' with a new program' : ''}${logged ? '' : ', with nothing logged'}`,
        });
    }
    return findings;
  });

/** REQ-LOG-01: the event log only grows (every entry kept as it was) and its times never go backwards. */
export const checkLogAppendOnly: RunChecker = (_input, run) =>
  run.flatMap(({ before, after }) => {
    const b = entriesOf(before.context.pump);
    const a = entriesOf(after.context.pump);
    const kept = b.every((e, i) => a[i]?.at === e.at && a[i]?.type === e.type);
    const monotonic = a.every((e, i) => i === 0 || (a[i - 1]?.at ?? 0) <= e.at);
    return kept && monotonic
      ? []
      : [
          {
            requirement: 'REQ-LOG-01',
            at: after.context.pump.now,
            message: 'the log was rewritten or went back in time',
          },
        ];
  });
