import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost (N), block size and parallelism: about 50 ms on this project's 2-core machine. */
const N = 16384;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

/** The shortest passphrase an instructor may set. */
export const MIN_PASSPHRASE = 8;
/** The longest passphrase read (longer ones are refused before any hashing). */
export const MAX_PASSPHRASE = 200;

function derive(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase, salt, KEY_BYTES, { N, r: R, p: P }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** A passphrase as it is stored: `scrypt$N$r$p$salt$hash` (salt and hash in base64url), never the passphrase. */
export async function hashPassphrase(passphrase: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(passphrase, salt);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `passphrase` is the one `stored` was made from (compared in constant time). */
export async function verifyPassphrase(passphrase: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  if (Number(n) !== N || Number(r) !== R || Number(p) !== P) return false;
  if (passphrase.length > MAX_PASSPHRASE) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(passphrase, Buffer.from(salt, 'base64url'));
  return key.length === expected.length && timingSafeEqual(key, expected);
}
