import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { exerciseTitle, MAX_CLIENT_MESSAGE_BYTES } from '@itps/scenarios';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import * as z from 'zod';
import { InstructorSessions } from './auth/instructorSessions.ts';
import { hashPassphrase, MAX_PASSPHRASE, MIN_PASSPHRASE, verifyPassphrase } from './auth/passphrase.ts';
import { isSetupCode, newSetupCode } from './auth/setupCode.ts';
import { isSignInRefusal, SignInGuard, type SignInRefusal } from './auth/signInGuard.ts';
import { ClassHub } from './classroom/classHub.ts';
import { ClientSockets, type SocketLimits } from './classroom/clientSocket.ts';
import { FairShares, type JOINS_PER_ADDRESS_PER_MIN } from './classroom/fairShares.ts';
import type { ClassExercise } from './classroom/seat.ts';
import { ClassJournal } from './db/classJournal.ts';
import { ExerciseLibrary } from './db/exerciseLibrary.ts';
import type { RecordStore, Trainee } from './db/recordStore.ts';
import { type LibraryChecker, workerLibraryChecker } from './library/libraryChecker.ts';
import { libraryExercise, registerLibraryRoutes } from './library/libraryRoutes.ts';
import { recordsCsv } from './records/recordsCsv.ts';
import { xapiStatements } from './records/xapiStatements.ts';

/** What the server is built from. */
export interface ServerOptions {
  readonly store: RecordStore;
  readonly exercises: ReadonlyMap<string, ClassExercise>;
  /** The built programmer app to serve; none in API-only tests. */
  readonly staticDir: string | null;
  /** The address trainees' devices join by (the QR code's); found at listen time when not given. */
  readonly publicUrl: () => string;
  /** How often the class clocks tick (real ms); 0 leaves ticking to the caller (tests). */
  readonly tickMs?: number;
  /** Pino's options, or false for no log. */
  readonly logger?: boolean | object;
  readonly now?: () => number;
  /** How many sockets the server holds, in all and from one address ({@link SOCKET_LIMITS}). */
  readonly socketLimits?: SocketLimits;
  /**
   * The one-time code that sets the passphrase at a first start (the caller prints it in the
   * server's terminal); a random one ({@link newSetupCode}) when not given. Tests give their own.
   */
  readonly setupCode?: string | undefined;
  /** Joins one network address may try in a minute ({@link JOINS_PER_ADDRESS_PER_MIN}). */
  readonly joinsPerAddressPerMin?: number;
  /** The classes' log and leases; by default one of its own on the records' database, under a new holder id. */
  readonly journal?: ClassJournal;
  /**
   * This process is the only one on its database (the embedded one, behind its lock; the default):
   * every open class is taken up at start. False on a PostgreSQL shared by several processes.
   */
  readonly exclusive?: boolean;
  /** Log lines between snapshots of a class (tests take them often). */
  readonly snapshotEveryLines?: number;
  /** The exercise library; by default one on the records' database. */
  readonly library?: ExerciseLibrary;
  /** Where a library save's exercise is checked; by default a worker thread, closed with the server. */
  readonly libraryChecker?: LibraryChecker;
}

const passphraseBody = z.strictObject({ passphrase: z.string().min(MIN_PASSPHRASE).max(MAX_PASSPHRASE) });
const setupBody = z.strictObject({
  passphrase: z.string().min(MIN_PASSPHRASE).max(MAX_PASSPHRASE),
  setupCode: z.string().min(1).max(40),
});
const classBody = z.union([
  z.strictObject({ exercise: z.string().min(1).max(200) }),
  z.strictObject({ libraryId: z.string().min(1).max(200), version: z.number().int().min(1).max(1_000_000_000) }),
]);
const uuid = z.uuid();

/**
 * The Content Security Policy the app is served with (on top of helmet's defaults): scripts,
 * styles, fonts and connections from this server only (its WebSocket included), images also as
 * data addresses (the join QR code), no plugins, no framing, forms to this server.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};

type Who = { readonly role: 'instructor' } | { readonly role: 'trainee'; readonly trainee: Trainee };

/**
 * The classroom server: the programmer app, the instructor's and the records' HTTP API, and the
 * WebSocket every classroom client talks through. A thin shell over the {@link ClassHub} and the
 * {@link RecordStore}.
 */
export async function buildServer(
  options: ServerOptions,
): Promise<{ app: FastifyInstance; hub: ClassHub; setupCode: string | null }> {
  const now = options.now ?? Date.now;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 16 * 1024 });
  const sessions = new InstructorSessions(now, options.store);
  const hub = new ClassHub({
    store: options.store,
    journal: options.journal ?? new ClassJournal(options.store.db, randomUUID()),
    sessions,
    log: app.log,
    now,
    exclusive: options.exclusive ?? true,
    shares: new FairShares(options.joinsPerAddressPerMin),
    ...(options.snapshotEveryLines === undefined ? {} : { snapshotEveryLines: options.snapshotEveryLines }),
  });
  await hub.start();
  app.addHook('onClose', async () => hub.stop());
  // security headers from the maintained plugin; the policy lets the app, its QR code (an SVG data
  // address) and its WebSocket (the page's own origin) work, and nothing else load
  await app.register(fastifyHelmet, { contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY } });
  await app.register(fastifyRateLimit, { global: false });
  const guard = new SignInGuard(app);
  /** The one-time set-up code while no passphrase is set (null once it is). */
  let setupCode: string | null =
    (await options.store.passphraseHash()) === null ? (options.setupCode ?? newSetupCode()) : null;

  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_CLIENT_MESSAGE_BYTES } });

  const bearer = (request: FastifyRequest): string | undefined => {
    const header = request.headers.authorization;
    return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  };
  const who = async (request: FastifyRequest): Promise<Who | null> => {
    const token = bearer(request);
    if (token === undefined || token.length > 200) return null;
    if (await sessions.check(token)) return { role: 'instructor' };
    const trainee = await options.store.traineeByKey(token);
    return trainee === null ? null : { role: 'trainee', trainee };
  };
  const refuse = (reply: FastifyReply, status: number, code: string, message: string) =>
    reply.code(status).send({ error: { code, message } });
  const instructorOnly = async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    const found = await who(request);
    if (found?.role === 'instructor') return true;
    await refuse(reply, 401, 'auth.required', 'Sign in with the instructor passphrase first.');
    return false;
  };

  app.get('/api/health', async () => ({ ok: true }));

  const library = options.library ?? new ExerciseLibrary(options.store.db, now);
  const checker = options.libraryChecker ?? workerLibraryChecker();
  if (options.libraryChecker === undefined) app.addHook('onClose', async () => checker.close());
  registerLibraryRoutes(app, { library, templates: options.exercises, instructorOnly, checker });

  app.get('/api/instructor/status', async () => {
    const passphraseSet = (await options.store.passphraseHash()) !== null;
    return { passphraseSet, setupCodeNeeded: !passphraseSet };
  });

  const signedIn = async (reply: FastifyReply, outcome: { token: string } | SignInRefusal) => {
    if (!isSignInRefusal(outcome)) return outcome;
    app.log.warn({ code: outcome.code }, `refused an instructor sign-in: ${outcome.message}`);
    return refuse(reply, 429, outcome.code, outcome.message);
  };

  app.post('/api/instructor/setup', async (request, reply) => {
    const body = setupBody.safeParse(request.body);
    if (!body.success)
      return refuse(
        reply,
        400,
        'passphrase.invalid',
        `A passphrase of ${MIN_PASSPHRASE} to ${MAX_PASSPHRASE} characters, and the set-up code the server printed when it started.`,
      );
    const outcome = await guard.attempt(request, async () => {
      if (setupCode === null || (await options.store.passphraseHash()) !== null)
        return {
          refused: [409, 'passphrase.set', 'The instructor passphrase is set already; sign in with it.'] as const,
        };
      if (!isSetupCode(body.data.setupCode, setupCode)) {
        app.log.warn({ ip: request.ip }, 'a wrong set-up code');
        return {
          refused: [
            403,
            'setup.code',
            "That is not the set-up code: it is printed in the server's terminal, under the addresses, when the server starts.",
          ] as const,
        };
      }
      const set = await options.store.setPassphraseHash(await hashPassphrase(body.data.passphrase));
      if (!set)
        return {
          refused: [409, 'passphrase.set', 'The instructor passphrase is set already; sign in with it.'] as const,
        };
      setupCode = null;
      return { token: await sessions.open() };
    });
    if ('refused' in outcome) return refuse(reply, outcome.refused[0], outcome.refused[1], outcome.refused[2]);
    return signedIn(reply, outcome);
  });

  app.post('/api/instructor/login', async (request, reply) => {
    const body = passphraseBody.safeParse(request.body);
    const outcome = await guard.attempt(request, async () => {
      const stored = await options.store.passphraseHash();
      if (stored === null)
        return { refused: [409, 'passphrase.unset', 'No passphrase is set yet: set one first.'] as const };
      if (!body.success || !(await verifyPassphrase(body.data.passphrase, stored))) {
        app.log.warn({ ip: request.ip }, 'a wrong instructor passphrase');
        return { refused: [401, 'auth.refused', 'That is not the instructor passphrase.'] as const };
      }
      return { token: await sessions.open() };
    });
    if ('refused' in outcome) return refuse(reply, outcome.refused[0], outcome.refused[1], outcome.refused[2]);
    return signedIn(reply, outcome);
  });

  app.post('/api/instructor/logout', async (request) => {
    const token = bearer(request);
    if (token !== undefined) {
      // revoked in the database: every server process refuses it from now on
      await sessions.close(token);
      hub.signedOut(token);
    }
    return { ok: true };
  });

  app.get('/api/exercises', async (request, reply) => {
    if (!(await instructorOnly(request, reply))) return;
    return [...options.exercises.values()].map((e) => ({
      file: e.file,
      name: exerciseTitle(e.scenario.name),
      version: e.version,
    }));
  });

  const classJson = async (id: string) => {
    const classroom = hub.classroom(id);
    if (classroom === undefined) return null;
    const view = classroom.view(false);
    return { ...view, qrSvg: await QRCode.toString(view.joinUrl, { type: 'svg', margin: 1 }) };
  };

  app.post('/api/classes', async (request, reply) => {
    if (!(await instructorOnly(request, reply))) return;
    const body = classBody.safeParse(request.body);
    if (body.success && 'libraryId' in body.data) {
      const found = await libraryExercise(library, options.exercises, body.data.libraryId, body.data.version);
      if ('refused' in found) return reply.code(found.status).send({ error: found.refused });
      const classroom = await hub.createClass(found, options.publicUrl());
      return classJson(classroom.id);
    }
    const exercise = body.success && 'exercise' in body.data ? options.exercises.get(body.data.exercise) : undefined;
    if (exercise === undefined)
      return refuse(
        reply,
        400,
        'exercise.unknown',
        `Choose one of the exercises: ${[...options.exercises.keys()].join(', ')}; or a library exercise and its version ({ libraryId, version }).`,
      );
    const classroom = await hub.createClass(exercise, options.publicUrl());
    return classJson(classroom.id);
  });

  app.get('/api/classes', async (request, reply) => {
    if (!(await instructorOnly(request, reply))) return;
    const open = await Promise.all((await hub.allOpenClasses()).map((c) => classJson(c.id)));
    return { open, history: await options.store.classes() };
  });

  const recordsFor = async (request: FastifyRequest, reply: FastifyReply) => {
    const found = await who(request);
    if (found === null) {
      await refuse(
        reply,
        401,
        'auth.required',
        'Sign in as the instructor, or open your own records from the device you trained on.',
      );
      return null;
    }
    const query = request.query as { classId?: unknown };
    const classId =
      typeof query.classId === 'string' && uuid.safeParse(query.classId).success ? query.classId : undefined;
    if (found.role === 'trainee') return options.store.list({ traineeId: found.trainee.id });
    return options.store.list(classId === undefined ? {} : { classId });
  };

  app.get('/api/records', async (request, reply) => {
    const records = await recordsFor(request, reply);
    if (records === null) return;
    const found = await who(request);
    return { role: found?.role, name: found?.role === 'trainee' ? found.trainee.name : null, records };
  });

  app.get('/api/records.csv', async (request, reply) => {
    const records = await recordsFor(request, reply);
    if (records === null) return;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="itps-records.csv"')
      .send(recordsCsv(records));
  });

  app.get('/api/records.xapi.json', async (request, reply) => {
    const records = await recordsFor(request, reply);
    if (records === null) return;
    return reply
      .header('content-disposition', 'attachment; filename="itps-records.xapi.json"')
      .send(xapiStatements(records));
  });

  app.get('/api/records/:id', async (request, reply) => {
    const found = await who(request);
    if (found === null) return refuse(reply, 401, 'auth.required', 'Sign in first.');
    const { id } = request.params as { id: string };
    if (!uuid.safeParse(id).success) return refuse(reply, 404, 'record.unknown', 'No such record.');
    const record = await options.store.get(id);
    if (record === null) return refuse(reply, 404, 'record.unknown', 'No such record.');
    if (found.role === 'trainee' && record.traineeId !== found.trainee.id)
      return refuse(reply, 403, 'record.notYours', 'A trainee sees only their own records.');
    return record;
  });

  const sockets = new ClientSockets(app.log, options.socketLimits);
  app.register(async (scope) => {
    scope.get('/ws', { websocket: true }, (socket, request) => {
      // the hub may close a socket whose class moved (rebuilt, or to another process): the client
      // reconnects to it (1012: service restart)
      sockets.attach(socket, request.ip, (send) =>
        hub.connect(send, request.ip, () => socket.close(1012, 'class moved')),
      );
    });
  });

  if (options.staticDir !== null && existsSync(options.staticDir))
    await app.register(fastifyStatic, { root: options.staticDir, index: 'index.html' });

  if ((options.tickMs ?? 250) > 0) {
    const every = options.tickMs ?? 250;
    let last = now();
    const timer = setInterval(() => {
      const t = now();
      try {
        hub.tick(t - last);
      } catch (error) {
        app.log.error({ err: error }, 'the class clock failed to tick');
      }
      last = t;
    }, every);
    app.addHook('onClose', async () => clearInterval(timer));
  }
  return { app, hub, setupCode };
}
