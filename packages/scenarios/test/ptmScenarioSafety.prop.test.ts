import fc from 'fast-check';
import { describe, it } from 'vitest';
import { formatDuration, runScenario, type ScenarioSource } from '../src/index.ts';
import { assertScenarioProperty } from './assertScenarioProperty.ts';

// Whole scenario runs with the patient's therapy manager: a morphine pump with PTM, presses at
// random minutes, reprogramming (PTM changed or switched off), clinician boluses and faults between
// them. The runner judges drug and volume conservation, the reservoir, the rates and the alarms
// after every step and sample; the presses the pump gave are judged from the report's events alone
// against the limits in force (the test's own reading of the file, no product PTM code).

type Action = NonNullable<ScenarioSource['timeline']>[number];
interface Ptm {
  readonly bolusDoseMg: number;
  readonly bolusDuration: string;
  readonly lockoutMin: number;
  readonly maxPerDay: number;
}

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
// 10 mg/mL at 1 to 10 mg/day: 0.1 to 1 mL/day; a bolus of 0.05 to 1 mg (5 to 100 uL) over 30 min
const ptmArb: fc.Arbitrary<Ptm> = fc.record({
  bolusDoseMg: fc.integer({ min: 1, max: 20 }).map((n) => n * 0.05),
  bolusDuration: fc.constant('PT30M'),
  lockoutMin: fc.integer({ min: 30, max: 6 * 60 }),
  maxPerDay: fc.integer({ min: 1, max: 8 }),
});
const therapy = (doseMgPerDay: number, ptm: Ptm | null) => ({
  mode: 'simple' as const,
  doseMgPerDay,
  ...(ptm === null
    ? {}
    : {
        ptm: {
          bolusDoseMg: ptm.bolusDoseMg,
          bolusDuration: ptm.bolusDuration,
          lockout: formatDuration(ptm.lockoutMin * MIN),
          maxPerDay: ptm.maxPerDay,
        },
      }),
});

type Step = { readonly minute: number } & (
  | { readonly kind: 'press' }
  | { readonly kind: 'program'; readonly ptm: Ptm | null; readonly doseMgPerDay: number }
  | { readonly kind: 'bolus' }
  | { readonly kind: 'stall' }
);
const stepArb: fc.Arbitrary<Step> = fc
  .tuple(
    fc.integer({ min: 0, max: 3 * 24 * 60 }),
    fc.oneof(
      { weight: 8, arbitrary: fc.constant({ kind: 'press' as const }) },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('program' as const),
          ptm: fc.option(ptmArb, { nil: null }),
          doseMgPerDay: fc.integer({ min: 1, max: 10 }),
        }),
      },
      { weight: 1, arbitrary: fc.constant({ kind: 'bolus' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'stall' as const }) },
    ),
  )
  .map(([minute, s]) => ({ minute, ...s }));

const actionOf = (s: Step): Action => {
  const at = formatDuration(s.minute * MIN);
  switch (s.kind) {
    case 'press':
      return { at, action: 'ptm.press' };
    case 'program':
      return { at, action: 'program', therapy: therapy(s.doseMgPerDay, s.ptm) };
    case 'bolus':
      return { at, action: 'bolus', kind: 'single', volumeMl: 0.02, duration: 'PT1H' };
    case 'stall':
      return { at, action: 'fault', kind: 'motorStall', until: formatDuration((s.minute + 120) * MIN) };
  }
};

const ptmScenarioArb = fc
  .record({ first: ptmArb, dose: fc.integer({ min: 1, max: 10 }), steps: fc.array(stepArb, { maxLength: 40 }) })
  .map(({ first, dose, steps }) => {
    const sorted = [...steps].sort((a, b) => a.minute - b.minute);
    const source: ScenarioSource = {
      format: 'itps-scenario/1',
      name: 'Random PTM history',
      duration: 'P4D',
      pump: {
        model: 'synchromed-ii-20',
        patientOpioidHistory: 'tolerant',
        reservoir: { volumeMl: 20, drug: 'morphine', concentrationMgPerMl: 10 },
        catheter: { implantedLengthCm: 40 },
        therapy: therapy(dose, first),
      },
      timeline: sorted.map(actionOf),
      checks: ['REQ-CONS-01', 'REQ-RES-01', 'REQ-RATE-01', 'REQ-ALM-01'],
    };
    return { source, first, sorted };
  });

describe('PTM in whole scenario runs', () => {
  it('REQ-PTM-01 (scenarios): presses, reprogramming, boluses and stalls keep every invariant, and never more boluses than the limits', () => {
    assertScenarioProperty(
      'REQ-PTM-01',
      ptmScenarioArb.map((x) => x.source),
      (source) => {
        const report = runScenario(source);
        // a clinician bolus may be refused (a stall, another bolus running); nothing else may
        const refused = report.refusals.filter((r) => !String(r.code).startsWith('bolus.'));
        if (report.series.length === 0 || report.violations.length > 0 || refused.length > 0) return false;
        // the limits in force at each instant, from the file: the last program at or before it
        const first = source.pump.therapy.mode === 'simple' ? source.pump.therapy.ptm : undefined;
        const programs = (source.timeline ?? []).flatMap((a, i) =>
          a.action === 'program' ? [{ i, at: a.at, ptm: a.therapy.mode === 'simple' ? a.therapy.ptm : undefined }] : [],
        );
        const pressTimes = (source.timeline ?? [])
          .map((a, i) => ({ a, i }))
          .filter(({ a }) => a.action === 'ptm.press');
        const given = report.events.filter((e) => e.type === 'ptm.bolus').map((e) => e.at);
        const pressed = report.events.filter((e) => e.type.startsWith('ptm.'));
        if (pressed.length !== pressTimes.length) return false;
        return pressed.every((press, k) => {
          if (press.type !== 'ptm.bolus') return true;
          const index = pressTimes[k]?.i ?? -1;
          const inForce = programs.filter((p) => p.i < index).at(-1);
          const limits = inForce === undefined ? first : inForce.ptm;
          if (limits === undefined) return false;
          const lockout = limits.lockout;
          const before = given.filter((t) => t < press.at).at(-1);
          const inDay = given.filter((t) => t > press.at - DAY && t <= press.at).length;
          return (before === undefined || press.at - before >= lockout) && inDay <= limits.maxPerDay;
        });
      },
      { numRuns: fc.readConfigureGlobal().numRuns ?? 40 },
    );
  });
});
