// The floors the engine's seven-year run is measured against (#18): the same history and the same
// integer physics written as plainly as a person would, once as a minimal event loop (jump from
// one instant where a rate changes to the next) and once as a one-minute loop. Both must give the
// engine's totals to the nanolitre and the millisecond (floorLoops.test.ts holds them to it).

const DAY = 86_400_000;
const MINUTE = 60_000;

/** The benchmark's pump and history: the figures pumpLifetime.perf.ts runs through the engine. */
export interface LifetimeHistory {
  /** Flex steps: start minute and rate in nL/day (dose / concentration, whole here). */
  readonly steps: readonly { readonly startMinute: number; readonly rate: number }[];
  readonly capacity: number;
  readonly deadSpace: number;
  readonly refillEveryMs: number;
  readonly untilMs: number;
  readonly battery: { readonly capacity: number; readonly idleDrain: number; readonly eriToEos: number };
}

/** 20 mL, 2000 mcg/mL, 200/300/250/350 mcg/day from 00:00/06:00/12:00/18:00, refilled every 84 days. */
export const LIFETIME_HISTORY: LifetimeHistory = {
  steps: [
    { startMinute: 0, rate: 100_000 },
    { startMinute: 360, rate: 150_000 },
    { startMinute: 720, rate: 125_000 },
    { startMinute: 1080, rate: 175_000 },
  ],
  capacity: 20_000_000,
  deadSpace: 1_400_000,
  refillEveryMs: 84 * DAY,
  untilMs: 7 * 365 * DAY,
  battery: { capacity: 7_665_000_000, idleDrain: 3_000_000, eriToEos: 90 * DAY },
};

/** What both loops and the engine must agree on. */
export interface LifetimeTotals {
  /** Where the history stopped: the refill instant that found the pump at end of service, or the end. */
  readonly endMs: number;
  readonly deliveredNl: number;
  readonly calculatedNl: number;
  readonly realNl: number;
  readonly eriAtMs: number | null;
  readonly eosAtMs: number | null;
  readonly refills: number;
}

/** A running integral kept as whole units plus a carry in 1/DAY, so no product leaves safe integers. */
class Total {
  amount = 0;
  carry = 0;
  add(ratePerDay: number, dtMs: number) {
    const whole = Math.floor(dtMs / DAY);
    const part = ratePerDay * (dtMs - whole * DAY) + this.carry;
    const extra = Math.floor(part / DAY);
    this.amount += ratePerDay * whole + extra;
    this.carry = part - extra * DAY;
  }
  /** The first dt (ms) after which `amount` reaches `target`, or null when it does not within `dtMs`. */
  reaches(ratePerDay: number, target: number, dtMs: number): number | null {
    const probe = new Total();
    probe.amount = this.amount;
    probe.carry = this.carry;
    probe.add(ratePerDay, dtMs);
    if (probe.amount < target) return null;
    const need = target - this.amount;
    return Math.max(0, Math.ceil((need * DAY - this.carry) / ratePerDay));
  }
}

/** The rate in force at a time of day, and the next step boundary after it (ms after `now`). */
function flexAt(h: LifetimeHistory, now: number): { rate: number; untilNext: number } {
  const tod = now % DAY;
  let rate = h.steps[0]?.rate ?? 0;
  let next = DAY;
  for (const s of h.steps) {
    if (s.startMinute * MINUTE <= tod) rate = s.rate;
    else {
      next = s.startMinute * MINUTE;
      break;
    }
  }
  return { rate, untilNext: next - tod };
}

/**
 * The pump's state as the loops keep it: belief and truth reservoirs, what was delivered, the battery.
 * `step` moves it by `dt` at the rate in force, stopping at ERI when it falls inside.
 */
function createPump(h: LifetimeHistory) {
  const pump = {
    now: 0,
    belief: new Total(),
    beliefBase: h.capacity,
    real: new Total(),
    realIn: h.capacity,
    drained: new Total(),
    eriAt: null as number | null,
    refills: 0,
    /** Moves up to `dt` (less when ERI falls inside); returns the time moved. */
    step(rate: number, dt: number): number {
      const drain = h.battery.idleDrain + rate;
      if (pump.eriAt === null) {
        const cross = pump.drained.reaches(drain, h.battery.capacity, dt);
        if (cross !== null && cross < dt) dt = cross;
      }
      pump.belief.add(rate, dt);
      pump.real.add(rate, dt);
      if (pump.eriAt === null) pump.drained.add(drain, dt);
      pump.now += dt;
      if (pump.eriAt === null && pump.drained.amount >= h.battery.capacity) pump.eriAt = pump.now;
      return dt;
    },
    refill() {
      // aspirate all but the dead space (or all there is), then fill to capacity: the real
      // reservoir holds its capacity again, whatever was left
      pump.realIn = pump.real.amount + h.capacity;
      pump.beliefBase = h.capacity;
      pump.belief = new Total();
      pump.refills += 1;
    },
    totals(): LifetimeTotals {
      return {
        endMs: pump.now,
        deliveredNl: pump.real.amount,
        calculatedNl: Math.max(0, pump.beliefBase - pump.belief.amount),
        realNl: pump.realIn - pump.real.amount,
        eriAtMs: pump.eriAt,
        eosAtMs: pump.eriAt === null ? null : pump.eriAt + h.battery.eriToEos,
        refills: pump.refills,
      };
    },
  };
  return pump;
}

/** Runs to `to` by jumping from one instant where anything changes to the next. */
function eventLoop(h: LifetimeHistory, pump: ReturnType<typeof createPump>, to: number) {
  while (pump.now < to) {
    const eos = pump.eriAt === null ? Number.POSITIVE_INFINITY : pump.eriAt + h.battery.eriToEos;
    const delivering = pump.now < eos;
    const { rate, untilNext } = flexAt(h, pump.now);
    const dt = Math.min(untilNext, to - pump.now, delivering ? eos - pump.now : Number.POSITIVE_INFINITY);
    pump.step(delivering ? rate : 0, dt);
  }
}

/** Runs to `to` a minute at a time (shorter only where ERI or EOS falls inside a minute). */
function minuteLoop(h: LifetimeHistory, pump: ReturnType<typeof createPump>, to: number) {
  while (pump.now < to) {
    const eos = pump.eriAt === null ? Number.POSITIVE_INFINITY : pump.eriAt + h.battery.eriToEos;
    const delivering = pump.now < eos;
    const { rate } = flexAt(h, pump.now);
    const dt = Math.min(MINUTE - (pump.now % MINUTE), to - pump.now, delivering ? eos - pump.now : MINUTE);
    pump.step(delivering ? rate : 0, dt);
  }
}

function lifetime(h: LifetimeHistory, loop: typeof eventLoop): LifetimeTotals {
  const pump = createPump(h);
  for (let t = h.refillEveryMs; t <= h.untilMs; t += h.refillEveryMs) {
    loop(h, pump, t);
    if (pump.eriAt !== null && pump.now >= pump.eriAt + h.battery.eriToEos) return pump.totals();
    pump.refill();
  }
  loop(h, pump, h.untilMs);
  return pump.totals();
}

/** The minimal integer event loop: the floor of what event-driven time can cost. */
export const minimalEventLoop = (h: LifetimeHistory = LIFETIME_HISTORY): LifetimeTotals => lifetime(h, eventLoop);

/** A plain one-minute loop with the same integer physics: what a person would write without events. */
export const oneMinuteLoop = (h: LifetimeHistory = LIFETIME_HISTORY): LifetimeTotals => lifetime(h, minuteLoop);
