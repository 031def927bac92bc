import { fileURLToPath } from 'node:url';
import { loadExercises } from '../src/classroom/exercises.ts';
import { openDatabase } from '../src/db/database.ts';
import { RecordStore } from '../src/db/recordStore.ts';
import { buildServer } from '../src/server.ts';

/** Where the classroom server listens during the specs. */
export const CLASS_PORT = 4180;
/** The one-time set-up code the specs' server starts with (a real start prints a random one). */
export const SETUP_CODE = 'E2E-SETUP-CODE';

/** Starts the real classroom server (built app, embedded database in memory) for the specs. */
export default async function setup() {
  const db = await openDatabase({ dataDir: null });
  const { app } = await buildServer({
    store: new RecordStore(db),
    exercises: await loadExercises(),
    staticDir: fileURLToPath(new URL('../../programmer/dist/', import.meta.url)),
    publicUrl: () => `http://127.0.0.1:${CLASS_PORT}/`,
    setupCode: SETUP_CODE,
  });
  await app.listen({ port: CLASS_PORT, host: '127.0.0.1' });
  return async () => {
    await app.close();
    await db.close();
  };
}
