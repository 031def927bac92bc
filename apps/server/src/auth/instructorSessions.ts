import { createHash, randomBytes } from 'node:crypto';

/** How long an instructor stays signed in without using the console. */
export const INSTRUCTOR_SESSION_MS = 12 * 60 * 60_000;
/** A session's expiry is written again at most this often (a check in between only moves it in memory). */
const TOUCH_EVERY_MS = 60_000;

/** Where sessions are kept beyond the process: by the SHA-256 of their token, never the token. */
export interface SessionKeeper {
  saveSession(tokenHash: string, until: number): Promise<void>;
  sessionUntil(tokenHash: string): Promise<number | null>;
  removeSession(tokenHash: string): Promise<void>;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The instructor's signed-in browsers: a random token each, expiring after
 * {@link INSTRUCTOR_SESSION_MS} unused. Kept in the database (by the token's hash) when a keeper is
 * given, so a restart, or another server process, knows them; in memory only otherwise.
 */
export class InstructorSessions {
  /** Token hash -> until when it lasts, and when that was last written. */
  readonly #known = new Map<string, { until: number; written: number }>();
  readonly #now: () => number;
  readonly #keeper: SessionKeeper | null;

  constructor(now: () => number = Date.now, keeper: SessionKeeper | null = null) {
    this.#now = now;
    this.#keeper = keeper;
  }

  /** A new token for a browser that gave the right passphrase. */
  async open(): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.#now();
    const until = now + INSTRUCTOR_SESSION_MS;
    await this.#keeper?.saveSession(hash(token), until);
    this.#known.set(hash(token), { until, written: now });
    return token;
  }

  /** Whether `token` is a live session (and keeps it alive). */
  async check(token: string | undefined): Promise<boolean> {
    if (token === undefined) return false;
    const key = hash(token);
    const now = this.#now();
    let known = this.#known.get(key);
    if (this.#keeper !== null) {
      // the database is the truth: a sign-out in another process ends the session here too
      const until = await this.#keeper.sessionUntil(key);
      if (until === null) {
        this.#known.delete(key);
        return false;
      }
      known = { until: Math.max(until, known?.until ?? 0), written: known?.written ?? now };
    }
    if (known === undefined) return false;
    if (known.until < now) {
      this.#known.delete(key);
      await this.#keeper?.removeSession(key);
      return false;
    }
    const until = now + INSTRUCTOR_SESSION_MS;
    if (now - known.written >= TOUCH_EVERY_MS) {
      await this.#keeper?.saveSession(key, until);
      known = { until, written: now };
    } else known = { until, written: known.written };
    this.#known.set(key, known);
    return true;
  }

  /** Signs a browser out: its token no longer works, here or in any other process. */
  async close(token: string): Promise<void> {
    const key = hash(token);
    this.#known.delete(key);
    await this.#keeper?.removeSession(key);
  }
}
