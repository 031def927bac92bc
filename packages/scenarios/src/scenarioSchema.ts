import { type Milliseconds, STATE_INVARIANTS, type StateRequirement } from '@itps/core';
import * as z from 'zod';
import { DURATION_PATTERN, parseDuration, parseTimeOfDay } from './duration.ts';
import { CLINICAL_ACTIONS, SCREENING_ACTIONS } from './training/traineeActions.ts';
import { TRAINING_DIFFICULTIES, TRAINING_TOPICS } from './training/trainingTopics.ts';
import { SESSION_REQUIREMENTS } from './vocabulary.ts';

/** Text the file holds, parsed once into milliseconds here: every later stage gets numbers. */
const parsedText = (parse: (text: string) => Milliseconds | null, message: string, pattern: RegExp) =>
  // the pattern is what JSON Schema (itps schema) and editors see; the parser is the judge
  z
    .string()
    .regex(pattern, { message })
    .transform((text, ctx): Milliseconds => {
      const value = parse(text);
      if (value !== null) return value;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    });

/** An ISO 8601 duration, as milliseconds. */
const duration = parsedText(
  parseDuration,
  'an ISO 8601 duration with days, hours, minutes, seconds (P36DT1H30M)',
  DURATION_PATTERN,
);
/** A time of day HH:MM, as milliseconds after midnight. */
const clock = parsedText(parseTimeOfDay, 'a time of day HH:MM', /^\d{2}:\d{2}$/);
const ml = z.number().min(0).max(1000);
const mcgPerMl = z.number().int().min(1).max(2000);
const mcgPerDay = z.number().min(0).max(100_000);
// extensions of format 1: drugs shown in mg (morphine) carry their unit in the field's name; which
// field fits which drug, and each drug's own range, is checked after the schema (checkScenario)
const mgPerMl = z.number().positive().max(100);
const mgPerDay = z.number().min(0).max(100);
/** A drug of the library. */
const drug = z.enum(['baclofen', 'morphine', 'ziconotide']);
/** A concentration, in the one unit field that fits the drug (exactly one of them; checked after the schema). */
const concentrationFields = {
  concentrationMcgPerMl: mcgPerMl.optional(),
  concentrationMgPerMl: mgPerMl.optional(),
};
/** The other drugs of an admixture, each at its concentration. */
const admixture = z
  .array(
    z.strictObject({
      drug,
      concentrationMcgPerMl: z.number().int().min(1).max(100_000).optional(),
      concentrationMgPerMl: mgPerMl.optional(),
    }),
  )
  .min(1)
  .max(3);
/** A daily dose, in the one unit field that fits the program's lead drug. */
const doseFields = { doseMcgPerDay: mcgPerDay.optional(), doseMgPerDay: mgPerDay.optional() };

/**
 * Extension of format 1: the patient's therapy manager, programmed with the therapy. The bolus dose
 * in the one unit field that fits the lead drug (checked after the schema), its duration, the
 * lockout from one bolus's start to the next, and the most boluses in any 24 hours.
 */
const ptm = z.strictObject({
  bolusDoseMcg: z.number().positive().max(100_000).optional(),
  bolusDoseMg: z.number().positive().max(100).optional(),
  bolusDuration: duration,
  lockout: duration,
  maxPerDay: z.number().int().min(1).max(24),
});

const therapy = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('simple'), ...doseFields, ptm: ptm.optional() }),
  z.strictObject({
    mode: z.literal('flex'),
    steps: z
      .array(z.strictObject({ start: clock, ...doseFields }))
      .min(1)
      .max(48),
    ptm: ptm.optional(),
  }),
  z.strictObject({ mode: z.literal('minimum') }),
  z.strictObject({ mode: z.literal('stopped') }),
]);

const at = { at: duration };
const action = z.discriminatedUnion('action', [
  z.strictObject({
    ...at,
    action: z.literal('refill'),
    withdrawMl: z.union([ml, z.literal('all')]).optional(),
    volumeMl: ml,
    /** Extension: the drug in the syringe (the program's lead drug unless said). */
    drug: drug.optional(),
    ...concentrationFields,
    /** Extension: the other drugs in the syringe (none unless said). */
    admixture: admixture.optional(),
    needle: z.enum(['reservoir', 'pocket', 'cap']).optional(),
    entered: z.strictObject({ volumeMl: ml, ...concentrationFields, admixture: admixture.optional() }).optional(),
    bridgeBolus: z.boolean().optional(),
  }),
  z.strictObject({
    ...at,
    action: z.literal('program'),
    therapy,
    bridgeBolus: z.boolean().optional(),
    interrupt: z.enum(['none', 'beforeSend', 'afterSend']).optional(),
  }),
  z.strictObject({
    ...at,
    action: z.literal('bolus'),
    kind: z.enum(['single', 'priming', 'bridge']),
    doseMcg: z.number().min(0).max(100_000).optional(),
    /** Extension: the bolus dose in mg, for a morphine-led program (instead of doseMcg). */
    doseMg: z.number().min(0).max(100).optional(),
    volumeMl: ml.optional(),
    duration: duration.optional(),
  }),
  z.strictObject({ ...at, action: z.literal('setLowReservoirAlarm'), volumeMl: ml }),
  z.strictObject({
    ...at,
    action: z.literal('fault'),
    kind: z.enum([
      'catheterOcclusion',
      'catheterKink',
      'catheterDisconnect',
      'catheterLeak',
      'tipMigration',
      'motorStall',
      'lowBatteryReset',
      'memoryError',
    ]),
    until: duration.optional(),
    blockedPercent: z.number().min(0).max(100).optional(),
    period: duration.optional(),
    kinkedPercent: z.number().min(0).max(100).optional(),
    atCm: z.number().min(0).max(200).optional(),
    escapePercent: z.number().min(0).max(100).optional(),
    tip: z.enum(['intrathecal', 'subdural', 'epidural', 'subcutaneous']).optional(),
  }),
  z.strictObject({
    ...at,
    action: z.literal('mri'),
    duration,
    fieldT: z.number().min(0).max(10),
    recoveryDelay: duration.optional(),
  }),
  z.strictObject({ ...at, action: z.literal('interrogate') }),
  /** Extension: the patient presses the PTM handheld (given, locked out or refused, as the pump decides). */
  z.strictObject({ ...at, action: z.literal('ptm.press') }),
  // extensions of format 1: the clinician's programmer step by step, the telemetry link, a needle at the pump
  z.strictObject({
    ...at,
    action: z.literal('session'),
    do: z.enum([
      'connect',
      'disconnect',
      'doseChange',
      'draft',
      'passFindings',
      'review',
      'back',
      'confirm',
      'cancel',
      'verify',
      'retry',
      'restart',
      'edit',
    ]),
    doseMcgPerDay: mcgPerDay.optional(),
    concentrationMcgPerMl: mcgPerMl.optional(),
    bridge: z.enum(['bridge', 'none']).optional(),
    passFindings: z.boolean().optional(),
  }),
  z.strictObject({
    ...at,
    action: z.literal('link'),
    distanceCm: z.number().min(0).max(100_000).optional(),
    interference: z.enum(['none', 'moderate', 'severe']).optional(),
    dropNext: z.number().int().min(1).max(20).optional(),
    dropAfter: z.number().int().min(0).max(20).optional(),
    /** What each dropped exchange loses: the message on its way (default) or the pump's answer after it acted. */
    lose: z.enum(['message', 'acknowledgement']).optional(),
    /** The next `disturbNext` exchanges, after `disturbAfter` more: their message arrives twice, late, or after the next one. */
    disturbNext: z.number().int().min(1).max(20).optional(),
    disturbAfter: z.number().int().min(0).max(20).optional(),
    disturb: z.enum(['duplicate', 'late', 'reorder']).optional(),
  }),
  z.strictObject({
    ...at,
    action: z.literal('needle'),
    withdrawMl: z.union([ml, z.literal('all')]).optional(),
    volumeMl: ml,
    drug: drug.optional(),
    ...concentrationFields,
    admixture: admixture.optional(),
    site: z.enum(['reservoir', 'pocket', 'cap']),
  }),
  // extension: the pump replaced (at ERI or EOS, or early for a memory error or a motor stall)
  z.strictObject({
    ...at,
    action: z.literal('replace'),
    /** The new pump's model; its battery is new (age 0). */
    model: z.enum(['synchromed-ii-20', 'synchromed-ii-40', 'prometra-ii-20']),
    /** `kept`: the new pump on the implanted catheter (its old drug and faults as they are); `new`: a new catheter. */
    catheter: z.enum(['kept', 'new']),
    /** The new catheter's implanted length (required with `catheter: new`), at the file's volume per cm. */
    newCatheterLengthCm: z.number().min(0).max(200).optional(),
    /** What the new pump's empty reservoir is filled with before it is connected. */
    fill: z.strictObject({ volumeMl: ml, concentrationMcgPerMl: mcgPerMl }),
    /** The therapy entered into the new pump; the old pump's program when absent. */
    therapy: therapy.optional(),
    /** The priming bolus: the new pump's tubing only (on the table), tubing and catheter, or none. */
    priming: z.enum(['tubing', 'tubingAndCatheter', 'none']).optional(),
  }),
]);

const value = z.union([
  z.string(),
  z.number(),
  z.strictObject({ near: z.number(), within: z.number().min(0) }),
  z.strictObject({ min: z.number(), max: z.number() }),
]);

const expectation = z.union([
  z.strictObject({ at: duration, that: z.record(z.string(), value) }),
  z.strictObject({ event: z.string().min(1), between: z.tuple([duration, duration]) }),
  z.strictObject({ event: z.string().min(1), never: z.literal(true) }),
]);

const objective = z.union([
  z.strictObject({
    text: z.string().min(1),
    points: z.number().int().min(1).max(100).optional(),
    event: z.string().min(1),
    /** Extension: only an action with one of these details counts (`50 mcg`, `150 mcg/day`). */
    detail: z.union([z.string().min(1), z.array(z.string().min(1)).min(1).max(20)]).optional(),
    after: duration.optional(),
    before: duration.optional(),
  }),
  z.strictObject({
    text: z.string().min(1),
    points: z.number().int().min(1).max(100).optional(),
    never: z.string().min(1),
  }),
  z.strictObject({
    text: z.string().min(1),
    points: z.number().int().min(1).max(100).optional(),
    atEnd: z.record(
      z.string(),
      z.union([
        z.string(),
        z.number(),
        z.strictObject({ near: z.number(), within: z.number().min(0) }),
        z.strictObject({ min: z.number(), max: z.number() }),
      ]),
    ),
  }),
]);

/** The clinical actions a plan step may record (the bedside's, and the screening decision's). */
type PlanClinical = keyof typeof CLINICAL_ACTIONS | Exclude<keyof typeof SCREENING_ACTIONS, 'clinical.testDose'>;
const PLAN_CLINICAL = [
  ...Object.keys(CLINICAL_ACTIONS),
  ...Object.keys(SCREENING_ACTIONS).filter((name) => name !== 'clinical.testDose'),
] as [PlanClinical, ...PlanClinical[]];

/**
 * Extension: one step of an exercise's right plan, a trainee action at an instant, done through the
 * world's door as a trainee does it: read the pump on the programmer (`interrogate`), restart therapy
 * (`restart`), change the program, refill, give a bolus, set the low-reservoir alarm (each with the
 * values entered, as the timeline's action of that name), replace the pump in theatre through the
 * programmer's Replacement workflow (`replace`) and have the surgeon connect the catheter
 * (`connectCatheter`), give a test dose by lumbar puncture, or record a clinical action (with its
 * detail: the findings, the recommended starting dose).
 */
const planStep = z.discriminatedUnion('do', [
  z.strictObject({ ...at, do: z.literal('interrogate') }),
  z.strictObject({ ...at, do: z.literal('restart') }),
  z.strictObject({ ...at, do: z.literal('program'), therapy }),
  z.strictObject({
    ...at,
    do: z.literal('refill'),
    withdrawMl: z.union([ml, z.literal('all')]).optional(),
    volumeMl: ml,
    /** In the unit field that fits the pump's drug (`concentrationMgPerMl` for morphine; checked after the schema). */
    ...concentrationFields,
    /** The syringe's other drugs, each at its concentration in its own unit (as the timeline's refill). */
    admixture: admixture.optional(),
    needle: z.enum(['reservoir', 'pocket', 'cap']).optional(),
    entered: z.strictObject({ volumeMl: ml, ...concentrationFields, admixture: admixture.optional() }).optional(),
    bridgeBolus: z.boolean().optional(),
  }),
  z.strictObject({
    ...at,
    do: z.literal('bolus'),
    kind: z.enum(['single', 'priming', 'bridge']),
    doseMcg: z.number().min(0).max(100_000).optional(),
    volumeMl: ml.optional(),
    duration: duration.optional(),
  }),
  z.strictObject({ ...at, do: z.literal('setLowReservoirAlarm'), volumeMl: ml }),
  z.strictObject({
    ...at,
    do: z.literal('replace'),
    /** The new pump's model, as the trainee asks the surgeon for it. */
    model: z.enum(['synchromed-ii-20', 'synchromed-ii-40', 'prometra-ii-20']),
    /** `kept`: the new pump on the implanted catheter; `new`: a new catheter (its length required). */
    catheter: z.enum(['kept', 'new']),
    /** The new catheter's implanted length (with `catheter: new`), at the new model's volume per cm. */
    newCatheterLengthCm: z.number().min(0).max(200).optional(),
    /** What the new pump's empty reservoir is filled with through the refill needle. */
    fill: z.strictObject({ volumeMl: ml, concentrationMcgPerMl: mcgPerMl }),
    /** The priming bolus chosen in the Replacement workflow: the new pump's tubing only, tubing and catheter, or none. */
    priming: z.enum(['tubing', 'tubingAndCatheter', 'none']),
  }),
  z.strictObject({ ...at, do: z.literal('connectCatheter') }),
  z.strictObject({ ...at, do: z.literal('clinical.testDose'), doseMcg: z.number().min(0).max(100_000) }),
  z.strictObject({ ...at, do: z.enum(PLAN_CLINICAL), detail: z.string().min(1).max(200).optional() }),
]);

/** Extension of format 1: what makes a scenario a training exercise (docs/training.md). */
const training = z.strictObject({
  /** What the trainee is told at the start: who the patient is and why they are here. */
  brief: z.string().min(1),
  /** When the trainee meets the patient: the simulation runs unseen up to here (default t = 0). */
  visitAt: duration.optional(),
  /**
   * `screening`: the trial before an implant; the patient has no pump yet, the trainee gives test
   * doses by lumbar puncture at the bedside and decides (the programmer is not used). `theatre`
   * (extension): a pump replacement in theatre; the bedside offers the surgeon's steps (replace the
   * pump, connect the catheter). Default `implanted`.
   */
  phase: z.enum(['screening', 'implanted', 'theatre']).optional(),
  /** Teaching points shown in the debrief. */
  lesson: z.string().min(1).optional(),
  objectives: z.array(objective).min(1).max(20),
  /** A fault the pump cannot sense: when it starts and the clinical finding that detects it. */
  silentFault: z.strictObject({ at: duration, detectedBy: z.string().min(1) }).optional(),
  /**
   * Extension: the right plan, the trainee actions that answer the exercise, in time order from the
   * visit; replayed through the world's door it should score full marks (the authoring preview).
   */
  plan: z.array(planStep).max(200).optional(),
  /** Extension: what the exercise teaches, one topic or a list (the library is searched by it). */
  topic: z
    .union([z.enum(TRAINING_TOPICS), z.array(z.enum(TRAINING_TOPICS)).min(1).max(TRAINING_TOPICS.length)])
    .optional(),
  /** Extension: how hard the exercise is. */
  difficulty: z.enum(TRAINING_DIFFICULTIES).optional(),
});

/**
 * The schema of scenario format 1 (docs/scenario-format.md), in the file's own units; parsing
 * turns every duration and time of day into milliseconds and adds `timeOfDayAtStart`.
 */
export const scenarioSchema = z
  .strictObject({
    /** Extension: the JSON Schema this file is written against (`itps schema`), for editors; ignored by the runner. */
    $schema: z.string().max(2000).optional(),
    format: z.literal('itps-scenario/1'),
    name: z.string().min(1),
    seed: z.number().int().optional(),
    duration,
    startsAt: z
      .string()
      .refine((s) => parseTimeOfDay(s) !== null, { message: 'a wall-clock label YYYY-MM-DDTHH:MM' })
      .optional(),
    pump: z.strictObject({
      model: z.enum(['synchromed-ii-20', 'synchromed-ii-40', 'prometra-ii-20']),
      ageAtStart: duration.optional(),
      accuracy: z.enum(['exact', 'nominal']).optional(),
      /** Extension: the patient's name or identifier as entered in the pump at implant (read at interrogation). */
      patientId: z.string().trim().min(1).max(60).optional(),
      /** Extension: the patient's opioid history as entered in the pump's patient information (read at interrogation). */
      patientOpioidHistory: z.enum(['naive', 'tolerant', 'unknown']).optional(),
      reservoirDeadSpaceMl: ml.optional(),
      pumpTubingVolumeMl: ml.optional(),
      reservoir: z.strictObject({
        volumeMl: ml,
        drug,
        ...concentrationFields,
        /** Extension: the other drugs in the reservoir, each at its concentration. */
        admixture: admixture.optional(),
      }),
      lowReservoirAlarmMl: ml.optional(),
      catheter: z.strictObject({
        implantedLengthCm: z.number().min(0).max(200),
        volumeMlPerCm: z.number().min(0).max(0.1).optional(),
        tip: z.enum(['intrathecal', 'subdural', 'epidural', 'subcutaneous']).optional(),
        primedWith: z.enum(['reservoir', 'empty']).optional(),
      }),
      therapy,
    }),
    patient: z
      .strictObject({
        /** Extension: what the pump treats. `pain`: the model the pump's pain drug calls for (morphine's or ziconotide's). */
        condition: z.enum(['spasticity', 'pain']).optional(),
        /** The spasticity's origin: required for spasticity; with `pain`, the same person also treated for spasticity (an admixture with baclofen). */
        origin: z.enum(['spinal', 'cerebral', 'pediatric']).optional(),
        // extensions of format 1: who the patient is
        /** `seeded`: need and CSF half-life drawn from the origin's ranges with the scenario's seed. */
        variation: z.enum(['none', 'seeded']).optional(),
        needMcgPerDay: z.number().positive().max(5000).optional(),
        csfHalfLifeH: z.number().min(0.5).max(10).optional(),
        baselineAshworth: z.number().min(1).max(4).optional(),
        /** Extension, pain: opioids taken regularly before (`tolerant`) or not (`naive`, the default). */
        opioidHistory: z.enum(['naive', 'tolerant']).optional(),
        /** Extension, pain: the pain score (0-10) without the pump's drug. */
        baselinePain: z.number().min(1).max(10).optional(),
        /** Extension, pain: the intrathecal morphine dose that controls the pain. */
        opioidNeedMgPerDay: z.number().min(0.01).max(50).optional(),
        /** Extension, pain: the ziconotide dose that controls the pain. */
        ziconotideNeedMcgPerDay: z.number().min(0.1).max(30).optional(),
      })
      .superRefine((p, ctx) => {
        if (p.condition !== 'pain' && p.origin === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['origin'],
            message: 'a spasticity origin (spinal, cerebral or pediatric) for a patient treated for spasticity',
          });
      })
      .optional(),
    timeline: z.array(action).optional(),
    expect: z.array(expectation).optional(),
    /** Extension: safety requirements whose state invariants the runner checks after every step and sample. */
    checks: z
      .array(
        z.enum([...SESSION_REQUIREMENTS, ...(Object.keys(STATE_INVARIANTS) as StateRequirement[])] as [
          string,
          ...string[],
        ]),
      )
      .optional(),
    /** Extension: a training exercise, with objectives scored after the trainee's run. */
    training: training.optional(),
  })
  .transform((s) => ({
    ...s,
    /** The wall-clock time of day at t = 0, from `startsAt` (midnight without one). */
    timeOfDayAtStart: (s.startsAt === undefined ? 0 : (parseTimeOfDay(s.startsAt) ?? 0)) as Milliseconds,
  }));

/** One step of an exercise's right plan, validated (its instant in milliseconds). */
export type PlanStep = z.output<typeof planStep>;

/** A training objective as written. */
export type TrainingObjective = z.output<typeof objective>;

/** A scenario as written in a file (format 1): durations and times of day as text. */
export type ScenarioSource = z.input<typeof scenarioSchema>;
/** A validated scenario: every duration and time of day in milliseconds. */
export type ScenarioFile = z.output<typeof scenarioSchema>;
/** One timeline action as written. */
export type ScenarioAction = NonNullable<ScenarioFile['timeline']>[number];
/** One expectation as written. */
export type ScenarioExpectation = NonNullable<ScenarioFile['expect']>[number];
/** A therapy, validated (flex step starts in milliseconds after midnight). */
export type ScenarioTherapy = z.output<typeof therapy>;
/** PTM settings as written, validated (durations in milliseconds). */
export type ScenarioPtm = z.output<typeof ptm>;
/** A concentration as a file writes it: in mcg/mL or in mg/mL, whichever fits the drug. */
export type ConcentrationFields = {
  readonly concentrationMcgPerMl?: number | undefined;
  readonly concentrationMgPerMl?: number | undefined;
};
/** One admixed drug as written. */
export type AdmixturePart = z.output<typeof admixture>[number];
/** A daily dose as a file writes it: in mcg/day or in mg/day, whichever fits the lead drug. */
export type DoseFields = {
  readonly doseMcgPerDay?: number | undefined;
  readonly doseMgPerDay?: number | undefined;
};
