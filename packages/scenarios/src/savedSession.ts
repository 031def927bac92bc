import {
  checkPumpState,
  createWorld,
  type DeviceProfileId,
  deviceProfiles,
  logOf,
  OVERDOSE_STAGES,
  PATIENT_ORIGINS,
  type PumpLog,
  type PumpLogEntry,
  type SpasticityOrigin,
  STATE_INVARIANTS,
  type StateRequirement,
  WITHDRAWAL_STAGES,
  type WorldSnapshot,
} from '@itps/core';
import * as z from 'zod';
import { parseScenario } from './parseScenario.ts';
import { describeFound, formatProblem, type Problem } from './problem.ts';
import { drugIdSchema, programSchema } from './programSchema.ts';
import type { ScenarioFile } from './scenarioSchema.ts';
import type { TrainingRecord } from './training/trainingSession.ts';
import { zodProblems } from './zodProblems.ts';

/** The format of a saved session: a browser's session and an exported session file alike. */
export const SESSION_FORMAT = 'itps-session/2';

/** Largest session file accepted, in characters of JSON. */
export const MAX_SESSION_CHARS = 20_000_000;

/** A session as the app keeps it: the world, the scenario whose timeline plays on it, the exercise. */
export interface SavedSession {
  readonly format: typeof SESSION_FORMAT;
  readonly world: WorldSnapshot;
  /** The scenario file playing on the world (its text, parsed again on load); null in a free session. */
  readonly scenario: { readonly text: string; readonly file: string } | null;
  /** The training exercise in progress or finished; null when none. */
  readonly training: TrainingRecord | null;
}

/** A saved session, checked whole: the session with its scenario parsed, or every problem found. */
export type SessionLoad =
  | { readonly ok: true; readonly session: SavedSession; readonly scenario: ScenarioFile | null }
  | { readonly ok: false; readonly problems: readonly Problem[] };

const PROFILE_IDS = Object.keys(deviceProfiles) as [DeviceProfileId, ...DeviceProfileId[]];
const ORIGINS = Object.keys(PATIENT_ORIGINS) as [SpasticityOrigin, ...SpasticityOrigin[]];

const int = z.number().int().min(0);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().max(max);

const program = programSchema;
const tip = z.enum(['intrathecal', 'subdural', 'epidural', 'subcutaneous']);

const pumpInput = z.strictObject({
  profileId: z.enum(PROFILE_IDS),
  seed: z.number().int(),
  accuracy: z.enum(['exact', 'nominal']),
  timeOfDayAtStart: int,
  program,
  reservoirVolume: int,
  actualConcentration: int.optional(),
  lowReservoirThreshold: int.optional(),
  catheterVolume: int,
  pumpTubingVolume: int.optional(),
  primedWith: z.enum(['reservoir', 'empty']),
  ageAtStart: int,
  reservoirDeadSpace: int.optional(),
  tip: tip.optional(),
  patientId: text(60).optional(),
  patientOpioidHistory: z.enum(['naive', 'tolerant', 'unknown']).optional(),
});

const linkConditions = z.strictObject({
  distanceCm: z.number().min(0).max(1_000_000),
  interference: z.enum(['none', 'moderate', 'severe']),
});

/** A persisted XState snapshot: which state it is in and its context, as the machine wrote them. */
const machineSnapshot = (states: readonly [string, ...string[]]) =>
  z.looseObject({ status: z.literal('active'), value: z.enum(states), context: z.looseObject({}) });

const worldSnapshot = z.strictObject({
  format: z.literal('itps-world/1'),
  input: z.strictObject({
    pump: pumpInput,
    origin: z.enum(ORIGINS),
    link: linkConditions.optional(),
    linkProfile: z
      .strictObject({
        rangeCm: z.number().min(0),
        latencyMs: int,
        lossPpm: z.strictObject({ none: int, moderate: int, severe: int }),
        idleTimeoutMs: int,
        replyTimeoutMs: int.optional(),
      })
      .optional(),
    patient: z.looseObject({ origin: z.enum(ORIGINS), needMcgPerDay: z.number().positive() }).optional(),
    /** A patient treated for pain: their drug's model and its figures. */
    painPatient: z
      .looseObject({ drug: z.enum(['morphine', 'ziconotide']), needMcgPerDay: z.number().positive() })
      .optional(),
    startsAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
      .optional(),
  }),
  pump: machineSnapshot(['running', 'stopped', 'updating', 'endOfService', 'failed']),
  session: machineSnapshot([
    'disconnected',
    'connecting',
    'interrogating',
    'ready',
    'editing',
    'finish',
    'sending',
    'verifying',
    'incomplete',
  ]),
  patient: z.looseObject({ now: int }).nullable().optional(),
  /** Pumps taken out at a replacement (absent when none was). */
  explanted: z
    .array(
      z.strictObject({
        at: int,
        catheter: z.enum(['kept', 'new']),
        reading: z.looseObject({ serial: text(100) }),
        contents: z.looseObject({ volume: int }),
      }),
    )
    .max(1000)
    .optional(),
  painPatient: z
    .looseObject({ drug: z.enum(['morphine', 'ziconotide']), state: z.looseObject({ now: int }) })
    .nullable()
    .optional(),
  link: z.strictObject({
    conditions: linkConditions,
    rng: z.number().int().min(0).max(0xffff_ffff),
    forcedDrops: count,
    deliveriesBeforeDrop: count,
    dropPart: z.enum(['message', 'acknowledgement', 'duplicate', 'late', 'reorder']).optional(),
    lastActivity: int,
    /** The programmer's idle time in its user's time, once time ran at a pace (see `time.advance`). */
    idleMs: z.number().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    lastSent: count.optional(),
    pumpLastActed: count.optional(),
    inFlight: z
      .strictObject({ seq: count, event: z.looseObject({ type: text(100) }).nullable() })
      .nullable()
      .optional(),
    answerInFlight: count.nullable().optional(),
  }),
});

const source = z.strictObject({ text: text(2_000_000), file: text(500) });
const traineeAction = z.strictObject({ at: int, type: text(200), detail: text(500).optional() });
const coursePoint = z.strictObject({
  at: int,
  ashworth: z.number(),
  relativeEffect: z.number(),
  withdrawal: z.enum(WITHDRAWAL_STAGES),
  overdose: z.enum(OVERDOSE_STAGES),
  truthReservoirNl: int.optional(),
  beliefReservoirNl: int.optional(),
});
/** A pump program as a change keeps it: scoring reads its every field, so each is checked. */
const keptProgram = z.strictObject({
  drug: text(40),
  concentration: z.number().positive(),
  therapy: z.discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('simple'), dose: int }),
    z.strictObject({
      mode: z.literal('flex'),
      steps: z
        .array(z.strictObject({ startMinute: int, dose: int }))
        .min(1)
        .max(48),
    }),
    z.strictObject({ mode: z.literal('minimum') }),
    z.strictObject({ mode: z.literal('stopped') }),
  ]),
});
const concentrationOrNone = z.number().min(0).nullable();
/** A change the trainee made to the pump, kept for scoring. */
const pumpChange = z.discriminatedUnion('kind', [
  z.strictObject({
    at: int,
    kind: z.literal('program'),
    old: keptProgram,
    new: keptProgram,
    trueMcgPerMl: concentrationOrNone,
    refill: z.boolean(),
  }),
  z.strictObject({
    at: int,
    kind: z.literal('bolus'),
    bolus: z.enum(['single', 'priming', 'bridge']),
    volumeNl: int,
    programmedMcgPerMl: z.number().positive(),
    trueMcgPerMl: concentrationOrNone,
  }),
  z.strictObject({
    at: int,
    kind: z.literal('refill'),
    recordedNl: int,
    trueNl: int,
    programmedMcgPerMl: z.number().positive(),
    trueMcgPerMl: concentrationOrNone,
  }),
]);

/** The debrief a finished exercise keeps (also a kept result's). */
export const debriefSchema = z.strictObject({
  scenario: text(500),
  scorePercent: z.number().min(0).max(100),
  earned: z.number(),
  max: z.number().min(0),
  passed: z.boolean(),
  items: z
    .array(
      z.strictObject({
        kind: z.enum(['objective', 'detection', 'unsafe', 'truth', 'alarms']),
        text: text(1000),
        passed: z.boolean(),
        points: z.number(),
        max: z.number(),
        explanation: text(2000),
      }),
    )
    .max(100),
  timeline: z
    .array(z.strictObject({ at: int, lane: z.enum(['trainee', 'pump', 'patient', 'truth']), text: text(1000) }))
    .max(100_000),
  missed: z.array(text(2000)).max(100),
  timeToDetectMs: int.nullable(),
  lesson: text(5000).nullable(),
});

/** A replay screen: display-only, so its rows are checked for shape and size, the app formats them defensively. */
const programmerScreenSchema = z.strictObject({
  at: int,
  session: text(40),
  workflow: text(40).nullable(),
  pump: z
    .strictObject({
      drug: drugIdSchema.optional(),
      admixed: z
        .array(z.strictObject({ drug: drugIdSchema, concentration: z.number() }))
        .max(3)
        .optional(),
      concentration: z.number(),
      therapy: z.looseObject({ mode: z.enum(['simple', 'flex', 'minimum', 'stopped']) }),
      dose: z.number(),
      calculatedReservoir: z.number(),
      state: text(40),
      suspended: z.boolean(),
      alarms: z.array(text(40)).max(20),
      doseNow: z.strictObject({ dose: z.number(), reason: text(40), halted: z.boolean() }).optional(),
    })
    .nullable(),
  findings: z.array(z.strictObject({ code: text(100), message: text(1000) })).max(50),
  reviewBlockedBy: z.array(text(1000)).max(50),
  diff: z
    .array(z.looseObject({ field: text(40) }))
    .max(50)
    .nullable(),
  incomplete: z.boolean(),
  notice: text(2000).nullable(),
});

const trainingRecord = z.strictObject({
  format: z.literal('itps-training/2'),
  source,
  seed: z.number().int(),
  trainee: z.array(traineeAction).max(100_000),
  course: z.array(coursePoint).max(100_000),
  screens: z.array(programmerScreenSchema).max(2000).optional(),
  changes: z.array(pumpChange).max(100_000).optional(),
  debrief: debriefSchema.nullable(),
});

const sessionSchema = z.strictObject({
  format: z.literal(SESSION_FORMAT),
  world: worldSnapshot,
  scenario: source.nullable(),
  training: trainingRecord.nullable(),
});

const problem = (file: string, path: string, expected: string, found: string): Problem => ({
  file,
  path,
  expected,
  found,
});

/**
 * Checks a saved session whole before anything is restored: the shape of every part, the scenario
 * and the exercise's scenario parsed again as files are, and the world itself restored once on the
 * side and held to the pump's state invariants (conservation, reservoir bounds, rates, alarms). A
 * session that fails any check restores nothing. Never throws.
 */
export function parseSavedSession(value: unknown, file: string): SessionLoad {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return {
      ok: false,
      problems: [problem(file, '', `an ITPS session (format ${SESSION_FORMAT})`, describeFound(value))],
    };
  const format = (value as { format?: unknown }).format;
  if (format !== SESSION_FORMAT)
    return {
      ok: false,
      problems: [
        problem(
          file,
          'format',
          `an ITPS session file (format ${SESSION_FORMAT})`,
          format === undefined
            ? 'no format field'
            : `format ${describeFound(format)}${format === 'itps-world/1' ? ' (saved by an older version, which cannot be restored)' : ''}`,
        ),
      ],
    };
  const parsed = sessionSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: zodProblems(file, value, parsed.error.issues) };
  const log = pumpLogOf((parsed.data.world.pump.context as { pump?: { log?: unknown } }).pump?.log);
  if (log === null)
    return {
      ok: false,
      problems: [problem(file, 'world.pump.context.pump.log', 'the pump event log', 'something else')],
    };
  const saved = parsed.data as unknown as SavedSession;
  const pumpSnapshot = parsed.data.world.pump;
  const pumpContext = pumpSnapshot.context as { pump: Record<string, unknown> };
  // sessions saved before the log kept runs hold a plain list: carried over as the same entries
  const session: SavedSession = {
    ...saved,
    world: {
      ...saved.world,
      pump: { ...pumpSnapshot, context: { ...pumpContext, pump: { ...pumpContext.pump, log } } },
    } as unknown as WorldSnapshot,
  };
  const problems: Problem[] = [];
  let scenario: ScenarioFile | null = null;
  if (session.scenario !== null) {
    const s = parseScenario(session.scenario.text, session.scenario.file);
    if (s.ok) scenario = s.scenario;
    else problems.push(problem(file, 'scenario.text', 'a valid scenario', s.problems.map(formatProblem).join('; ')));
  }
  if (session.training !== null) {
    const t = parseScenario(session.training.source.text, session.training.source.file);
    if (t.ok) scenario ??= t.scenario;
    else
      problems.push(
        problem(file, 'training.source.text', 'a valid exercise scenario', t.problems.map(formatProblem).join('; ')),
      );
  }
  problems.push(...worldProblems(file, session.world));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, session, scenario };
}

const logEntry = z.strictObject({ at: int, type: text(100) });
const logRuns = z.strictObject({ runs: z.array(z.array(logEntry)), length: int });

/** A saved pump log (runs, or the plain list older versions wrote), or null when it is neither. */
function pumpLogOf(value: unknown): PumpLog | null {
  const list = z.array(logEntry).safeParse(value);
  if (list.success) return logOf(list.data as PumpLogEntry[]);
  const runs = logRuns.safeParse(value);
  if (!runs.success || runs.data.runs.reduce((n, r) => n + r.length, 0) !== runs.data.length) return null;
  return runs.data as unknown as PumpLog;
}

/** The world restored once on the side: it must restore, and its pump must hold every state invariant. */
function worldProblems(file: string, snapshot: WorldSnapshot): Problem[] {
  try {
    const world = createWorld(snapshot.input, snapshot).state();
    const found = checkPumpState(world.pump, Object.keys(STATE_INVARIANTS) as StateRequirement[]);
    const patientNow = world.patient?.state.now;
    const painNow = world.pain?.state.now;
    return [
      ...(painNow !== undefined && painNow !== world.now
        ? [problem(file, 'world.painPatient.state.now', `the pump's time (${world.now} ms)`, `${painNow} ms`)]
        : []),
      ...found.map((v) => problem(file, 'world.pump', `a pump that holds ${v.requirement}`, v.message)),
      ...(patientNow !== undefined && patientNow !== world.now
        ? [problem(file, 'world.patient.now', `the pump's time (${world.now} ms)`, `${patientNow} ms`)]
        : []),
    ];
  } catch (error) {
    return [problem(file, 'world', 'a world this version can restore', String(error).slice(0, 200))];
  }
}
