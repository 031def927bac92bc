import { instructorView } from '@itps/core';
import {
  type ClientMessage,
  cleanTraineeName,
  parseTraineeCommand,
  readClientFrame,
  type ServerMessage,
} from '@itps/scenarios';
import type { InstructorSessions } from '../auth/instructorSessions.ts';
import type { RecordStore } from '../db/recordStore.ts';
import { Classroom, newJoinCode } from './classroom.ts';
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

/** One client's connection, as the hub sees it. */
export interface HubConnection {
  /** Takes one message the client sent (its raw text). */
  receive(raw: string): Promise<void>;
  /** The connection closed. */
  closed(): void;
}

interface Conn {
  readonly send: (message: ServerMessage) => void;
  readonly address: string;
  /** The trainee's views as this connection was sent them (the next goes as changes). */
  readonly views: TraineeViews;
  role: 'none' | 'trainee' | 'instructor';
  seat: { readonly classroom: Classroom; readonly seat: Seat } | null;
  watching: { readonly classId: string; readonly seatId: string | null } | null;
  /** The instructor's session token this connection signed in with. */
  instructorToken: string | null;
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
 * The classroom's one authority: every class, its seats and clock, every connection, and the
 * records written when an exercise finishes. Each message is checked (size, rate, schema, whose
 * turn) before it touches a world; a refused one is answered with an error, logged, and changes
 * nothing.
 */
export class ClassHub {
  readonly #classes = new Map<string, Classroom>();
  readonly #conns = new Set<Conn>();
  readonly #store: RecordStore;
  readonly #sessions: InstructorSessions;
  readonly #log: HubLog;
  readonly #now: () => number;
  readonly #shares: FairShares;
  #lastInstructorPush = 0;
  #lastTraineePush = 0;

  constructor(
    store: RecordStore,
    sessions: InstructorSessions,
    log: HubLog,
    now: () => number = Date.now,
    shares: FairShares = new FairShares(),
  ) {
    this.#store = store;
    this.#sessions = sessions;
    this.#log = log;
    this.#now = now;
    this.#shares = shares;
  }

  /** Opens a class of an exercise; the join address is `joinBase` with the code. */
  async createClass(exercise: ClassExercise, joinBase: string): Promise<Classroom> {
    let code = newJoinCode();
    while (this.#byCode(code) !== undefined) code = newJoinCode();
    const classroom = new Classroom(exercise, code, `${joinBase}#/join/${code}`, this.#now());
    await this.#store.addClass({
      id: classroom.id,
      exerciseFile: exercise.file,
      exerciseName: exercise.scenario.name,
      exerciseVersion: exercise.version,
      createdAt: new Date(classroom.createdAt).toISOString(),
      endedAt: null,
    });
    this.#classes.set(classroom.id, classroom);
    return classroom;
  }

  classroom(id: string): Classroom | undefined {
    return this.#classes.get(id);
  }

  /** The classes still open (not ended, not expired), newest first. */
  openClasses(): Classroom[] {
    const now = this.#now();
    return [...this.#classes.values()].filter((c) => !c.ended && now <= c.expiresAt).reverse();
  }

  #byCode(code: string): Classroom | undefined {
    for (const c of this.#classes.values()) if (c.code === code && !c.ended) return c;
    return undefined;
  }

  #bySeatToken(token: string): { classroom: Classroom; seat: Seat } | undefined {
    for (const classroom of this.#classes.values())
      for (const seat of classroom.seats()) if (seat.token === token) return { classroom, seat };
    return undefined;
  }

  /** A new client connection from `address`; `send` writes one message to it. */
  connect(send: (message: ServerMessage) => void, address = 'unknown'): HubConnection {
    const conn: Conn = {
      send,
      address,
      views: new TraineeViews(),
      role: 'none',
      seat: null,
      watching: null,
      instructorToken: null,
      tokens: MESSAGE_BURST,
      lastRefill: this.#now(),
    };
    this.#conns.add(conn);
    return {
      receive: (raw) => this.#receive(conn, raw),
      closed: () => {
        this.#conns.delete(conn);
        if (conn.seat !== null) {
          conn.seat.seat.disconnect();
          this.#pushInstructors(conn.seat.classroom, false);
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

  async #handle(conn: Conn, message: ClientMessage): Promise<void> {
    switch (message.type) {
      case 'join':
        return this.#join(conn, message);
      case 'resume': {
        if (conn.role !== 'none')
          return this.#refuse(conn, 'message.outOfTurn', 'This connection is in a class already.', 'resume');
        const found = this.#bySeatToken(message.seat);
        if (found === undefined)
          return this.#refuse(
            conn,
            'seat.unknown',
            'That seat is not known here: the class has ended or the server restarted. Join again with the code.',
            'resume',
          );
        if (this.#socketsOn(found.seat) >= MAX_SOCKETS_PER_SEAT)
          return this.#refuse(
            conn,
            'seat.busy',
            `This seat is open on ${MAX_SOCKETS_PER_SEAT} devices or tabs already; close one and try again.`,
            'resume',
          );
        this.#sit(conn, found.classroom, found.seat, null);
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
        if (!classroom.clock.running) {
          conn.send({
            type: 'result',
            id: message.id,
            result: {
              ok: false,
              at: seat.worldState().now,
              refusal: {
                code: 'programmer.unavailable',
                message: 'The instructor has paused the class; wait for it to run again.',
              },
            },
          });
          return;
        }
        if (!this.#shares.seatCommand(seat, this.#now())) {
          this.#log.warn({ code: 'seat.rate', seatId: seat.id }, "refused a seat's command: over its rate");
          conn.send({
            type: 'result',
            id: message.id,
            result: {
              ok: false,
              at: seat.worldState().now,
              refusal: {
                code: 'programmer.unavailable',
                message: `Too many commands from this seat: at most ${SEAT_COMMANDS_PER_S} a second; wait a moment.`,
              },
            },
          });
          return;
        }
        const result = seat.act(command.command);
        conn.send({ type: 'result', id: message.id, result });
        this.#pushSeat(classroom, seat);
        this.#pushInstructors(classroom, false);
        return;
      }
      case 'finish': {
        if (conn.role !== 'trainee' || conn.seat === null)
          return this.#refuse(conn, 'message.outOfTurn', 'Only a trainee finishes their exercise.', 'finish');
        await this.#finishSeat(conn.seat.classroom, conn.seat.seat);
        this.#pushInstructors(conn.seat.classroom, true);
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
        if (!this.#sessions.check(message.token))
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
        if (conn.role !== 'instructor' || !this.#sessions.check(conn.instructorToken ?? undefined))
          return this.#refuse(conn, 'auth.required', "Only the instructor's console does that.", message.type);
        return this.#instruct(conn, message);
    }
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
    const classroom = this.#byCode(message.code);
    if (classroom === undefined)
      return this.#refuse(
        conn,
        'class.unknown',
        `No open class has the code ${message.code}; check it with your instructor.`,
        'join',
      );
    const refused = classroom.joinRefusal(this.#now());
    if (refused !== null) return this.#refuse(conn, 'class.closed', refused, 'join');
    const name = classroom.distinctName(cleaned.name);
    // a device's key is the same person's only under the same name: on a shared tablet, another
    // name is another trainee, with their own records and key
    const known = message.traineeKey === undefined ? null : await this.#store.traineeByKey(message.traineeKey);
    let trainee = known !== null && sameTrainee(known.name, cleaned.name) ? known : null;
    let key: string | null = null;
    if (trainee === null) {
      const added = await this.#store.addTrainee(name);
      trainee = added.trainee;
      key = added.key;
    }
    const seat = classroom.join({ id: trainee.id, name }, new Date(this.#now()).toISOString());
    this.#sit(conn, classroom, seat, key);
  }

  #socketsOn(seat: Seat): number {
    let n = 0;
    for (const c of this.#conns) if (c.seat?.seat === seat) n += 1;
    return n;
  }

  #sit(conn: Conn, classroom: Classroom, seat: Seat, key: string | null): void {
    conn.role = 'trainee';
    conn.seat = { classroom, seat };
    seat.connect();
    conn.send({ type: 'joined', seat: seat.token, traineeKey: key, name: seat.trainee.name, code: classroom.code });
    conn.send(conn.views.whole({ ...seat.traineeMessage(), clock: classroom.clock }));
    this.#pushInstructors(classroom, false);
  }

  async #instruct(
    conn: Conn,
    message: Extract<ClientMessage, { type: 'watch' | 'control' | 'inject' | 'remove' }>,
  ): Promise<void> {
    const classroom = this.#classes.get(message.classId);
    if (classroom === undefined) return this.#refuse(conn, 'class.unknown', 'No such class.', message.type);
    if (message.type === 'watch') {
      if (message.seatId !== null && classroom.seat(message.seatId) === undefined)
        return this.#refuse(conn, 'seat.unknown', 'No such trainee in this class.', 'watch');
      conn.watching = { classId: classroom.id, seatId: message.seatId };
      this.#sendClass(conn, classroom, true);
      return;
    }
    if (classroom.ended) return this.#refuse(conn, 'class.ended', 'This class has ended.', message.type);
    if (message.type === 'inject') {
      const outcome = classroom.inject(message.seatId, message.fault);
      if (typeof outcome === 'string') return this.#refuse(conn, 'inject.invalid', outcome, 'inject');
      for (const { seatId, result } of outcome) {
        const seat = classroom.seat(seatId);
        if (!result.ok)
          conn.send(refusal(result.refusal.code, `${seat?.trainee.name}: ${result.refusal.message}`, 'inject'));
        if (seat !== undefined) this.#pushSeat(classroom, seat);
      }
      this.#pushInstructors(classroom, true);
      return;
    }
    if (message.type === 'remove') return this.#removeSeat(conn, classroom, message.seatId);
    if (message.action === 'lock' || message.action === 'unlock') {
      classroom.lock(message.action === 'lock');
      this.#pushInstructors(classroom, false);
      return;
    }
    if (message.action === 'end') {
      classroom.end();
      for (const seat of classroom.seats()) await this.#finishSeat(classroom, seat);
      await this.#store.endClass(classroom.id, new Date(this.#now()).toISOString());
    } else classroom.control(message.action, message.speed);
    for (const seat of classroom.seats()) this.#pushSeat(classroom, seat);
    this.#pushInstructors(classroom, true);
  }

  /**
   * Takes a seat out of a class: an exercise the trainee acted in is finished and recorded first
   * (nothing of theirs is lost); its devices are told and let go; the place is free again.
   */
  async #removeSeat(conn: Conn, classroom: Classroom, seatId: string): Promise<void> {
    const seat = classroom.seat(seatId);
    if (seat === undefined) return this.#refuse(conn, 'seat.unknown', 'No such trainee in this class.', 'remove');
    if (!seat.finished && seat.summary(false).actions > 0) await this.#finishSeat(classroom, seat);
    classroom.removeSeat(seat.id);
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

  async #finishSeat(classroom: Classroom, seat: Seat): Promise<void> {
    if (seat.finished) return;
    const { debrief, record } = seat.finish();
    const recordId = await this.#store.addRecord({
      traineeId: seat.trainee.id,
      classId: classroom.id,
      exerciseFile: classroom.exercise.file,
      exerciseName: classroom.exercise.scenario.name,
      exerciseVersion: classroom.exercise.version,
      startedAt: seat.startedAt,
      finishedAt: new Date(this.#now()).toISOString(),
      scorePercent: debrief.scorePercent,
      passed: debrief.passed,
      debrief,
      record,
    });
    seat.recorded(recordId);
    this.#pushSeat(classroom, seat);
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
   * Real time passed: every running class's clock moves, the trainees' views follow at most every
   * 250 ms and the instructors' class views every second.
   */
  tick(realMs: number): void {
    const now = this.#now();
    const trainees = now - this.#lastTraineePush >= TRAINEE_PUSH_MS;
    const instructors = now - this.#lastInstructorPush >= INSTRUCTOR_PUSH_MS;
    if (trainees) this.#lastTraineePush = now;
    if (instructors) this.#lastInstructorPush = now;
    for (const classroom of this.#classes.values()) {
      const moved = classroom.tick(realMs);
      if (moved && trainees) for (const seat of classroom.seats()) this.#pushSeat(classroom, seat);
      if ((moved || classroom.seats().length > 0) && instructors && !classroom.ended)
        this.#pushInstructors(classroom, true);
    }
  }
}
