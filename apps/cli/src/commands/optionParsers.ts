import { InvalidArgumentError } from 'commander';
import { REPORTERS, type ReporterName } from '../reporters/reporter.ts';

/** A seed: a safe whole number. */
export const parseSeed = (value: string): number => {
  if (!/^-?\d{1,16}$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new InvalidArgumentError(`expected a whole number, found ${JSON.stringify(value.slice(0, 40))}`);
  return Number(value);
};

/** A reporter's name. */
export const reporterName = (value: string): ReporterName => {
  if (!(REPORTERS as readonly string[]).includes(value))
    throw new InvalidArgumentError(
      `expected one of ${REPORTERS.join(', ')}, found ${JSON.stringify(value.slice(0, 40))}`,
    );
  return value as ReporterName;
};

/** A non-negative number (a tolerance). */
export const parseTolerance = (value: string): number => {
  const n = Number(value);
  if (!/^\d+(\.\d+)?(e-?\d+)?$/.test(value) || !Number.isFinite(n))
    throw new InvalidArgumentError(`expected a number at or above 0, found ${JSON.stringify(value.slice(0, 40))}`);
  return n;
};
