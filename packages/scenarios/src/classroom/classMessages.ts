import type { CommandResult, InstructorView, Milliseconds, TraineeView } from '@itps/core';
import * as z from 'zod';
import { formatProblem } from '../problem.ts';
import type { ProgrammerScreen } from '../training/programmerScreen.ts';
import type { TrainingDebrief } from '../training/scoreTraining.ts';
import type { TraineeAction } from '../training/traineeActions.ts';
import type { TrainingRecord } from '../training/trainingSession.ts';
import { zodProblems } from '../zodProblems.ts';
import type { LibraryRef } from './classRecords.ts';
import type { ViewDeltaOp } from './viewDelta.ts';

/** The largest message a classroom client may send (bytes); the server's socket refuses larger frames. */
export const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;

/** How fast the class clock may run: simulated milliseconds per real millisecond. */
export const CLASS_SPEEDS = [1, 60, 3600] as const;
export type ClassSpeed = (typeof CLASS_SPEEDS)[number];

const id = z.string().min(1).max(100);

/** Everything a classroom client may send, checked before it touches a world. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  /** A trainee joins a class by its code, under the name they give (and their device's key, if it has one). */
  z.strictObject({
    type: z.literal('join'),
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{4,8}$/),
    name: z.string().trim().min(1).max(60),
    traineeKey: z.string().min(1).max(100).optional(),
  }),
  /** A trainee's device comes back to its seat (after a reload or a lost connection). */
  z.strictObject({ type: z.literal('resume'), seat: id }),
  /** A trainee's command; `command` is checked against the trainee's commands separately. */
  z.strictObject({
    type: z.literal('command'),
    id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    command: z.unknown(),
  }),
  /** A trainee finishes their exercise (scored, recorded, debriefed). */
  z.strictObject({ type: z.literal('finish') }),
  /** The instructor's console signs this connection in with its session token. */
  z.strictObject({ type: z.literal('instructor'), token: id }),
  /** The instructor watches a class, and one seat of it closely (or none). */
  z.strictObject({ type: z.literal('watch'), classId: id, seatId: id.nullable() }),
  /** The instructor runs, pauses or ends a class, at a speed; or locks it (no one joins) and opens it again. */
  z.strictObject({
    type: z.literal('control'),
    classId: id,
    action: z.enum(['run', 'pause', 'end', 'lock', 'unlock']),
    speed: z.literal(CLASS_SPEEDS).optional(),
  }),
  /** The instructor removes a seat from a class (a fake join, a trainee who left). */
  z.strictObject({ type: z.literal('remove'), classId: id, seatId: id }),
  /** The instructor injects a fault (by its id in FAULT_CHOICES) into one seat or all of them. */
  z.strictObject({ type: z.literal('inject'), classId: id, seatId: z.union([id, z.literal('all')]), fault: id }),
]);

/** A message from a classroom client, checked. */
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** A client's message checked whole: the message, or what was wrong with it. */
export type ClientMessageCheck =
  | { readonly ok: true; readonly message: ClientMessage }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Checks a client's message (already parsed from JSON). */
export function parseClientMessage(value: unknown): ClientMessageCheck {
  const parsed = clientMessageSchema.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data };
  return { ok: false, problems: zodProblems('message', value, parsed.error.issues).map(formatProblem) };
}

/** The exercise as a trainee's device may show it: never its file, its hidden timeline or the patient's course. */
export interface TraineeExercise {
  readonly name: string;
  readonly brief: string;
  readonly phase: 'screening' | 'implanted' | 'theatre';
  /** What the trainee did, as the exercise recorded it. */
  readonly trainee: readonly TraineeAction[];
  /** Once finished: the debrief, the patient's course and the programmer's screens, for the debrief page. */
  readonly debrief: TrainingDebrief | null;
  readonly course: TrainingRecord['course'];
  readonly screens: readonly ProgrammerScreen[];
}

/** How the class clock stands. */
export interface ClassClock {
  readonly running: boolean;
  readonly speed: ClassSpeed;
  readonly ended: boolean;
}

/** One seat of a class as the instructor's class view lists it. */
export interface SeatSummary {
  readonly seatId: string;
  readonly name: string;
  readonly connected: boolean;
  readonly now: Milliseconds;
  /** Where they are: the programmer's state and workflow, or finished. */
  readonly where: string;
  readonly lastAction: string | null;
  readonly actions: number;
  /** Alarms the pump is sounding, by name. */
  readonly sounding: readonly string[];
  /** The score if the exercise were finished now (or its final score); null before it is first worked out. */
  readonly scorePercent: number | null;
  readonly finished: boolean;
  /** The stored record of the finished exercise, to open its debrief. */
  readonly recordId: string | null;
  /** Whether the instructor injected a fault that the trainee has not been told of. */
  readonly faults: readonly string[];
  /** The patient's withdrawal and overdose stages now (null without a patient): the console marks a patient in danger. */
  readonly patient?: { readonly withdrawal: string; readonly overdose: string } | null;
}

/** A class as the instructor's class view shows it. */
export interface ClassView {
  readonly classId: string;
  readonly code: string;
  readonly exercise: {
    readonly file: string;
    readonly name: string;
    readonly version: string;
    /** The library exercise and version the class was opened with; null for a shipped exercise. */
    readonly library?: LibraryRef | null;
  };
  readonly joinUrl: string;
  readonly expiresAt: string;
  readonly clock: ClassClock;
  /** Whether the instructor locked the class: no one joins until it is opened again. */
  readonly locked: boolean;
  readonly seats: readonly SeatSummary[];
}

/** Everything the server sends a classroom client. */
export type ServerMessage =
  /** A message was refused: what it was about, and why; nothing was changed. */
  | { readonly type: 'error'; readonly code: string; readonly message: string; readonly about?: string }
  /** The device sits in a class: the seat to come back to, and the trainee's key for their records. */
  | {
      readonly type: 'joined';
      readonly seat: string;
      readonly traineeKey: string | null;
      readonly name: string;
      readonly code: string;
    }
  /** What the trainee's devices show now, whole; `version` numbers the views sent on this connection. */
  | {
      readonly type: 'trainee';
      readonly view: TraineeView;
      readonly exercise: TraineeExercise;
      readonly clock: ClassClock;
      readonly version?: number;
    }
  /**
   * What the trainee's devices show now, as its changes (JSON Patch) against the view of version
   * `base` sent before on this connection; a device that does not hold `base` reconnects.
   */
  | {
      readonly type: 'traineeDelta';
      readonly base: number;
      readonly version: number;
      readonly ops: readonly ViewDeltaOp[];
    }
  /** The answer to a trainee's command. */
  | { readonly type: 'result'; readonly id: number; readonly result: CommandResult }
  /** The instructor is signed in on this connection. */
  | { readonly type: 'instructor'; readonly ok: true }
  /** The class the instructor watches. */
  | { readonly type: 'class'; readonly view: ClassView }
  /** The seat the instructor watches closely: truth beside belief, and the trainee's screen. */
  | {
      readonly type: 'seat';
      readonly seatId: string;
      readonly name: string;
      readonly view: InstructorView;
      /** The seat's calendar date at t = 0, to write its instants by. */
      readonly startsAt: string | null;
    };
