/**
 * Thrown when code misuses the core (a non-integer quantity, an impossible transition).
 * Domain refusals are never thrown: they are returned as {@link Refusal} values.
 */
export class ItpsMisuseError extends Error {
  override readonly name = 'ItpsMisuseError';
  /** @param where the function that detected the misuse */
  constructor(where: string, message: string) {
    super(`${where}: ${message}`);
  }
}

/** Calls this in the default branch of an exhaustive switch; it cannot be reached at run time. */
export function assertNever(value: never, where: string): never {
  throw new ItpsMisuseError(where, `unexpected value ${JSON.stringify(value)}`);
}
