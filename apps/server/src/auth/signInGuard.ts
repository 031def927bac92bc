import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Sign-in (and set-up) attempts allowed from one address in a minute, right or wrong. */
export const SIGN_IN_PER_ADDRESS_PER_MIN = 5;
/** Sign-in attempts allowed on the whole server in a minute, from every address together. */
export const SIGN_IN_OVERALL_PER_MIN = 20;
/** Passphrases checked at the same moment (each is one scrypt, about 50 ms of a core). */
export const SIGN_IN_AT_ONCE = 2;

/** Why an attempt was not even checked. */
export interface SignInRefusal {
  readonly code: 'auth.tooMany' | 'auth.busy';
  readonly message: string;
}

/**
 * Holds the instructor's passphrase against guessing: every attempt (right or wrong, concurrent
 * ones included, since each is counted when it arrives) counts against its address's limit and the
 * server's overall one, kept by the maintained `@fastify/rate-limit`; and at most
 * {@link SIGN_IN_AT_ONCE} passphrases are checked at a time. An attempt over any bound is refused
 * before its passphrase is looked at.
 */
export class SignInGuard {
  readonly #perAddress: (request: FastifyRequest) => Promise<{ isAllowed: boolean; isExceeded?: boolean }>;
  readonly #overall: (request: FastifyRequest) => Promise<{ isAllowed: boolean; isExceeded?: boolean }>;
  #checking = 0;

  /** `app` has `@fastify/rate-limit` registered (with `global: false`). */
  constructor(app: FastifyInstance) {
    this.#perAddress = app.createRateLimit({ max: SIGN_IN_PER_ADDRESS_PER_MIN, timeWindow: 60_000 });
    this.#overall = app.createRateLimit({
      max: SIGN_IN_OVERALL_PER_MIN,
      timeWindow: 60_000,
      keyGenerator: () => 'every address',
    });
  }

  /**
   * Runs `check` (the passphrase's comparison) unless the attempt is over a bound: its result, or
   * the refusal. The attempt counts whatever happens next.
   */
  async attempt<T>(request: FastifyRequest, check: () => Promise<T>): Promise<T | SignInRefusal> {
    const own = await this.#perAddress(request);
    if (!own.isAllowed && own.isExceeded)
      return { code: 'auth.tooMany', message: 'Too many sign-in attempts from this device; wait a minute.' };
    const all = await this.#overall(request);
    if (!all.isAllowed && all.isExceeded)
      return { code: 'auth.tooMany', message: 'Too many sign-in attempts on this server; wait a minute.' };
    if (this.#checking >= SIGN_IN_AT_ONCE)
      return { code: 'auth.busy', message: 'The server is checking other sign-ins; try again in a moment.' };
    this.#checking += 1;
    try {
      return await check();
    } finally {
      this.#checking -= 1;
    }
  }
}

/** Whether an attempt's outcome is a refusal of the guard. */
export const isSignInRefusal = (value: unknown): value is SignInRefusal =>
  typeof value === 'object' &&
  value !== null &&
  'code' in value &&
  (value.code === 'auth.tooMany' || value.code === 'auth.busy');
