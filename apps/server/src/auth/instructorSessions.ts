import { randomBytes } from 'node:crypto';

/** How long an instructor stays signed in without using the console. */
export const INSTRUCTOR_SESSION_MS = 12 * 60 * 60_000;

/**
 * The instructor's signed-in browsers: a random token each, kept in memory only (a restart signs
 * everyone out), expiring after {@link INSTRUCTOR_SESSION_MS} unused.
 */
export class InstructorSessions {
  readonly #tokens = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** A new token for a browser that gave the right passphrase. */
  open(): string {
    const token = randomBytes(32).toString('base64url');
    this.#tokens.set(token, this.#now() + INSTRUCTOR_SESSION_MS);
    return token;
  }

  /** Whether `token` is a live session (and keeps it alive). */
  check(token: string | undefined): boolean {
    if (token === undefined) return false;
    const until = this.#tokens.get(token);
    if (until === undefined) return false;
    if (until < this.#now()) {
      this.#tokens.delete(token);
      return false;
    }
    this.#tokens.set(token, this.#now() + INSTRUCTOR_SESSION_MS);
    return true;
  }

  close(token: string): void {
    this.#tokens.delete(token);
  }
}
