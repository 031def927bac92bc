import { randomBytes, randomUUID } from 'node:crypto';
import { instructorView } from '@itps/core';
import {
  type ClientMessage,
  cleanTraineeName,
  parseTraineeCommand,
  readClientFrame,
  type ServerMessage,
} from '@itps/scenarios';
import type { InstructorSessions } from '../auth/instructorSessions.ts';
import { ClassJournal, hashSecret, LEASE_MS, LeaseLost, type Tx } from '../db/classJournal.ts';
import type { RecordStore } from '../db/recordStore.ts';
import type { ClassEntry } from './classEntry.ts';
import { ClassLog } from './classLog.ts';
import { Classroom, type ClassroomSnapshot, newJoinCode } from './classroom.ts';
import { exerciseOf } from './exercises.ts';
import { FairShares, MAX_SOCKETS_PER_SEAT, SEAT_COMMANDS_PER_S } from './fairShares.ts';
import type { ClassExercise, Seat } from './seat.ts';
import { TraineeViews } from './traineeViews.ts';

/** Whether a stored trainee's name (perhaps told apart, `Sam (2)`) is the name given now. */
const sameTrainee = (stored: string, given: string) => stored === given || stored.startsWith(`${given} (`);

/** Messages a connection may send in a second on average, and in a burst. */
export const MESSAGE_RATE_PER_S = 20;
export const MESSAGE_BURST = 40;
/** How often the trainees' views are sent while the clock runs, and the instructors' class views. */
const TRAINEE_PUSH_MS = 250;
const INSTRUCTOR_PUSH_MS = 1000;

/** Where the hub writes what it refused and why (Fastify's logger in the server). */
export interface HubLog {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** What the hub is built from. */
export interface HubOptions {
  readonly store: RecordStore;
  /** The classes' log, snapshots and leases; this process's holder id is the journal's. */
  readonly journal: ClassJournal;
  readonly sessions: InstructorSessions;
  readonly log: HubLog;
  readonly now?: () => number;
  /**
   * This process is the only one on its database (the embedded one, behind its lock): every open
   * class is its own at start. Otherwise (PostgreSQL shared by several processes) a class is taken
   * up only when no live process holds its lease.
   */
  readonly exclusive: boolean;
  /** Log lines between snapshots of a class (the log's own default unless given). */
  readonly snapshotEveryLines?: number;
  /** Each seat's and each address's share ({@link FairShares}'s defaults unless given). */
  readonly shares?: FairShares;
}

/** A class this process holds: the class in memory and its log. */
interface Held {
  readonly classroom: Classroom;
  readonly log: ClassLog;
}

/** What the hub answers when a class is held by another server process: the client tries again. */
const ELSEWHERE = 'This class is being taken up by another server process; trying again in a moment.';

/** One client's connection, as the hub sees it. */
export interface HubConnection {
  /** Takes one message the client sent (its raw text). */
  receive(raw: string): Promise<void>;
  /** The connection closed. */
  closed(): void;
}

interface Conn {
  readonly send: (message: ServerMessage) => void;
  readonly close: () => void;
  readonly address: string;
  /** The trainee's views as this connection was sent them (the next goes as changes). */
  readonly views: TraineeViews;
  /** The instructor's session token this connection signed in with. */
  instructorToken: string | null;
  role: 'none' | 'trainee' | 'instructor';
  seat: { readonly classroom: Classroom; readonly seat: Seat } | null;
  watching: { readonly classId: string; readonly seatId: string | null } | null;
  tokens: number;
  lastRefill: number;
}

const refusal = (code: string, message: string, about?: string): ServerMessage => ({
  type: 'error',
  code,
  message,
  ...(about === undefined ? {} : { about }),
});

/**
 * The classroom's one authority: every class this process holds, its seats and clock, every
 * connection, and the records written when an exercise finishes. Each message is checked (size,
 * rate, schema, whose turn) before it touches a world; a refused one is answered with an error,
 * logged, and changes nothing. Every change to a class is a line of its log, applied and appended in
 * one synchronous step and answered only once committed, so a class outlives the process: another
 * start, or another process whose lease it becomes, rebuilds it from its snapshot and log.
 */
export class ClassHub {
  readonly #classes = new Map<string, Held>();
  readonly #loading = new Map<string, Promise<Held | null>>();
  readonly #conns = new Set<Conn>();
  readonly #store: RecordStore;
  readonly #journal: ClassJournal;
  readonly #sessions: InstructorSessions;
  readonly #log: HubLog;
  readonly #now: () => number;
  readonly #exclusive: boolean;
  readonly #snapshotEvery: number | undefined;
  readonly #shares: FairShares;
  readonly #timers: ReturnType<typeof setInterval>[] = [];
  #lastInstructorPush = 0;
  #lastTraineePush = 0;

  constructor(options: HubOptions) {
    this.#store = options.store;
    this.#journal = options.journal;
    this.#sessions = options.sessions;
    this.#log = options.log;
    this.#now = options.now ?? Date.now;
    this.#exclusive = options.exclusive;
    this.#snapshotEvery = options.snapshotEveryLines;
    this.#shares = options.shares ?? new FairShares();
  }

  /**
   * Takes up the open classes: on a database of its own, every one (rebuilt from its log); on a
   * shared one, those no live process holds, and from then on any whose holder stops renewing.
   * Keeps this process's leases renewed.
   */
  async start(): Promise<void> {
    for (const id of this.#exclusive ? await this.#journal.openClasses() : await this.#journal.unheld())
      await this.#take(id);
    this.#timers.push(setInterval(() => void this.#renew(), Math.floor(LEASE_MS / 3)));
    if (!this.#exclusive) this.#timers.push(setInterval(() => void this.#takeUnheld(), Math.floor(LEASE_MS / 2)));
  }

  /** Stops renewing, waits for every class's log to be written, and lets the classes go (another process may take them up at once). */
  async stop(): Promise<void> {
    for (const t of this.#timers.splice(0)) clearInterval(t);
    await Promise.all([...this.#classes.values()].map((h) => h.log.settled()));
    for (const id of [...this.#classes.keys()])
      await this.#journal
        .release(id)
        .catch((error: unknown) => this.#log.error({ err: error }, 'could not let a class go'));
  }

  async #renew(): Promise<void> {
    const ids = [...this.#classes.keys()];
    if (ids.length === 0) return;
    try {
      const held = await this.#journal.renew(ids);
      for (const id of ids) if (!held.has(id)) this.#drop(id, 'its lease was taken by another server process');
    } catch (error) {
      this.#log.error({ err: error }, 'could not renew the class leases');
    }
  }

  async #takeUnheld(): Promise<void> {
    try {
      for (const id of await this.#journal.unheld()) await this.#take(id);
    } catch (error) {
      this.#log.error({ err: error }, 'could not look for classes to take up');
    }
  }

  /** The class held here, taken up from the database when no live process holds it; null when elsewhere or unknown. */
  async #take(classId: string): Promise<Held | null> {
    const held = this.#classes.get(classId);
    if (held !== undefined) return held;
    const loading = this.#loading.get(classId);
    if (loading !== undefined) return loading;
    const work = (async () => {
      if (!(await this.#journal.acquire(classId, this.#exclusive))) return null;
      const loaded = await this.#journal.load(classId);
      if (loaded === null) return null;
      const since = performance.now();
      const taken = this.#rebuild(classId, loaded);
      this.#classes.set(classId, taken);
      this.#log.warn(
        {
          classId,
          seats: taken.classroom.seats().length,
          snapshotSeq: loaded.snapshot?.seq ?? null,
          replayed: loaded.lines.length,
          ms: Math.round(performance.now() - since),
        },
        'took up a class from its log',
      );
      return taken;
    })().finally(() => this.#loading.delete(classId));
    this.#loading.set(classId, work);
    return work;
  }

  #rebuild(classId: string, loaded: NonNullable<Awaited<ReturnType<ClassJournal['load']>>>): Held {
    const opened = JSON.parse(loaded.line0) as Extract<ClassEntry, { k: 'open' }>;
    const exercise = exerciseOf(opened.exercise.file, opened.exercise.text, opened.exercise.library);
    const snapshot = loaded.snapshot === null ? undefined : (JSON.parse(loaded.snapshot.text) as ClassroomSnapshot);
    const classroom = new Classroom(exercise, opened, snapshot);
    let last = loaded.snapshot?.seq ?? 0;
    for (const line of loaded.lines) {
      classroom.apply(JSON.parse(line.text) as ClassEntry);
      last = line.seq;
    }
    return { classroom, log: this.#newLog(classId, classroom, last + 1) };
  }

  #newLog(classId: string, classroom: Classroom, next: number): ClassLog {
    return new ClassLog(this.#journal, classId, next, {
      snapshot: () => classroom.snapshot(),
      now: this.#now,
      ...(this.#snapshotEvery === undefined ? {} : { snapshotEveryLines: this.#snapshotEvery }),
      failed: (error) =>
        this.#drop(
          classId,
          error instanceof LeaseLost ? 'its lease was taken by another server process' : 'its log could not be written',
          error,
        ),
    });
  }

  /**
   * Lets a class go: what is in memory is ahead of its log or no longer this process's. Its clients
   * are disconnected and come back to whichever process then holds it, rebuilt from what was committed.
   */
  #drop(classId: string, why: string, error?: unknown): void {
    const held = this.#classes.get(classId);
    if (held === undefined) return;
    this.#classes.delete(classId);
    this.#log.warn({ classId, err: error }, `let a class go: ${why}`);
    for (const conn of [...this.#conns])
      if (conn.seat?.classroom === held.classroom || conn.watching?.classId === classId) {
        conn.send(refusal('class.moved', 'The class is being taken up again; reconnecting.'));
        conn.close();
      }
  }

  /** Opens a class of an exercise; the join address is `joinBase` with the code. */
  async createClass(exercise: ClassExercise, joinBase: string): Promise<Classroom> {
    let code = newJoinCode();
    while ((await this.#journal.classByCode(code)) !== null) code = newJoinCode();
    const opened: Extract<ClassEntry, { k: 'open' }> = {
      k: 'open',
      id: randomUUID(),
      code,
      joinUrl: `${joinBase}#/join/${code}`,
      at: this.#now(),
      exercise: {
        file: exercise.file,
        text: exercise.text,
        version: exercise.version,
        ...(exercise.library === undefined ? {} : { library: exercise.library }),
      },
    };
    const classroom = new Classroom(exercise, opened);
    await this.#journal.open(
      {
        id: classroom.id,
        exerciseFile: exercise.file,
        exerciseName: exercise.scenario.name,
        exerciseVersion: exercise.version,
        library: exercise.library ?? null,
        createdAt: new Date(classroom.createdAt).toISOString(),
        endedAt: null,
        code,
        joinUrl: opened.joinUrl,
        expiresAt: new Date(classroom.expiresAt).toISOString(),
      },
      JSON.stringify(opened),
    );
    this.#classes.set(classroom.id, { classroom, log: this.#newLog(classroom.id, classroom, 1) });
    return classroom;
  }

  classroom(id: string): Classroom | undefined {
    return this.#classes.get(id)?.classroom;
  }

  /** The classes this process holds still open (not ended, not expired), newest first. */
  openClasses(): Classroom[] {
    const now = this.#now();
    return [...this.#classes.values()]
      .map((h) => h.classroom)
      .filter((c) => !c.ended && now <= c.expiresAt)
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Every open class, taking up those no live process holds; those another process holds are left out. */
  async allOpenClasses(): Promise<Classroom[]> {
    for (const id of await this.#journal.openClasses()) if (!this.#classes.has(id)) await this.#take(id);
    return this.openClasses();
  }

  /** Resolves once every class's log is written (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.#classes.values()].map((h) => h.log.settled()));
  }

  /** The committed lines of a class's log (tests, audits). */
  lines(classId: string) {
    return this.#journal.lines(classId);
  }

  /**
   * A new client connection from `address`; `send` writes one message to it, `close` ends it (the
   * client comes back).
   */
  connect(send: (message: ServerMessage) => void, address = 'unknown', close: () => void = () => {}): HubConnection {
    const conn: Conn = {
      send,
      close,
      address,
      views: new TraineeViews(),
      instructorToken: null,
      role: 'none',
      seat: null,
      watching: null,
      tokens: MESSAGE_BURST,
      lastRefill: this.#now(),
    };
    this.#conns.add(conn);
    return {
      receive: (raw) => this.#receive(conn, raw),
      closed: () => {
        this.#conns.delete(conn);
        if (conn.seat !== null) {
          const { classroom, seat } = conn.seat;
          seat.disconnect();
          const held = this.#classes.get(classroom.id);
          if (!seat.connected && held?.classroom === classroom) {
            const entry: ClassEntry = { k: 'link', at: this.#now(), seatId: seat.id, connected: false };
            classroom.link(entry);
            held.log.append(entry).catch(() => {});
          }
          this.#pushInstructors(classroom, false);
        }
      },
    };
  }

  /** The instructor signed `token` out: its consoles' connections are signed out too. */
  signedOut(token: string): void {
    for (const conn of this.#conns)
      if (conn.role === 'instructor' && conn.instructorToken === token) {
        conn.role = 'none';
        conn.instructorToken = null;
        conn.watching = null;
        conn.send(refusal('auth.signedOut', 'Signed out: sign in again with the instructor passphrase.', 'instructor'));
      }
  }

  #refuse(conn: Conn, code: string, message: string, about?: string): void {
    this.#log.warn({ code, about, role: conn.role }, `refused a client's message: ${message}`);
    conn.send(refusal(code, message, about));
  }

  #takeToken(conn: Conn): boolean {
    const now = this.#now();
    conn.tokens = Math.min(MESSAGE_BURST, conn.tokens + ((now - conn.lastRefill) / 1000) * MESSAGE_RATE_PER_S);
    conn.lastRefill = now;
    if (conn.tokens < 1) return false;
    conn.tokens -= 1;
    return true;
  }

  async #receive(conn: Conn, raw: string): Promise<void> {
    if (!this.#takeToken(conn))
      return this.#refuse(
        conn,
        'message.rate',
        `Too many messages: at most ${MESSAGE_RATE_PER_S} a second (${MESSAGE_BURST} at once).`,
      );
    // bounded in size and depth before it is parsed or described (readClientFrame never throws)
    const checked = readClientFrame(raw);
    if (!checked.ok) return this.#refuse(conn, checked.code, checked.problem);
    try {
      await this.#handle(conn, checked.message);
    } catch (error) {
      this.#log.error({ err: error, about: checked.message.type }, 'a client message failed');
      conn.send(refusal('server.error', 'The server could not do that; nothing was changed.', checked.message.type));
    }
  }

  /**
   * A class held here (taken up when no live process holds it), or null with a refusal sent: held by
   * another process (`class.elsewhere`: the client tries again) or not an open class.
   */
  async #held(
    conn: Conn,
    classId: string | null,
    about: string,
    unknown: { code: string; message: string },
  ): Promise<Held | null> {
    const held = classId === null ? null : await this.#take(classId);
    if (held !== null) return held;
    if (classId !== null && (await this.#journal.openClasses()).includes(classId))
      this.#refuse(
        conn,
        'class.elsewhere',
        about === 'join' ? `${ELSEWHERE.split(';')[0]}; press Join again in a moment.` : ELSEWHERE,
        about,
      );
    else this.#refuse(conn, unknown.code, unknown.message, about);
    return null;
  }

  async #handle(conn: Conn, message: ClientMessage): Promise<void> {
    switch (message.type) {
      case 'join':
        return this.#join(conn, message);
      case 'resume': {
        if (conn.role !== 'none')
          return this.#refuse(conn, 'message.outOfTurn', 'This connection is in a class already.', 'resume');
        const hash = hashSecret(message.seat);
        let found: { held: Held; seat: Seat } | null = null;
        for (const held of this.#classes.values()) {
          const seat = held.classroom.seatByTokenHash(hash);
          if (seat !== undefined) found = { held, seat };
        }
        if (found === null) {
          const held = await this.#held(conn, await this.#journal.classBySeat(hash), 'resume', {
            code: 'seat.unknown',
            message: 'That seat is not known here: its class has ended. Join again with the code.',
          });
          const seat = held?.classroom.seatByTokenHash(hash);
          if (held === null) return;
          if (seat === undefined)
            return this.#refuse(
              conn,
              'seat.unknown',
              'That seat is not known here. Join again with the code.',
              'resume',
            );
          found = { held, seat };
        }
        if (this.#socketsOn(found.seat) >= MAX_SOCKETS_PER_SEAT)
          return this.#refuse(
            conn,
            'seat.busy',
            `This seat is open on ${MAX_SOCKETS_PER_SEAT} devices or tabs already; close one and try again.`,
            'resume',
          );
        this.#sit(conn, found.held, found.seat, message.seat, null, false);
        return;
      }
      case 'command': {
        if (conn.role !== 'trainee' || conn.seat === null)
          return this.#refuse(
            conn,
            'message.outOfTurn',
            'Only a trainee in a class sends commands; join a class first.',
            'command',
          );
        const { classroom, seat } = conn.seat;
        const command = parseTraineeCommand(message.command);
        if (!command.ok) return this.#refuse(conn, 'command.invalid', command.problems.join('; '), 'command');
        if (seat.finished || classroom.ended)
          return this.#refuse(conn, 'exercise.finished', 'This exercise is finished; its debrief is open.', 'command');
        // a command the class cannot take now: answered as the programmer's own refusal, nothing applied
        const refuseCommand = (words: string) =>
          conn.send({
            type: 'result',
            id: message.id,
            result: {
              ok: false,
              at: seat.worldState().now,
              refusal: { code: 'programmer.unavailable', message: words },
            },
          });
        if (!classroom.clock.running) {
          refuseCommand('The instructor has paused the class; wait for it to run again.');
          return;
        }
        if (!this.#shares.seatCommand(seat, this.#now())) {
          this.#log.warn({ code: 'seat.rate', seatId: seat.id }, "refused a seat's command: over its rate");
          refuseCommand(`Too many commands from this seat: at most ${SEAT_COMMANDS_PER_S} a second; wait a moment.`);
          return;
        }
        const held = this.#heldNow(conn, classroom, 'command');
        if (held === null) return;
        const entry: ClassEntry = { k: 'command', seatId: seat.id, id: message.id, command: command.command };
        const result = classroom.command(entry);
        if (!(await this.#committed(conn, held.log.append(entry), 'command'))) return;
        if (result !== null) conn.send({ type: 'result', id: message.id, result });
        this.#pushSeat(classroom, seat);
        this.#pushInstructors(classroom, false);
        return;
      }
      case 'finish': {
        if (conn.role !== 'trainee' || conn.seat === null)
          return this.#refuse(conn, 'message.outOfTurn', 'Only a trainee finishes their exercise.', 'finish');
        const { classroom, seat } = conn.seat;
        const held = this.#heldNow(conn, classroom, 'finish');
        if (held === null) return;
        const entry: ClassEntry = { k: 'finish', at: this.#now(), seatId: seat.id, recordId: randomUUID() };
        if (!classroom.finish(entry)) {
          this.#pushSeat(classroom, seat);
          return;
        }
        const work = this.#recordWork(classroom, seat, entry.at);
        if (!(await this.#committed(conn, held.log.append(entry, work), 'finish'))) return;
        this.#pushSeat(classroom, seat);
        this.#pushInstructors(classroom, true);
        return;
      }
      case 'instructor': {
        if (conn.role === 'trainee')
          return this.#refuse(
            conn,
            'message.outOfTurn',
            "A trainee's device cannot become the instructor's console.",
            'instructor',
          );
        if (!(await this.#sessions.check(message.token)))
          return this.#refuse(conn, 'auth.refused', 'Sign in again with the instructor passphrase.', 'instructor');
        conn.role = 'instructor';
        conn.instructorToken = message.token;
        conn.send({ type: 'instructor', ok: true });
        return;
      }
      case 'watch':
      case 'control':
      case 'inject':
      case 'remove':
        // the session is checked again: a sign-out (in any process) ends what its consoles may do
        if (conn.role !== 'instructor' || !(await this.#sessions.check(conn.instructorToken ?? undefined)))
          return this.#refuse(conn, 'auth.required', "Only the instructor's console does that.", message.type);
        return this.#instruct(conn, message);
    }
  }

  /** The class as held now, or null (and the client told to come back) when it was let go meanwhile. */
  #heldNow(conn: Conn, classroom: Classroom, about: string): Held | null {
    const held = this.#classes.get(classroom.id);
    if (held !== undefined && held.classroom === classroom && !held.log.failed) return held;
    this.#refuse(conn, 'class.moved', 'The class is being taken up again; reconnecting.', about);
    conn.close();
    return null;
  }

  /** Whether a line was committed; when not, the client is told nothing was kept (the class is rebuilt from its log). */
  async #committed(conn: Conn, append: Promise<void>, about: string): Promise<boolean> {
    try {
      await append;
      return true;
    } catch {
      conn.send(
        refusal('server.error', 'The server could not record that, so nothing was changed; reconnecting.', about),
      );
      conn.close();
      return false;
    }
  }

  /**
   * Takes a seat out of a class: an exercise the trainee acted in is finished and recorded first, in
   * the remove line's transaction (nothing of theirs is lost); its devices are told and let go; the
   * place is free again.
   */
  async #removeSeat(conn: Conn, held: Held, seatId: string): Promise<void> {
    const { classroom } = held;
    const seat = classroom.seat(seatId);
    if (seat === undefined) return this.#refuse(conn, 'seat.unknown', 'No such trainee in this class.', 'remove');
    const record = !seat.finished && seat.summary(false).actions > 0;
    const at = this.#now();
    const entry: ClassEntry = { k: 'remove', at, seatId: seat.id, recordId: record ? randomUUID() : null };
    classroom.remove(entry);
    const work = record ? this.#recordWork(classroom, seat, at) : null;
    if (!(await this.#committed(conn, held.log.append(entry, work), 'remove'))) return;
    this.#log.warn({ classId: classroom.id, seatId: seat.id }, 'the instructor removed a seat');
    for (const c of this.#conns)
      if (c.seat?.seat === seat) {
        c.seat = null;
        c.role = 'none';
        c.send(refusal('seat.removed', 'The instructor removed this seat from the class.', 'resume'));
      }
    for (const c of this.#conns)
      if (c.role === 'instructor' && c.watching?.classId === classroom.id && c.watching.seatId === seat.id)
        c.watching = { classId: classroom.id, seatId: null };
    this.#pushInstructors(classroom, false);
  }

  /**
   * Ends a class: every unfinished exercise finished and scored, and every record with the class's
   * end in the one transaction of the end line: all of them or none.
   */
  #end(held: Held): Promise<void> {
    const { classroom } = held;
    const at = this.#now();
    const recordIds: Record<string, string> = {};
    for (const seat of classroom.seats()) if (!seat.finished) recordIds[seat.id] = randomUUID();
    const entry: ClassEntry = { k: 'end', at, recordIds };
    const finished = classroom.end(entry);
    const works = finished.map((seat) => this.#recordWork(classroom, seat, at));
    works.push(ClassJournal.endWork(classroom.id, new Date(at).toISOString()));
    return held.log.append(
      entry,
      async (tx) => {
        for (const w of works) await w(tx);
      },
      true,
    );
  }

  /** Classes whose code expired unended are ended (their exercises scored and kept, none lost). */
  #endExpired(): void {
    const now = this.#now();
    for (const held of this.#classes.values())
      if (!held.classroom.ended && now > held.classroom.expiresAt && !held.log.failed) {
        this.#log.warn({ classId: held.classroom.id }, 'ended a class whose code expired');
        this.#end(held).then(
          () => this.#pushInstructors(held.classroom, true),
          () => {},
        );
      }
  }

  /** The work that stores a seat's finished exercise, in its line's transaction. */
  #recordWork(classroom: Classroom, seat: Seat, at: number): (tx: Tx) => Promise<void> {
    const { debrief, record } = seat.finish();
    const row = {
      traineeId: seat.trainee.id,
      classId: classroom.id,
      seatId: seat.id,
      exerciseFile: classroom.exercise.file,
      exerciseName: classroom.exercise.scenario.name,
      exerciseVersion: classroom.exercise.version,
      library: classroom.exercise.library ?? null,
      startedAt: seat.startedAt,
      finishedAt: new Date(at).toISOString(),
      scorePercent: debrief.scorePercent,
      passed: debrief.passed,
      debrief,
      record,
      events: [...seat.events()],
    };
    const id = seat.recordId as string;
    return (tx) => this.#store.addRecord(row, tx, id).then(() => {});
  }

  async #join(conn: Conn, message: Extract<ClientMessage, { type: 'join' }>): Promise<void> {
    if (conn.role !== 'none')
      return this.#refuse(conn, 'message.outOfTurn', 'This connection is in a class already.', 'join');
    if (!this.#shares.join(conn.address, this.#now()))
      return this.#refuse(
        conn,
        'join.rate',
        `Too many joins from this device's network address: at most ${this.#shares.joinsPerMin} a minute. Wait a minute.`,
        'join',
      );
    const cleaned = cleanTraineeName(message.name);
    if (!cleaned.ok) return this.#refuse(conn, 'name.invalid', cleaned.problem, 'join');
    let held: Held | null = null;
    for (const h of this.#classes.values()) if (h.classroom.code === message.code && !h.classroom.ended) held = h;
    held ??= await this.#held(conn, await this.#journal.classByCode(message.code), 'join', {
      code: 'class.unknown',
      message: `No open class has the code ${message.code}; check it with your instructor.`,
    });
    if (held === null) return;
    const { classroom } = held;
    const refused = classroom.joinRefusal(this.#now());
    if (refused !== null) return this.#refuse(conn, 'class.closed', refused, 'join');
    // a device's key is the same person's only under the same name: on a shared tablet, another
    // name is another trainee, with their own records and key
    const known = message.traineeKey === undefined ? null : await this.#store.traineeByKey(message.traineeKey);
    let trainee = known !== null && sameTrainee(known.name, cleaned.name) ? known : null;
    let key: string | null = null;
    if (trainee === null) {
      const added = await this.#store.addTrainee(classroom.distinctName(cleaned.name));
      trainee = added.trainee;
      key = added.key;
    }
    const now = this.#heldNow(conn, classroom, 'join');
    if (now === null) return;
    // told apart from the names seated now (after the awaits above: a join meanwhile is counted)
    const name = classroom.distinctName(cleaned.name);
    const token = randomBytes(24).toString('base64url');
    const entry: Extract<ClassEntry, { k: 'join' }> = {
      k: 'join',
      at: this.#now(),
      seatId: randomUUID(),
      tokenHash: hashSecret(token),
      trainee: { id: trainee.id, name },
    };
    const seat = classroom.join(entry);
    const append = now.log.append(entry, ClassJournal.seatWork(classroom.id, seat.id, entry.tokenHash));
    if (!(await this.#committed(conn, append, 'join'))) return;
    this.#sit(conn, now, seat, token, key, true);
  }

  #socketsOn(seat: Seat): number {
    let n = 0;
    for (const c of this.#conns) if (c.seat?.seat === seat) n += 1;
    return n;
  }

  /**
   * Sits a connection in a seat (just joined, or coming back with its token); the trainee's key goes
   * to the device once, when it was made.
   */
  #sit(conn: Conn, held: Held, seat: Seat, token: string, key: string | null, joined: boolean): void {
    const { classroom } = held;
    conn.role = 'trainee';
    conn.seat = { classroom, seat };
    const back = !seat.connected && !joined;
    seat.connect();
    if (back) {
      const entry: ClassEntry = { k: 'link', at: this.#now(), seatId: seat.id, connected: true };
      classroom.link(entry);
      held.log.append(entry).catch(() => {});
    }
    conn.send({ type: 'joined', seat: token, traineeKey: key, name: seat.trainee.name, code: classroom.code });
    conn.send(conn.views.whole({ ...seat.traineeMessage(), clock: classroom.clock }));
    this.#pushInstructors(classroom, false);
  }

  async #instruct(
    conn: Conn,
    message: Extract<ClientMessage, { type: 'watch' | 'control' | 'inject' | 'remove' }>,
  ): Promise<void> {
    const known = this.#classes.get(message.classId);
    const held =
      known ??
      (await this.#held(conn, message.classId, message.type, { code: 'class.unknown', message: 'No such class.' }));
    if (held === null) return;
    const { classroom } = held;
    if (message.type === 'watch') {
      if (message.seatId !== null && classroom.seat(message.seatId) === undefined)
        return this.#refuse(conn, 'seat.unknown', 'No such trainee in this class.', 'watch');
      conn.watching = { classId: classroom.id, seatId: message.seatId };
      this.#sendClass(conn, classroom, true);
      return;
    }
    if (classroom.ended) return this.#refuse(conn, 'class.ended', 'This class has ended.', message.type);
    if (this.#heldNow(conn, classroom, message.type) === null) return;
    if (message.type === 'inject') {
      const refused = classroom.injectRefusal(message.seatId, message.fault);
      if (refused !== null) return this.#refuse(conn, 'inject.invalid', refused, 'inject');
      const entry: ClassEntry = { k: 'inject', at: this.#now(), target: message.seatId, fault: message.fault };
      const outcome = classroom.inject(entry);
      if (!(await this.#committed(conn, held.log.append(entry), 'inject'))) return;
      for (const { seatId, result } of outcome) {
        const seat = classroom.seat(seatId);
        if (!result.ok)
          conn.send(refusal(result.refusal.code, `${seat?.trainee.name}: ${result.refusal.message}`, 'inject'));
        if (seat !== undefined) this.#pushSeat(classroom, seat);
      }
      this.#pushInstructors(classroom, true);
      return;
    }
    if (message.type === 'remove') return this.#removeSeat(conn, held, message.seatId);
    if (message.action === 'lock' || message.action === 'unlock') {
      const entry: ClassEntry = { k: 'lock', at: this.#now(), locked: message.action === 'lock' };
      classroom.lock(entry);
      if (!(await this.#committed(conn, held.log.append(entry), 'control'))) return;
      this.#pushInstructors(classroom, false);
      return;
    }
    if (message.action === 'end') {
      const append = this.#end(held);
      if (!(await this.#committed(conn, append, 'control'))) return;
    } else {
      const entry: ClassEntry = {
        k: 'control',
        at: this.#now(),
        action: message.action,
        ...(message.speed === undefined ? {} : { speed: message.speed }),
      };
      classroom.control(entry);
      if (!(await this.#committed(conn, held.log.append(entry), 'control'))) return;
    }
    for (const seat of classroom.seats()) this.#pushSeat(classroom, seat);
    this.#pushInstructors(classroom, true);
  }

  #pushSeat(classroom: Classroom, seat: Seat): void {
    let content: (ReturnType<Seat['traineeMessage']> & { clock: Classroom['clock'] }) | null = null;
    for (const conn of this.#conns) {
      if (conn.seat?.seat !== seat) continue;
      content ??= { ...seat.traineeMessage(), clock: classroom.clock };
      // as its changes since the last view this connection was sent; nothing when none
      const message = conn.views.next(content);
      if (message !== null) conn.send(message);
    }
  }

  #sendClass(conn: Conn, classroom: Classroom, scoreNow: boolean): void {
    conn.send({ type: 'class', view: classroom.view(scoreNow) });
    const seatId = conn.watching?.seatId;
    const seat = seatId == null ? undefined : classroom.seat(seatId);
    if (seat !== undefined)
      conn.send({
        type: 'seat',
        seatId: seat.id,
        name: seat.trainee.name,
        view: instructorView(seat.worldState()),
        startsAt: seat.worldState().startsAt,
      });
  }

  #pushInstructors(classroom: Classroom, scoreNow: boolean): void {
    for (const conn of this.#conns)
      if (conn.role === 'instructor' && conn.watching?.classId === classroom.id)
        this.#sendClass(conn, classroom, scoreNow);
  }

  /**
   * Real time passed: every running class's clock moves (a tick line in its log), the trainees' views
   * follow at most every 250 ms and the instructors' class views every second, once the line is committed.
   */
  tick(realMs: number): void {
    this.#endExpired();
    const now = this.#now();
    const trainees = now - this.#lastTraineePush >= TRAINEE_PUSH_MS;
    const instructors = now - this.#lastInstructorPush >= INSTRUCTOR_PUSH_MS;
    if (trainees) this.#lastTraineePush = now;
    if (instructors) this.#lastInstructorPush = now;
    for (const { classroom, log } of this.#classes.values()) {
      if (log.failed) continue;
      const entry = classroom.tickFor(realMs);
      const moved = entry !== null && classroom.tick(entry);
      const push = () => {
        if (moved && trainees) for (const seat of classroom.seats()) this.#pushSeat(classroom, seat);
        if ((moved || classroom.seats().length > 0) && instructors && !classroom.ended)
          this.#pushInstructors(classroom, true);
      };
      if (entry === null) push();
      else log.append(entry).then(push, () => {});
    }
  }
}
