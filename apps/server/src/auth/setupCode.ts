import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read off a terminal. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A new one-time set-up code: 12 characters in three groups (`ABCD-EFGH-JKMN`, 60 bits), printed
 * in the server's terminal at a first start, so that only someone who can read that terminal sets
 * the instructor passphrase.
 */
export function newSetupCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g += 1) {
    let group = '';
    for (let i = 0; i < 4; i += 1) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** A code as typed: upper case, without spaces or dashes. */
const normal = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/** Whether `typed` is `code` (case, spaces and dashes aside), compared in constant time. */
export function isSetupCode(typed: string, code: string): boolean {
  const a = createHash('sha256').update(normal(typed)).digest();
  const b = createHash('sha256').update(normal(code)).digest();
  return timingSafeEqual(a, b);
}
