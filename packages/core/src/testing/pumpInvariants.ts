import { advancePump } from '../pump/advancePump.ts';
import { alarmConditions } from '../pump/alarmConditions.ts';
import { commandedRate, isEndOfService } from '../pump/deliveryRate.ts';
import { getDeviceProfile } from '../pump/deviceProfile.ts';
import { nextDueTime } from '../pump/nextDueTime.ts';
import { logEntries, logEntriesSince } from '../pump/pumpLog.ts';
import type { PumpState } from '../pump/pumpState.ts';
import { reservoirContents } from '../pump/reservoir.ts';
import { maxProgrammedRate } from '../pump/therapyRate.ts';
import { STATE_INVARIANTS, type Violation } from '../sim/stateInvariants.ts';
import type { Milliseconds } from '../units/quantity.ts';
import type { HistoryStep } from './runPumpHistory.ts';

export { accountedFor, type Violation } from '../sim/stateInvariants.ts';

/** A function that checks a whole run and lists what it found wrong. */
export type RunInvariant = (run: readonly HistoryStep[]) => Violation[];

const statesOf = (run: readonly HistoryStep[]): PumpState[] => {
  const first = run[0];
  return first === undefined ? [] : [first.before.context.pump, ...run.map((s) => s.after.context.pump)];
};

/** REQ-CONS-01, REQ-CONS-02: the volume and every drug's mass loaded equal what is in the fluid path plus every sink, exactly, drug by drug. */
export const checkConservation: RunInvariant = (run) => statesOf(run).flatMap(STATE_INVARIANTS['REQ-CONS-01']);

/** REQ-RES-01: the calculated reservoir volume is never negative and never above capacity. */
export const checkCalculatedVolumeBounds: RunInvariant = (run) => statesOf(run).flatMap(STATE_INVARIANTS['REQ-RES-01']);

/** REQ-RATE-01: the stored program's every rate is within the profile's limits, or the mode is minimum or stopped. */
export const checkProgrammedRate: RunInvariant = (run) => statesOf(run).flatMap(STATE_INVARIANTS['REQ-RATE-01']);

/**
 * REQ-DEL-01: nothing reaches the patient while therapy is suspended, the calculated reservoir is
 * empty, or after EOS. A wait that starts halted must deliver nothing; a wait that crosses into a
 * halt (the reservoir empties, or EOS comes, on the way) must deliver nothing after that instant:
 * the state at the instant it halted and the state at the end agree on every drop delivered.
 */
export const checkNoDeliveryWhenHalted: RunInvariant = (run) =>
  run.flatMap(({ command, before, after }) => {
    if (command.kind !== 'wait') return [];
    const b = before.context.pump;
    const a = after.context.pump;
    const moved = (from: PumpState) => ({
      delivered: a.truth.sinks.csf.volume - from.truth.sinks.csf.volume,
      reservoirOut:
        reservoirContents(from.truth.path.reservoir).volume - reservoirContents(a.truth.path.reservoir).volume,
    });
    const halted = !b.therapyActive || b.belief.calculatedReservoir === 0 || isEndOfService(b);
    if (halted) {
      const m = moved(b);
      return m.delivered !== 0 || m.reservoirOut !== 0
        ? [{ requirement: 'REQ-DEL-01', at: b.now, message: `${m.delivered} nL delivered while halted` }]
        : [];
    }
    // the instants inside the wait at which the pump had to halt by itself
    const inside = (t: Milliseconds | null) => (t !== null && t > b.now && t < a.now ? t : null);
    const haltsAt = [
      inside(a.battery.eosAt),
      a.alarms.reservoirEmpty.active ? inside(a.alarms.reservoirEmpty.since) : null,
    ].filter((t): t is Milliseconds => t !== null);
    if (haltsAt.length === 0) return [];
    const from = advancePump(b, Math.min(...haltsAt) as Milliseconds);
    const m = moved(from);
    return m.delivered !== 0 || m.reservoirOut !== 0
      ? [
          {
            requirement: 'REQ-DEL-01',
            at: from.now,
            message: `${m.delivered} nL delivered after the pump halted at ${from.now} ms (${isEndOfService(from) ? 'end of service' : 'reservoir empty'})`,
          },
        ]
      : [];
  });

/**
 * REQ-ALM-01: each alarm is active exactly while its condition holds, and every `raised` entry in
 * the log is at the first instant its condition holds (it did not hold 1 ms before).
 */
export const checkAlarmsMatchConditions: RunInvariant = (run) => {
  const violations: Violation[] = statesOf(run).flatMap(STATE_INVARIANTS['REQ-ALM-01']);
  for (const { command, before, after } of run) {
    if (command.kind !== 'wait') continue;
    const b = before.context.pump;
    // the log is in time order: each look goes on from the last one (the kernel gives the same
    // state however time is cut, REQ-TIME-01), so a wait costs one advance however many alarms
    let justBefore = b;
    let atInstant = b;
    for (const entry of logEntriesSince(after.context.pump.log, b.log.length)) {
      const m = /^alarm\.(\w+)\.raised$/.exec(entry.type);
      if (m === null || entry.at <= b.now) continue;
      const name = m[1] as keyof ReturnType<typeof alarmConditions>;
      if (atInstant.now !== entry.at) {
        justBefore = advancePump(atInstant, (entry.at - 1) as Milliseconds);
        atInstant = advancePump(justBefore, entry.at as Milliseconds);
      }
      if (alarmConditions(justBefore)[name] || !alarmConditions(atInstant)[name]) {
        violations.push({
          requirement: 'REQ-ALM-01',
          at: entry.at,
          message: `${name} raised at ${entry.at} ms is not the instant its condition starts`,
        });
      }
    }
  }
  return violations;
};

/** REQ-BAT-01: once ERI is known, EOS is exactly 90 days (the profile's ERI-to-EOS time) after it. */
export const checkEosAfterEri: RunInvariant = (run) =>
  statesOf(run).flatMap((s) => {
    const { eriAt, eosAt } = s.battery;
    if (eriAt === null)
      return eosAt === null ? [] : [{ requirement: 'REQ-BAT-01', at: s.now, message: 'EOS without ERI' }];
    const expected = eriAt + getDeviceProfile(s.profileId).battery.eriToEos;
    return eosAt === expected
      ? []
      : [{ requirement: 'REQ-BAT-01', at: s.now, message: `EOS at ${eosAt}, expected ${expected}` }];
  });

/** REQ-LOG-01: the event log only grows, and its times never go backwards. */
export const checkLogAppendOnly: RunInvariant = (run) =>
  run.flatMap(({ before, after }) => {
    const b = logEntries(before.context.pump.log);
    const a = logEntries(after.context.pump.log);
    const prefixKept = b.every((e, i) => a[i] === e || (a[i]?.at === e.at && a[i]?.type === e.type));
    const monotonic = a.every((e, i) => i === 0 || (a[i - 1]?.at ?? 0) <= e.at);
    return prefixKept && monotonic
      ? []
      : [
          {
            requirement: 'REQ-LOG-01',
            at: after.context.pump.now,
            message: 'the log was rewritten or went back in time',
          },
        ];
  });

/**
 * REQ-PROG-01: after any update (committed, refused or abandoned) the stored program, calculated
 * volume and alarm threshold are exactly the old ones or exactly the new ones, never a mix.
 */
export const checkAtomicUpdate: RunInvariant = (run) =>
  run.flatMap(({ command, before, after }) => {
    if (command.kind !== 'update' && command.kind !== 'refill') return [];
    const b = before.context.pump;
    const a = after.context.pump;
    const update =
      command.kind === 'update' ? (command.abandon ? {} : command.update) : { calculatedReservoir: command.record };
    const unchanged =
      a.program === b.program &&
      a.belief.calculatedReservoir === b.belief.calculatedReservoir &&
      a.lowReservoirThreshold === b.lowReservoirThreshold;
    const applied =
      (update.program === undefined ? a.program === b.program : a.program === update.program) &&
      (update.calculatedReservoir === undefined || a.belief.calculatedReservoir === update.calculatedReservoir) &&
      (update.lowReservoirThreshold === undefined || a.lowReservoirThreshold === update.lowReservoirThreshold);
    const violations =
      unchanged || applied ? [] : [{ requirement: 'REQ-PROG-01', at: a.now, message: 'an update was applied in part' }];
    // an abandoned update (the session opened, then dropped) leaves the old program, the pump
    // stopped, and the abandonment in the log, whenever the pump had accepted the update's start
    const accepted = before.value === 'running' || before.value === 'stopped';
    if (command.kind === 'update' && command.abandon && accepted && !isEndOfService(a)) {
      const logged = logEntriesSince(a.log, b.log.length).some((e) => e.type === 'update.incomplete');
      if (after.value !== 'stopped' || a.therapyActive || a.program !== b.program || !logged)
        violations.push({
          requirement: 'REQ-PROG-01',
          at: a.now,
          message: `an abandoned update left the pump ${String(after.value)}${a.therapyActive ? ' delivering' : ''}${a.program !== b.program ? ' with a new program' : ''}${logged ? '' : ', with nothing logged'}`,
        });
    }
    return violations;
  });

/**
 * REQ-BOL-01: a bolus never starts while another runs, and the commanded flow never exceeds the
 * profile's maximum, at every command and every internal instant of every wait.
 */
export const checkBolusLimits: RunInvariant = (run) => {
  const violations: Violation[] = [];
  const check = (s: PumpState) => {
    const rate = commandedRate(s);
    const max = getDeviceProfile(s.profileId).maxRate;
    if (rate > max)
      violations.push({ requirement: 'REQ-BOL-01', at: s.now, message: `commanded ${rate} nL/day > max ${max}` });
  };
  for (const { command, before, after } of run) {
    check(before.context.pump);
    if (command.kind === 'wait') {
      let s = before.context.pump;
      const profile = getDeviceProfile(s.profileId);
      // once no bolus runs, the commanded flow is the program's basal flow or none: when the
      // program's highest flow is within the limit, no later instant of the wait can break it
      const basalWithin = maxProgrammedRate(s.program, profile) <= profile.maxRate;
      for (let due = nextDueTime(s); due <= after.context.pump.now; due = nextDueTime(s)) {
        if (s.bolus === null && basalWithin) break;
        s = advancePump(s, due as Milliseconds);
        check(s);
      }
    }
  }
  const last = run[run.length - 1];
  let active = false;
  for (const entry of last === undefined ? [] : logEntries(last.after.context.pump.log)) {
    if (entry.type === 'bolus.started') {
      if (active)
        violations.push({ requirement: 'REQ-BOL-01', at: entry.at, message: 'a bolus started while another ran' });
      active = true;
    } else if (entry.type === 'bolus.completed' || entry.type === 'bolus.cancelled') {
      active = false;
    }
  }
  return violations;
};

/** The part of a state the pump itself knows: what a programmer could ever read. */
export const believedPart = (s: PumpState) => ({
  now: s.now,
  program: s.program,
  therapyActive: s.therapyActive,
  calculatedReservoir: s.belief.calculatedReservoir,
  alarms: s.alarms,
  log: s.log,
  bolus: s.bolus,
  motor: s.motor,
});

/** Every run invariant above, in the order the deep campaign judges them. */
export const PUMP_RUN_INVARIANTS: readonly RunInvariant[] = [
  checkConservation,
  checkCalculatedVolumeBounds,
  checkProgrammedRate,
  checkNoDeliveryWhenHalted,
  checkAlarmsMatchConditions,
  checkAtomicUpdate,
  checkLogAppendOnly,
  checkEosAfterEri,
  checkBolusLimits,
];
