import fc from 'fast-check';
import type { DrugId } from '../drug/drug.ts';
import type { Solution } from '../drug/solution.ts';
import type { PumpUpdate } from '../pump/applyUpdate.ts';
import { averageProgramRate, batteryLifeAtRate } from '../pump/batteryLife.ts';
import type { CatheterFault } from '../pump/catheterFaults.ts';
import type { PumpInput } from '../pump/createPumpState.ts';
import { type DeviceProfileId, deviceProfiles, getDeviceProfile } from '../pump/deviceProfile.ts';
import { fluidAt, fluidOf } from '../pump/fluid.ts';
import { type FlexStep, MINUTES_PER_DAY, type PumpProgram, type Therapy } from '../pump/program.ts';
import type { McgPerMl, Milliseconds, Nanolitres, PicogramsPerDay } from '../units/quantity.ts';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../units/time.ts';
import type { PumpCommand } from './pumpCommand.ts';

/** Any device profile id. */
export const profileIdArb: fc.Arbitrary<DeviceProfileId> = fc.constantFrom(
  ...(Object.keys(deviceProfiles) as DeviceProfileId[]),
);

/** Baclofen concentrations: the stock ones most of the time, any custom dilution sometimes. */
export const concentrationArb: fc.Arbitrary<McgPerMl> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(50, 500, 1000, 2000) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2000 }) },
) as fc.Arbitrary<McgPerMl>;

/**
 * Concentrations of each drug (mcg/mL): baclofen's as {@link concentrationArb}; morphine's stock
 * 10 and 25 mg/mL, the 1 mg/mL of a dilution, or any whole mcg/mL up to 50 mg/mL; ziconotide's stock
 * 25 and 100 mcg/mL or any up to 100.
 */
export const drugConcentrationArb: Readonly<Record<DrugId, fc.Arbitrary<McgPerMl>>> = {
  baclofen: concentrationArb,
  morphine: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(1000, 10_000, 25_000) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 50_000 }) },
  ) as fc.Arbitrary<McgPerMl>,
  ziconotide: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(25, 100) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 100 }) },
  ) as fc.Arbitrary<McgPerMl>,
};

/** A solution: one drug, or an admixture of two or three different drugs, the lead drug first, each at its own concentration. */
export const solutionArb: fc.Arbitrary<Solution> = fc
  .shuffledSubarray(['baclofen', 'morphine', 'ziconotide'] as DrugId[], { minLength: 1, maxLength: 3 })
  .chain((drugs) =>
    fc.tuple(...drugs.map((d) => drugConcentrationArb[d].map((concentration) => ({ drug: d, concentration })))),
  )
  .map((parts) => parts as unknown as Solution);

/** Daily doses from 0 to 2500 mcg/day in whole mcg/day, plus odd picogram values. */
export const doseArb: fc.Arbitrary<PicogramsPerDay> = fc.oneof(
  fc.integer({ min: 0, max: 2500 }).map((mcg) => mcg * 1_000_000),
  fc.integer({ min: 0, max: 2_500_000_000 }),
) as fc.Arbitrary<PicogramsPerDay>;

/** Flex schedules of 1 to `maxSteps` steps, starting at 00:00, ascending. */
export const flexStepsArb = (maxSteps = 13): fc.Arbitrary<FlexStep[]> =>
  fc.uniqueArray(fc.integer({ min: 1, max: MINUTES_PER_DAY - 1 }), { maxLength: maxSteps - 1 }).chain((starts) => {
    const sorted = [0, ...starts.sort((a, b) => a - b)];
    return fc
      .tuple(...sorted.map(() => doseArb))
      .map((doses) => sorted.map((startMinute, i) => ({ startMinute, dose: doses[i] as PicogramsPerDay })));
  });

/** Any therapy, valid or not for a given pump. */
export const therapyArb: fc.Arbitrary<Therapy> = fc.oneof(
  { weight: 4, arbitrary: doseArb.map((dose) => ({ mode: 'simple' as const, dose })) },
  { weight: 3, arbitrary: flexStepsArb().map((steps) => ({ mode: 'flex' as const, steps })) },
  { weight: 1, arbitrary: fc.constant({ mode: 'minimum' as const }) },
  { weight: 1, arbitrary: fc.constant({ mode: 'stopped' as const }) },
);

/** Any baclofen program (it may be one the pump refuses). */
export const programArb: fc.Arbitrary<PumpProgram> = fc.record({
  drug: fc.constant('baclofen' as const),
  concentration: concentrationArb,
  therapy: therapyArb,
});

/**
 * A program the profile accepts: simple or flex doses chosen so every rate lies inside the
 * profile's limits, or minimum / stopped.
 */
export const validProgramArb = (profileId: DeviceProfileId): fc.Arbitrary<PumpProgram> => {
  const profile = getDeviceProfile(profileId);
  return concentrationArb.chain((concentration) => {
    const minDose = Math.max(1, profile.minRate) * concentration;
    const maxDose = Math.min(profile.maxRate * concentration, 2_500_000_000);
    const dose = fc.integer({ min: Math.min(minDose, maxDose), max: maxDose }) as fc.Arbitrary<PicogramsPerDay>;
    const therapy: fc.Arbitrary<Therapy> =
      minDose > maxDose
        ? fc.constant({ mode: 'minimum' as const })
        : fc.oneof(
            { weight: 4, arbitrary: dose.map((d) => ({ mode: 'simple' as const, dose: d })) },
            {
              weight: 3,
              arbitrary: fc
                .uniqueArray(fc.integer({ min: 1, max: MINUTES_PER_DAY - 1 }), { maxLength: profile.maxFlexSteps - 1 })
                .chain((starts) => {
                  const sorted = [0, ...starts.sort((a, b) => a - b)];
                  return fc.array(dose, { minLength: sorted.length, maxLength: sorted.length }).map((doses) => ({
                    mode: 'flex' as const,
                    steps: sorted.map((startMinute, i) => ({ startMinute, dose: doses[i] as PicogramsPerDay })),
                  }));
                }),
            },
            { weight: 1, arbitrary: fc.constant({ mode: 'minimum' as const }) },
            { weight: 1, arbitrary: fc.constant({ mode: 'stopped' as const }) },
          );
    return therapy.map((t) => ({ drug: 'baclofen' as const, concentration, therapy: t }));
  });
};

/**
 * A pump at t = 0 with a valid program, any fill, catheter and battery age (as a fraction of the
 * battery's life at the program's flow; `nearEndOfLife` puts ERI within the next 120 days).
 */
export const pumpInputArb = (options: { readonly nearEndOfLife?: boolean } = {}): fc.Arbitrary<PumpInput> =>
  profileIdArb.chain((profileId) => {
    const profile = getDeviceProfile(profileId);
    const range = profile.lowReservoirThresholdRange;
    return validProgramArb(profileId).chain((program) => {
      const life = batteryLifeAtRate(profile, averageProgramRate(program, profile));
      const age = options.nearEndOfLife
        ? fc.integer({ min: Math.max(0, life - 120 * MS_PER_DAY), max: life - 1 })
        : fc.integer({ min: 0, max: Math.floor(life * 0.6) });
      return fc.record({
        profileId: fc.constant(profileId),
        seed: fc.integer(),
        accuracy: fc.constantFrom('exact' as const, 'nominal' as const),
        timeOfDayAtStart: fc.integer({ min: 0, max: MS_PER_DAY - 1 }) as fc.Arbitrary<Milliseconds>,
        program: fc.constant(program),
        reservoirVolume: fc.integer({ min: 0, max: profile.capacity }) as fc.Arbitrary<Nanolitres>,
        lowReservoirThreshold: fc.integer({ min: range.min, max: range.max }) as fc.Arbitrary<Nanolitres>,
        catheterVolume: fc.integer({ min: 0, max: 400_000 }) as fc.Arbitrary<Nanolitres>,
        primedWith: fc.constantFrom('reservoir' as const, 'empty' as const),
        ageAtStart: age as fc.Arbitrary<Milliseconds>,
      });
    });
  });

/** A wait of up to `maxDays`, mostly short, sometimes long. */
export const waitArb = (maxDays: number): fc.Arbitrary<PumpCommand> =>
  fc
    .oneof(
      fc.integer({ min: 1, max: MS_PER_HOUR }),
      fc.integer({ min: MS_PER_MINUTE, max: MS_PER_DAY }),
      fc.integer({ min: MS_PER_DAY, max: maxDays * MS_PER_DAY }),
    )
    .map((ms) => ({ kind: 'wait' as const, ms }));

/** Options for the commands of a random history. */
export interface HistoryOptions {
  readonly minCommands?: number;
  readonly maxCommands?: number;
  readonly maxWaitDays?: number;
  readonly nearEndOfLife?: boolean;
  /** Include boluses, faults, MRI scans and misplaced needles (default true). */
  readonly faults?: boolean;
  /** Include leaks that let only part of the flow escape (default true). */
  readonly partialLeaks?: boolean;
  /** Include pump replacements and catheter connections (default false: the reference pump does not model them). */
  readonly replacements?: boolean;
  /**
   * Start with any solution in the pump (one drug or an admixture) and refill with any: admixtures,
   * a drug's concentration changed, another drug put in (default false: baclofen alone).
   */
  readonly drugs?: boolean;
}

/** Catheter faults, with figures that fit a catheter of up to `catheterVolume`. */
export const catheterFaultArb = (catheterVolume: number, partialLeaks = true): fc.Arbitrary<CatheterFault> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('occlusion' as const),
      blockedPpm: fc.oneof(fc.constant(1_000_000), fc.integer({ min: 0, max: 1_000_000 })),
    }),
    fc
      .record({
        periodMs: fc.integer({ min: MS_PER_MINUTE, max: MS_PER_DAY }),
        share: fc.integer({ min: 0, max: 100 }),
      })
      .map(({ periodMs, share }) => ({
        kind: 'kink' as const,
        periodMs,
        kinkedMs: Math.floor((periodMs * share) / 100),
      })),
    fc.constant({ kind: 'disconnect' as const }),
    fc.record({
      kind: fc.constant('fracture' as const),
      atVolume: fc.integer({ min: 0, max: catheterVolume }) as fc.Arbitrary<Nanolitres>,
    }),
    ...(partialLeaks
      ? [
          fc.record({
            kind: fc.constant('leak' as const),
            atVolume: fc.integer({ min: 0, max: catheterVolume }) as fc.Arbitrary<Nanolitres>,
            escapePpm: fc.integer({ min: 0, max: 1_000_000 }),
          }),
        ]
      : []),
    fc.record({
      kind: fc.constant('tipMigration' as const),
      tip: fc.constantFrom('subdural' as const, 'epidural' as const, 'subcutaneous' as const, 'intrathecal' as const),
    }),
  );

/** Commands a history is made of, for a given pump: waits, refills, updates, stops, starts and (optionally) boluses and faults. */
export const pumpCommandArb = (
  profileId: DeviceProfileId,
  maxWaitDays = 60,
  options: {
    readonly faults?: boolean;
    readonly partialLeaks?: boolean;
    readonly catheterVolume?: number;
    readonly replacements?: boolean;
    /** Refills with any solution (one drug or an admixture of several) instead of baclofen alone. */
    readonly drugs?: boolean;
  } = {},
): fc.Arbitrary<PumpCommand> => {
  const profile = getDeviceProfile(profileId);
  const volume = fc.integer({ min: 0, max: profile.capacity + 1_000_000 }) as fc.Arbitrary<Nanolitres>;
  const update: fc.Arbitrary<PumpUpdate> = fc.record(
    {
      program: fc.oneof(validProgramArb(profileId), programArb),
      calculatedReservoir: volume,
      lowReservoirThreshold: fc.integer({ min: 0, max: 12_000_000 }) as fc.Arbitrary<Nanolitres>,
    },
    { requiredKeys: [] },
  );
  const basic: fc.WeightedArbitrary<PumpCommand>[] = [
    { weight: 10, arbitrary: waitArb(maxWaitDays) },
    {
      weight: 4,
      arbitrary: fc.record(
        {
          kind: fc.constant('refill' as const),
          aspirate: fc.oneof(fc.constant('all' as const), volume),
          inject:
            options.drugs === true
              ? fc.record({ volume, solution: solutionArb }).map(({ volume: v, solution }) => fluidOf(v, solution))
              : fc
                  .record({ volume, concentration: concentrationArb })
                  .map(({ volume: v, concentration }) => fluidAt(v, concentration)),
          record: volume,
          site: fc.constantFrom(
            'reservoir' as const,
            'reservoir' as const,
            'pocket' as const,
            'catheterAccessPort' as const,
          ),
        },
        {
          requiredKeys:
            options.faults === false
              ? ['kind', 'aspirate', 'inject', 'record']
              : ['kind', 'aspirate', 'inject', 'record', 'site'],
        },
      ),
    },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('update' as const), update, abandon: fc.boolean() }) },
    { weight: 2, arbitrary: fc.constant({ kind: 'stop' as const }) },
    { weight: 2, arbitrary: fc.constant({ kind: 'start' as const }) },
  ];
  if (options.faults === false) return fc.oneof(...basic);
  const catheterVolume = options.catheterVolume ?? 400_000;
  const faults: fc.WeightedArbitrary<PumpCommand>[] = [
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('bolus' as const),
        bolus: fc.record({
          kind: fc.constantFrom('single' as const, 'priming' as const, 'bridge' as const),
          volume: fc.integer({ min: 0, max: 2_000_000 }) as fc.Arbitrary<Nanolitres>,
          durationMs: fc.integer({ min: 0, max: 3 * MS_PER_DAY }),
        }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'cancelBolus' as const }) },
    {
      weight: 3,
      arbitrary: catheterFaultArb(catheterVolume, options.partialLeaks ?? true).map((fault) => ({
        kind: 'catheterFault' as const,
        fault,
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          'occlusion' as const,
          'kink' as const,
          'disconnect' as const,
          'leak' as const,
          'fracture' as const,
          'tipMigration' as const,
        )
        .map((fault) => ({ kind: 'endCatheterFault' as const, fault })),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('motorStall' as const),
        recoversAfterMs: fc.oneof(
          fc.constant(null),
          fc.constant('drawn' as const),
          fc.integer({ min: 1, max: 3 * MS_PER_DAY }),
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('mri' as const),
        scan: fc.record({
          durationMs: fc.integer({ min: 10 * MS_PER_MINUTE, max: 2 * MS_PER_HOUR }),
          fieldMilliTesla: fc.constantFrom(1500, 3000),
          recoveryDelayMs: fc.oneof(fc.constant('drawn' as const), fc.integer({ min: 0, max: 24 * MS_PER_HOUR })),
        }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'interrogate' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'lowBatteryReset' as const }) },
  ];
  const rare: fc.WeightedArbitrary<PumpCommand>[] = [
    { weight: 1, arbitrary: fc.constant({ kind: 'memoryError' as const }) },
  ];
  if (options.replacements !== true) return fc.oneof(...basic, ...faults, ...rare);
  return fc.oneof(...basic, ...faults, ...rare, ...replacementArbs(catheterVolume));
};

/** A replacement (any model, kept or new catheter, blank or prepared) and the surgeon's connection. */
function replacementArbs(catheterVolume: number): fc.WeightedArbitrary<PumpCommand>[] {
  const replacement = fc
    .record({
      profileId: fc.constantFrom('synchromed-ii-20' as const, 'synchromed-ii-40' as const, 'prometra-ii-20' as const),
      catheter: fc.constantFrom('kept' as const, 'new' as const),
      newCatheterVolume: fc.integer({ min: 1, max: Math.max(1, catheterVolume) }) as fc.Arbitrary<Nanolitres>,
      prepared: fc.boolean(),
      fill: fc.integer({ min: 0, max: 20_000_000 }),
      concentration: concentrationArb,
      tubingPrimed: fc.boolean(),
    })
    .chain((r) =>
      validProgramArb(r.profileId).map((program) => ({
        kind: 'replace' as const,
        replacement: {
          profileId: r.profileId,
          catheter: r.catheter,
          ...(r.catheter === 'new' ? { newCatheterVolume: r.newCatheterVolume } : {}),
          ...(r.prepared
            ? {
                prepared: {
                  fill: fluidAt(r.fill as Nanolitres, r.concentration as McgPerMl),
                  program,
                  catheterVolumeEntered: r.newCatheterVolume,
                  tubingPrimed: r.tubingPrimed,
                },
              }
            : {}),
        },
      })),
    );
  return [
    { weight: 8, arbitrary: replacement },
    { weight: 6, arbitrary: fc.constant({ kind: 'connect' as const }) },
  ];
}

/** A pump and a history of commands for it. */
export const pumpHistoryArb = (
  options: HistoryOptions = {},
): fc.Arbitrary<{ input: PumpInput; commands: PumpCommand[] }> =>
  pumpInputArb(options.nearEndOfLife === undefined ? {} : { nearEndOfLife: options.nearEndOfLife }).chain((input) =>
    fc.record({
      input:
        options.drugs === true
          ? solutionArb.map((actualSolution): PumpInput => ({ ...input, actualSolution }))
          : fc.constant(input),
      commands: fc.array(
        pumpCommandArb(input.profileId, options.maxWaitDays ?? 60, {
          ...(options.faults === undefined ? {} : { faults: options.faults }),
          ...(options.partialLeaks === undefined ? {} : { partialLeaks: options.partialLeaks }),
          ...(options.replacements === undefined ? {} : { replacements: options.replacements }),
          ...(options.drugs === undefined ? {} : { drugs: options.drugs }),
          catheterVolume: input.catheterVolume,
        }),
        { minLength: options.minCommands ?? 0, maxLength: options.maxCommands ?? 30 },
      ),
    }),
  );
