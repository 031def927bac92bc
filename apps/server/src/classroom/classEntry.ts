import type { WorldCommand } from '@itps/core';
import type { ClassSpeed, LibraryRef } from '@itps/scenarios';
import type { Trainee } from '../db/recordStore.ts';

/** The exercise a class was opened with, whole: a class is rebuilt from this text, not from today's file. */
export interface ClassExerciseText {
  readonly file: string;
  readonly text: string;
  readonly version: string;
  /** The library exercise and version it is (absent for a shipped exercise). */
  readonly library?: LibraryRef;
}

/**
 * One line of a class's log: a class event or a trainee's command, as the class accepted it. A class
 * is these lines in order: {@link Classroom.apply} is the one function that changes a class, live and
 * when the class is rebuilt, so the two cannot differ. Real instants (`at`, epoch ms) are in the line
 * because they are the server's to give, never read again while replaying.
 */
export type ClassEntry =
  /** The class opened (always line 0). */
  | {
      readonly k: 'open';
      readonly id: string;
      readonly code: string;
      readonly joinUrl: string;
      readonly at: number;
      readonly exercise: ClassExerciseText;
    }
  /** A trainee sat down. */
  | {
      readonly k: 'join';
      readonly at: number;
      readonly seatId: string;
      readonly tokenHash: string;
      readonly trainee: Trainee;
    }
  /** A trainee's device left (connected false) or came back. */
  | { readonly k: 'link'; readonly at: number; readonly seatId: string; readonly connected: boolean }
  /** The class clock moved to `elapsed` simulated ms, and every seat with it. */
  | { readonly k: 'tick'; readonly elapsed: number }
  /** A trainee's checked command, through their exercise's door (`id`: the number their device gave it). */
  | { readonly k: 'command'; readonly seatId: string; readonly id: number; readonly command: WorldCommand }
  /** The instructor ran or paused the clock (at a speed). */
  | { readonly k: 'control'; readonly at: number; readonly action: 'run' | 'pause'; readonly speed?: ClassSpeed }
  /** The instructor injected a fault (by its id) into one seat or all. */
  | { readonly k: 'inject'; readonly at: number; readonly target: string; readonly fault: string }
  /** A trainee finished their exercise; its record is `recordId`. */
  | { readonly k: 'finish'; readonly at: number; readonly seatId: string; readonly recordId: string }
  /** The instructor locked the class (no one joins) or opened it again. */
  | { readonly k: 'lock'; readonly at: number; readonly locked: boolean }
  /** The instructor took a seat out; its exercise finished and recorded first as `recordId` when not null. */
  | { readonly k: 'remove'; readonly at: number; readonly seatId: string; readonly recordId: string | null }
  /** The instructor ended the class: every unfinished seat finished, with the record ids given. */
  | { readonly k: 'end'; readonly at: number; readonly recordIds: Readonly<Record<string, string>> };
