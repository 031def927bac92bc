import type { ServerMessage } from '@itps/scenarios';
import type WebSocket from 'ws';
import type { HubConnection, HubLog } from './classHub.ts';

/** How many sockets the server holds at once, and from one network address. */
export interface SocketLimits {
  readonly total: number;
  readonly perAddress: number;
}

/** The default: enough for 300 trainees and their instructors, 64 tabs from one address. */
export const SOCKET_LIMITS: SocketLimits = { total: 1000, perAddress: 64 };

/** Refusals in a minute after which a client is taken for hostile and disconnected. */
export const STRIKES_PER_MIN = 30;

/** Close codes (RFC 6455 section 7.4.1) and the reasons a client is told. */
export const CLOSE = {
  unsupported: 1003,
  policy: 1008,
  tooBig: 1009,
  serverError: 1011,
  tryLater: 1013,
} as const;

/**
 * Refusals that a working client never earns: a frame that is not JSON, too deep or too large, a
 * message of no known form, a command no trainee could send, a message out of turn, the rate, a
 * guessed instructor token. Each is a strike; a seat that is no longer known is not (a stale tab).
 */
const STRIKES = new Set([
  'message.json',
  'message.invalid',
  'message.rate',
  'message.outOfTurn',
  'message.binary',
  'command.invalid',
  'auth.refused',
  'auth.required',
  'join.rate',
  'name.invalid',
]);

/** Frames whose refusal also closes the socket at once: nothing a working client sends. */
const CLOSE_AT_ONCE: Readonly<Record<string, { code: number; reason: string }>> = {
  'message.depth': { code: CLOSE.policy, reason: 'A message nested too deep; the connection is closed.' },
  'message.size': { code: CLOSE.tooBig, reason: 'A message too large; the connection is closed.' },
  'message.binary': { code: CLOSE.unsupported, reason: 'Messages are JSON text; the connection is closed.' },
};

/**
 * The sockets the server holds: it bounds how many (in all and from one address), feeds each text
 * frame to the hub, and closes a hostile client with a close code and a reason, logged. Nothing a
 * client sends escapes it as an exception: a failure in the hub is logged and closes that socket.
 */
export class ClientSockets {
  readonly #limits: SocketLimits;
  readonly #log: HubLog;
  readonly #perAddress = new Map<string, number>();
  #total = 0;

  constructor(log: HubLog, limits: SocketLimits = SOCKET_LIMITS) {
    this.#log = log;
    this.#limits = limits;
  }

  /** Sockets open now. */
  get open(): number {
    return this.#total;
  }

  /**
   * Takes a new socket from `address`: refused (closed at once, 1013) when the server or that
   * address holds its limit, else connected to the hub through `connect`.
   */
  attach(socket: WebSocket, address: string, connect: (send: (m: ServerMessage) => void) => HubConnection): void {
    const fromAddress = this.#perAddress.get(address) ?? 0;
    if (this.#total >= this.#limits.total || fromAddress >= this.#limits.perAddress) {
      const reason =
        this.#total >= this.#limits.total
          ? `The server holds ${this.#limits.total} connections; try again later.`
          : `Your address holds ${this.#limits.perAddress} connections; close some tabs.`;
      this.#log.warn({ address, total: this.#total, fromAddress }, `refused a connection: ${reason}`);
      socket.close(CLOSE.tryLater, reason);
      return;
    }
    this.#total += 1;
    this.#perAddress.set(address, fromAddress + 1);

    const strikes: number[] = [];
    let closing = false;
    const hangUp = (code: number, reason: string, fields: Record<string, unknown>) => {
      if (closing) return;
      closing = true;
      this.#log.warn({ address, code, ...fields }, `disconnected a client: ${reason}`);
      socket.close(code, reason);
    };
    const send = (message: ServerMessage) => {
      if (socket.readyState !== socket.OPEN || closing) return;
      socket.send(JSON.stringify(message));
      if (message.type !== 'error') return;
      const atOnce = CLOSE_AT_ONCE[message.code];
      if (atOnce !== undefined) return hangUp(atOnce.code, atOnce.reason, { refused: message.code });
      if (!STRIKES.has(message.code)) return;
      const now = performance.now();
      strikes.push(now);
      while ((strikes[0] ?? now) < now - 60_000) strikes.shift();
      if (strikes.length >= STRIKES_PER_MIN)
        hangUp(CLOSE.policy, `${STRIKES_PER_MIN} refused messages in a minute; the connection is closed.`, {
          refused: message.code,
        });
    };
    const connection = connect(send);

    socket.on('message', (data, isBinary) => {
      if (closing) return;
      if (isBinary) {
        send({ type: 'error', code: 'message.binary', message: 'Messages are JSON text.' });
        return;
      }
      let received: Promise<void>;
      try {
        received = connection.receive(String(data));
      } catch (error) {
        received = Promise.reject(error);
      }
      received.catch((error: unknown) => {
        this.#log.error({ err: error, address }, 'a client message failed past the hub');
        hangUp(CLOSE.serverError, 'The server failed on that message; reconnect.', {});
      });
    });
    // ws reports a frame it cannot take (invalid UTF-8, a bad opcode, over the size limit) here and
    // closes the socket itself with the matching code (1007, 1002, 1009)
    socket.on('error', (error: Error & { code?: string }) => {
      closing = true;
      this.#log.warn({ address, err: error.code ?? error.message }, 'disconnected a client: a frame ws refused');
    });
    socket.on('close', () => {
      this.#total -= 1;
      const left = (this.#perAddress.get(address) ?? 1) - 1;
      if (left <= 0) this.#perAddress.delete(address);
      else this.#perAddress.set(address, left);
      try {
        connection.closed();
      } catch (error) {
        this.#log.error({ err: error, address }, 'closing a connection failed');
      }
    });
  }
}
