import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { SOCKET_LIMITS } from './classroom/clientSocket.ts';
import { loadExercises } from './classroom/exercises.ts';
import { JOINS_PER_ADDRESS_PER_MIN } from './classroom/fairShares.ts';
import { ClassJournal } from './db/classJournal.ts';
import { openDatabase } from './db/database.ts';
import { lockDataDir } from './db/dataLock.ts';
import { RecordStore } from './db/recordStore.ts';
import { buildServer } from './server.ts';

/** The first address other devices on the network can reach this machine at, or null. */
function lanAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces()))
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}

const port = Number(process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`itps server: PORT must be a port number (1 to 65535), found "${process.env.PORT}"`);
  process.exit(2);
}
const perAddress = Number(process.env.ITPS_MAX_SOCKETS_PER_ADDRESS ?? SOCKET_LIMITS.perAddress);
if (!Number.isInteger(perAddress) || perAddress < 1) {
  console.error(
    `itps server: ITPS_MAX_SOCKETS_PER_ADDRESS must be a whole number above 0, found "${process.env.ITPS_MAX_SOCKETS_PER_ADDRESS}"`,
  );
  process.exit(2);
}
const joins = Number(process.env.ITPS_JOINS_PER_ADDRESS_PER_MIN ?? JOINS_PER_ADDRESS_PER_MIN);
if (!Number.isInteger(joins) || joins < 1) {
  console.error(
    `itps server: ITPS_JOINS_PER_ADDRESS_PER_MIN must be a whole number above 0, found "${process.env.ITPS_JOINS_PER_ADDRESS_PER_MIN}"`,
  );
  process.exit(2);
}
const host = process.env.HOST ?? '0.0.0.0';
const staticDir = fileURLToPath(new URL('../../programmer/dist/', import.meta.url));
const dataDir = process.env.ITPS_DATA_DIR ?? fileURLToPath(new URL('../../../.itps-data/records', import.meta.url));
const url = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;
// the embedded database is this process's alone: a second server on its folder is refused, with who holds it
let release = () => {};
if (url === undefined) {
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  if (!lock.ok) {
    console.error(`itps server: not started: ${lock.why}`);
    process.exit(1);
  }
  release = lock.release;
  process.on('exit', release);
}

const db = await openDatabase(url === undefined ? { dataDir } : { url });
// each process is one holder of class leases; on PostgreSQL several may share the classes
const journal = new ClassJournal(db, randomUUID());
const lan = host === '0.0.0.0' ? lanAddress() : null;
const local = `http://127.0.0.1:${port}/`;
const network = lan === null ? null : `http://${lan}:${port}/`;
const { app, setupCode, hub } = await buildServer({
  store: new RecordStore(db),
  exercises: await loadExercises(),
  staticDir,
  publicUrl: () => process.env.ITPS_PUBLIC_URL ?? network ?? local,
  logger: { level: process.env.LOG_LEVEL ?? 'warn' },
  socketLimits: { ...SOCKET_LIMITS, perAddress },
  joinsPerAddressPerMin: joins,
  journal,
  exclusive: url === undefined,
});
try {
  await app.listen({ port, host });
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code !== 'EADDRINUSE' && code !== 'EACCES' && code !== 'EADDRNOTAVAIL') throw error;
  console.error(
    code === 'EADDRINUSE'
      ? `itps server: port ${port} on ${host} is in use (another ITPS server?); stop it, or start with PORT=another number.`
      : code === 'EACCES'
        ? `itps server: not allowed to listen on port ${port}; start with PORT=a number above 1023.`
        : `itps server: ${host} is not an address of this machine; start with HOST=0.0.0.0 or one of its addresses.`,
  );
  await db.close();
  process.exit(3);
}

console.log('');
console.log('ITPS, the intrathecal pump simulator: for training and testing, NOT for clinical use.');
console.log(`  Open on this machine:   ${local}`);
if (network !== null) console.log(`  Other devices (a class): ${network}`);
console.log(`  Records: ${db.describe}`);
if (setupCode !== null) {
  console.log('');
  console.log('  First start: no instructor passphrase is set yet. To set it, open the class console');
  console.log(`  and give this one-time set-up code: ${setupCode}`);
}
console.log(`  Server process: ${journal.holder}`);
const open = hub.openClasses();
if (open.length > 0) console.log(`  Classes taken up from their logs: ${open.map((c) => c.code).join(', ')}`);
console.log('');

const stop = async () => {
  await app.close();
  await db.close();
  release();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
