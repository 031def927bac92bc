import type { CommandResult, Milliseconds, TraineeView, WorldCommand, WorldSample, WorldState } from '@itps/core';
import type { ClassClock, SavedSession, TrainingDebrief, TrainingRecord } from '@itps/scenarios';

/** Why the world changed: a command a person gave (saved at once) or time running (saved now and then). */
export type ChangeKind = 'act' | 'time';

/** A scenario or exercise file as the app passes it around: its text and its name. */
export interface ScenarioSourceText {
  readonly text: string;
  readonly file: string;
}

/** What an exercise has recorded, as the trainee's surfaces show it (never its file or hidden timeline). */
export type ExerciseRecordView = Pick<TrainingRecord, 'trainee' | 'course' | 'screens' | 'debrief'>;

/** A trainee's device in a class: the class, whether the server is reachable, and the class clock. */
export interface ClassStatus {
  readonly name: string;
  readonly code: string;
  readonly connected: boolean;
  readonly clock: ClassClock;
  /** Why the seat cannot be taken up again (its class is gone): the device stops trying. */
  readonly lost?: string;
}

/** What plays onto the world besides time, as plain data every window can read. */
export interface StageInfo {
  /** The instructor's scenario whose timeline plays; null in a free session or an exercise. */
  readonly scenario: { readonly name: string } | null;
  /** The exercise running or finished; null when none. */
  readonly training: {
    readonly name: string;
    readonly brief: string;
    /** `screening`: the trial before an implant, at the bedside, with no pump to program. */
    readonly phase: 'screening' | 'implanted' | 'theatre';
    readonly record: ExerciseRecordView;
  } | null;
  /** The next instant the timeline does something; null when nothing is scheduled. */
  readonly nextStepAt: Milliseconds | null;
}

/**
 * The page's way into the one world: commands in, state and stage out, and the few operations that
 * replace what runs. The window that holds the world implements it directly (`LocalDoor`); every
 * other window of the same browser reaches that one over a channel (`RemoteDoor`), so an
 * instructor's console in one window and a trainee's programmer in another share one world.
 */
export interface WorldDoor {
  /** Bumped at every change. */
  readonly version: number;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (kind: ChangeKind) => void): () => void;
  /** The world now, as plain data (not on a trainee's device in a class, which has only {@link WorldDoor.trainee}). */
  state(): WorldState;
  /** What the trainee's surfaces show: the programmer, the bedside, the ward clock (the same object until a change). */
  trainee(): TraineeView;
  /** The class this device sits in, or null when the world is in this browser. */
  readonly classroom: ClassStatus | null;
  /** What plays onto it. */
  info(): StageInfo;
  /** The plots' series: samples by simulated time since the stage began, and the world now. */
  series(): readonly WorldSample[];
  /** Applies a command through the stage's door. */
  apply(command: WorldCommand, kind?: ChangeKind): Promise<CommandResult>;
  /** Plays an instructor's scenario from t = 0 (refused with the format's problems). */
  loadScenario(source: ScenarioSourceText): Promise<readonly string[]>;
  /** Starts an exercise from its file (refused with the format's problems, or for want of a patient). */
  startExercise(source: ScenarioSourceText): Promise<readonly string[]>;
  /** Runs the rest of the exercise's story and scores it. */
  finishExercise(): Promise<TrainingDebrief | null>;
  /** Leaves the exercise; the world goes on, free. */
  leaveExercise(): Promise<void>;
  /** Replaces everything with a saved session (refused with its problems). */
  restore(session: unknown, file: string): Promise<readonly string[]>;
  /** Forgets everything and starts a new free session. */
  startOver(): Promise<void>;
  /** The session as it is saved and exported. */
  session(): Promise<SavedSession>;
}
