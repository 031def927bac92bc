import fc from 'fast-check';
import { formatDuration, type ScenarioSource } from '../src/index.ts';

/** A timeline action as a file writes it. */
type ScenarioAction = NonNullable<ScenarioSource['timeline']>[number];

const HOUR = 3_600_000;
const at = (hours: number) => formatDuration(hours * HOUR);

/** Doses a 500 mcg/mL reservoir can run on every profile (the profiles' rate limits). */
const dose = fc.integer({ min: 25, max: 1500 });

/** One timeline action of a random kind, at t = 0 (`retime` moves it). */
const anyAction: fc.Arbitrary<ScenarioAction> = fc.oneof(
  fc.record({
    at: fc.constant(at(0)),
    action: fc.constant('refill' as const),
    withdrawMl: fc.constantFrom('all' as const, 0, 2),
    volumeMl: fc.integer({ min: 0, max: 20 }),
    concentrationMcgPerMl: fc.constant(500),
    needle: fc.constantFrom('reservoir' as const, 'reservoir' as const, 'pocket' as const, 'cap' as const),
  }),
  fc.record({
    at: fc.constant(at(0)),
    action: fc.constant('program' as const),
    therapy: fc.oneof(
      dose.map((doseMcgPerDay) => ({ mode: 'simple' as const, doseMcgPerDay })),
      fc.tuple(dose, dose).map(([a, b]) => ({
        mode: 'flex' as const,
        steps: [
          { start: '00:00', doseMcgPerDay: a },
          { start: '08:00', doseMcgPerDay: b },
        ],
      })),
      fc.constant({ mode: 'minimum' as const }),
      fc.constant({ mode: 'stopped' as const }),
    ),
    interrupt: fc.constantFrom('none' as const, 'beforeSend' as const, 'afterSend' as const),
  }),
  fc.record({
    at: fc.constant(at(0)),
    action: fc.constant('bolus' as const),
    kind: fc.constant('single' as const),
    doseMcg: fc.integer({ min: 10, max: 200 }),
    duration: fc.constantFrom('PT30M', 'PT2H'),
  }),
  fc.record({
    at: fc.constant(at(0)),
    action: fc.constant('setLowReservoirAlarm' as const),
    volumeMl: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    at: fc.constant(at(0)),
    action: fc.constant('fault' as const),
    kind: fc.constantFrom(
      'catheterOcclusion' as const,
      'catheterDisconnect' as const,
      'motorStall' as const,
      'lowBatteryReset' as const,
      'memoryError' as const,
    ),
  }),
  fc.record({
    at: fc.constant(at(0)),
    action: fc.constant('fault' as const),
    kind: fc.constant('tipMigration' as const),
    tip: fc.constantFrom('subdural' as const, 'epidural' as const, 'subcutaneous' as const),
    until: fc.constant(at(24)),
  }),
  fc.record({
    at: fc.constant(at(0)),
    action: fc.constant('mri' as const),
    duration: fc.constant('PT1H'),
    fieldT: fc.constantFrom(1.5, 3),
    recoveryDelay: fc.constantFrom('PT10M', 'PT2H'),
  }),
  fc.constant({ at: at(0), action: 'interrogate' as const }),
  // the pump replaced (accepted after a memory error or a motor stall; refused, with its reason, before)
  fc
    .record({
      model: fc.constantFrom('synchromed-ii-20' as const, 'synchromed-ii-40' as const, 'prometra-ii-20' as const),
      catheter: fc.constantFrom('kept' as const, 'new' as const),
      length: fc.integer({ min: 10, max: 100 }),
      volumeMl: fc.integer({ min: 0, max: 20 }),
      priming: fc.constantFrom('tubing' as const, 'tubingAndCatheter' as const, 'none' as const),
    })
    .map(
      ({ model, catheter, length, volumeMl, priming }): ScenarioAction => ({
        at: at(0),
        action: 'replace',
        model,
        catheter,
        ...(catheter === 'new' ? { newCatheterLengthCm: length } : {}),
        fill: { volumeMl, concentrationMcgPerMl: 500 },
        priming,
      }),
    ),
  // the clinician's programmer through the telemetry link, and needles at the pump (extensions)
  fc.record({
    at: fc.constant(at(0)),
    action: fc.constant('session' as const),
    do: fc.constant('edit' as const),
    doseMcgPerDay: fc.oneof(fc.integer({ min: 10, max: 400 }), fc.constantFrom(20, 25, 330, 2500, 3000)),
    concentrationMcgPerMl: fc.constantFrom(500, 500, 2000),
    bridge: fc.constantFrom('bridge' as const, 'none' as const),
    passFindings: fc.boolean(),
  }),
  fc.record({
    at: fc.constant(at(0)),
    action: fc.constant('session' as const),
    do: fc.constantFrom(
      'connect' as const,
      'disconnect' as const,
      'doseChange' as const,
      'passFindings' as const,
      'review' as const,
      'back' as const,
      'confirm' as const,
      'cancel' as const,
      'verify' as const,
      'retry' as const,
      'restart' as const,
    ),
  }),
  fc.record({
    at: fc.constant(at(0)),
    action: fc.constant('session' as const),
    do: fc.constant('draft' as const),
    doseMcgPerDay: fc.integer({ min: 10, max: 3000 }),
  }),
  fc.record({
    at: fc.constant(at(0)),
    action: fc.constant('link' as const),
    distanceCm: fc.integer({ min: 0, max: 400 }),
    interference: fc.constantFrom('none' as const, 'moderate' as const, 'severe' as const),
  }),
  fc.record({
    at: fc.constant(at(0)),
    action: fc.constant('link' as const),
    dropNext: fc.integer({ min: 1, max: 3 }),
    dropAfter: fc.integer({ min: 0, max: 4 }),
    lose: fc.constantFrom('message' as const, 'acknowledgement' as const),
  }),
  fc.record({
    at: fc.constant(at(0)),
    action: fc.constant('link' as const),
    disturbNext: fc.integer({ min: 1, max: 3 }),
    disturbAfter: fc.integer({ min: 0, max: 4 }),
    disturb: fc.constantFrom('duplicate' as const, 'late' as const, 'reorder' as const),
  }),
  fc.record({
    at: fc.constant(at(0)),
    action: fc.constant('needle' as const),
    withdrawMl: fc.constant('all' as const),
    volumeMl: fc.integer({ min: 0, max: 20 }),
    concentrationMcgPerMl: fc.constant(500),
    site: fc.constantFrom('reservoir' as const, 'pocket' as const, 'cap' as const),
  }),
);

/**
 * A link that drops, duplicates, delays or reorders some messages (or loses the pump's answers to
 * them) after letting some through, then a whole dose change sent over it and a reconnection.
 */
const dropThenEdit: fc.Arbitrary<ScenarioAction[]> = fc
  .record({
    count: fc.integer({ min: 1, max: 3 }),
    after: fc.integer({ min: 0, max: 4 }),
    fault: fc.constantFrom(
      'message' as const,
      'acknowledgement' as const,
      'duplicate' as const,
      'late' as const,
      'reorder' as const,
    ),
    doseMcgPerDay: fc.integer({ min: 100, max: 400 }),
    passFindings: fc.boolean(),
  })
  .map(({ count, after, fault, doseMcgPerDay, passFindings }) => [
    fault === 'message' || fault === 'acknowledgement'
      ? { at: at(0), action: 'link', dropNext: count, dropAfter: after, lose: fault }
      : { at: at(0), action: 'link', disturbNext: count, disturbAfter: after, disturb: fault },
    { at: at(0), action: 'session', do: 'edit', doseMcgPerDay, bridge: 'none', passFindings },
    { at: at(0), action: 'session', do: 'connect' },
  ]);

/** The action moved to an hour (a fault's end with it). */
const retime = (action: ScenarioAction, hour: number): ScenarioAction =>
  action.action === 'fault' && action.until !== undefined
    ? { ...action, at: at(hour), until: at(hour + 24) }
    : { ...action, at: at(hour) };

/**
 * Valid scenario files (format 1) with a random timeline of refills (some with the needle in the
 * wrong place), pump replacements, programming sessions (some interrupted), the clinician's programmer step by step
 * over a telemetry link that moves, drops and suffers interference, needles at the pump, boluses,
 * faults and scans over up to 60 days, with a seeded patient or none, every safety check listed. Shrinks toward fewer, earlier actions.
 */
export const scenarioArb: fc.Arbitrary<ScenarioSource> = fc
  .record({
    model: fc.constantFrom('synchromed-ii-20' as const, 'synchromed-ii-40' as const, 'prometra-ii-20' as const),
    doseMcgPerDay: dose,
    // each action drawn beside its hour (no chain), so shrinking drops actions and moves them earlier;
    // some come as a pair at one hour: a link armed to drop, then a whole edit over it
    timeline: fc.array(
      fc
        .tuple(
          fc.integer({ min: 0, max: 60 * 24 }),
          fc.oneof(
            anyAction.map((a) => [a]),
            dropThenEdit,
          ),
        )
        .map(([hour, actions]) => actions.map((action) => ({ hour, action: retime(action, hour) }))),
      { maxLength: 20, size: 'medium' },
    ),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    origin: fc.option(fc.constantFrom('spinal' as const, 'cerebral' as const, 'pediatric' as const), { nil: null }),
  })
  .map(
    ({ model, doseMcgPerDay, timeline, seed, origin }): ScenarioSource => ({
      format: 'itps-scenario/1',
      name: 'Random history',
      seed,
      duration: 'P62D',
      pump: {
        model,
        reservoir: { volumeMl: 18, drug: 'baclofen', concentrationMcgPerMl: 500 },
        catheter: { implantedLengthCm: 40 },
        therapy: { mode: 'simple', doseMcgPerDay },
      },
      ...(origin === null ? {} : { patient: { origin, variation: 'seeded' as const } }),
      timeline: timeline
        .flat()
        .sort((a, b) => a.hour - b.hour)
        .map((t) => t.action),
      checks: ['REQ-CONS-01', 'REQ-RES-01', 'REQ-RATE-01', 'REQ-ALM-01', 'REQ-SES-01', 'REQ-SES-02'],
    }),
  );

type Admixture = NonNullable<NonNullable<ScenarioSource['pump']['reservoir']['admixture']>>;

/** Other drugs beside the baclofen: none, morphine at 1, 10 or 25 mg/mL, ziconotide, or both. */
const admixtureArb = fc.option(
  fc.constantFrom<Admixture>(
    [{ drug: 'morphine', concentrationMgPerMl: 10 }],
    [{ drug: 'morphine', concentrationMgPerMl: 25 }],
    [{ drug: 'ziconotide', concentrationMcgPerMl: 100 }],
    [
      { drug: 'morphine', concentrationMgPerMl: 1 },
      { drug: 'ziconotide', concentrationMcgPerMl: 25 },
    ],
  ),
  { nil: undefined },
);

/**
 * {@link scenarioArb} with admixtures: the reservoir starts with baclofen alone or with other drugs,
 * and each refill and needle brings its own (so a drug's concentration changes, a drug comes or
 * goes), every drug written in its own unit.
 */
export const admixtureScenarioArb: fc.Arbitrary<ScenarioSource> = fc
  .tuple(scenarioArb, admixtureArb, fc.array(admixtureArb, { maxLength: 25 }))
  .map(([s, first, later]) => ({
    ...s,
    name: 'Random admixture history',
    pump: {
      ...s.pump,
      reservoir: { ...s.pump.reservoir, ...(first === undefined ? {} : { admixture: first }) },
    },
    timeline: (s.timeline ?? []).map((a, i) => {
      const admixture = later[i];
      return (a.action === 'refill' || a.action === 'needle') && admixture !== undefined ? { ...a, admixture } : a;
    }),
  }));
