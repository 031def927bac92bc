/** Sockets one seat may have open at once (a tablet, a second tab, a reconnect overlapping). */
export const MAX_SOCKETS_PER_SEAT = 3;
/** Commands one seat may send in a second on average, and in a burst (over all its sockets). */
export const SEAT_COMMANDS_PER_S = 10;
export const SEAT_COMMAND_BURST = 30;
/** Joins (and join attempts) one network address may make in a minute, and in a burst. */
export const JOINS_PER_ADDRESS_PER_MIN = 10;

/**
 * A token bucket: `burst` tokens, refilled at `perSecond`; each action takes one. Time comes from
 * `now` (milliseconds), so a test drives it.
 */
export class TokenBucket {
  readonly #perSecond: number;
  readonly #burst: number;
  #tokens: number;
  #at: number;

  constructor(perSecond: number, burst: number, now: number) {
    this.#perSecond = perSecond;
    this.#burst = burst;
    this.#tokens = burst;
    this.#at = now;
  }

  /** Takes a token if there is one. */
  take(now: number): boolean {
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#at) / 1000) * this.#perSecond);
    this.#at = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Whether the bucket is full again at `now` (it can be forgotten). */
  full(now: number): boolean {
    return this.#tokens + ((now - this.#at) / 1000) * this.#perSecond >= this.#burst;
  }
}

/**
 * What one trainee or one address may use of the server, so that no one slows the others: each
 * seat's commands (a token bucket per seat, shared by its sockets) and each address's joins.
 */
export class FairShares {
  readonly #seats = new WeakMap<object, TokenBucket>();
  readonly #joins = new Map<string, TokenBucket>();
  readonly #joinsPerMin: number;

  constructor(joinsPerMin: number = JOINS_PER_ADDRESS_PER_MIN) {
    this.#joinsPerMin = joinsPerMin;
  }

  /** Whether `seat` may send one more command at `now`. */
  seatCommand(seat: object, now: number): boolean {
    let bucket = this.#seats.get(seat);
    if (bucket === undefined) {
      bucket = new TokenBucket(SEAT_COMMANDS_PER_S, SEAT_COMMAND_BURST, now);
      this.#seats.set(seat, bucket);
    }
    return bucket.take(now);
  }

  /** Whether `address` may try one more join at `now`. */
  join(address: string, now: number): boolean {
    for (const [a, b] of this.#joins) if (b.full(now)) this.#joins.delete(a);
    let bucket = this.#joins.get(address);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.#joinsPerMin / 60, this.#joinsPerMin, now);
      this.#joins.set(address, bucket);
    }
    return bucket.take(now);
  }

  get joinsPerMin(): number {
    return this.#joinsPerMin;
  }
}
