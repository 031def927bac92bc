import { solutionStabilityDays } from '../drug/drugLibrary.ts';
import { averageProgramRate, batteryDrainPerDay } from '../pump/batteryLife.ts';
import type { AlarmName } from '../pump/deviceProfile.ts';
import { getDeviceProfile } from '../pump/deviceProfile.ts';
import { logEntries } from '../pump/pumpLog.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import type { Milliseconds, NanolitresPerDay, PicogramsPerDay } from '../units/quantity.ts';
import { timeToAccumulate } from '../units/rateIntegral.ts';
import { MS_PER_DAY } from '../units/time.ts';
import { forecastReservoir } from './forecastReservoir.ts';
import { replaceByAt } from './refillPlanning.ts';

/**
 * One date the programmer shows, as it stands at the interrogation:
 * - `expected`: still to come, if the pump goes on as it is;
 * - `past`: already come (an alarm sounding since, a refill overdue since, ERI reached at);
 * - `halted`: does not come while the pump delivers nothing (stopped, empty, stalled); `afterRestart`
 *   is how long after therapy restarts it would come, null when it then never would (or the pump
 *   cannot restart: end of service, memory error);
 * - `none`: no date (nothing drains the reservoir within the two-year horizon, no refill recorded,
 *   a battery that never reaches ERI).
 */
export type ForecastDate =
  | { readonly status: 'expected'; readonly at: Milliseconds }
  | { readonly status: 'past'; readonly at: Milliseconds }
  | { readonly status: 'halted'; readonly afterRestart: Milliseconds | null }
  | { readonly status: 'none' };

/**
 * Why the pump delivers what it delivers now, as its own report (telemetry) says, most binding first:
 * a memory error, end of service, a stalled motor, waiting to be read after an MRI, an empty
 * reservoir, an update begun and not completed, a clinician's stop, a program of no therapy; or it
 * runs (at the minimum rate after a low-battery reset, with a bolus, or as programmed).
 */
export type DoseNowReason =
  | 'memoryError'
  | 'endOfService'
  | 'motorStall'
  | 'awaitingInterrogation'
  | 'reservoirEmpty'
  | 'updateIncomplete'
  | 'stoppedByClinician'
  | 'programStopped'
  | 'minimumRate'
  | 'bolus'
  | 'running';

/** What the pump really delivers now, and why. */
export interface DoseNow {
  /** The daily dose delivered now: zero whenever the pump delivers nothing, whatever the program says. */
  readonly dose: PicogramsPerDay;
  readonly reason: DoseNowReason;
  /** Whether therapy is halted (no drug leaves the pump). */
  readonly halted: boolean;
}

/** The dates the programmer works out from an interrogation: when to expect the alarm, refill, replace. */
export interface ProgrammerDates {
  /** When the low-reservoir alarm is expected if therapy runs as programmed; null when it never is. */
  readonly lowReservoirAt: Milliseconds | null;
  /** When the reservoir is expected to be empty; null when it never is. */
  readonly emptyAt: Milliseconds | null;
  /** Refill by: the alarm date or the drug's stability limit, whichever is first (past when overdue). */
  readonly refillBy: Milliseconds | null;
  /**
   * When the elective replacement indicator is due: the instant it was raised, or before it an
   * estimate from the battery charge the pump reports and the program's average flow (null when the
   * battery would never reach it).
   */
  readonly eriExpectedAt: Milliseconds | null;
  /** Replace the pump by: ERI (reached or expected) plus the profile's ERI-to-EOS time. */
  readonly replaceBy: Milliseconds | null;
  /** What is delivered now and why (0 mcg/day while stopped, empty, stalled, at EOS). */
  readonly doseNow: DoseNow;
  /** The low-reservoir alarm: sounding since, expected, or not while halted. */
  readonly lowReservoir: ForecastDate;
  /** The reservoir empty: since, expected, or not while halted. */
  readonly empty: ForecastDate;
  /** Next refill: overdue since, or by. */
  readonly refill: ForecastDate;
  /** Elective replacement indicator: reached at, or expected. */
  readonly eri: ForecastDate;
  /** Replace the pump by: end of service (past once the pump has stopped for good). */
  readonly replace: ForecastDate;
}

/** What the dates depend on: the pump as interrogated (or as it will be after an update). */
export type DatesInput = Pick<
  PumpBeliefView,
  | 'profileId'
  | 'now'
  | 'timeOfDayAtStart'
  | 'calculatedReservoir'
  | 'lowReservoirThreshold'
  | 'concentration'
  | 'therapy'
  | 'lastRefill'
  | 'eriAt'
  | 'batteryRemaining'
> &
  Partial<
    Pick<
      PumpBeliefView,
      'state' | 'suspended' | 'awaitingInterrogation' | 'eosAt' | 'dose' | 'bolus' | 'log' | 'drug' | 'admixed'
    >
  >;

/** The instant an alarm was last raised, from the pump's own log; null when the log never says. */
function raisedAt(view: DatesInput, alarm: AlarmName): Milliseconds | null {
  if (view.log === undefined) return null;
  const entries = logEntries(view.log);
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e !== undefined && e.type === `alarm.${alarm}.raised`) return e.at;
  }
  return null;
}

/** Whether the pump's suspension is an update begun (or dropped) and not completed, from its log. */
function suspendedByUpdate(view: DatesInput): boolean {
  if (view.log === undefined) return false;
  const entries = logEntries(view.log);
  for (let i = entries.length - 1; i >= 0; i--) {
    const type = entries[i]?.type;
    if (type === 'update.begun' || type === 'update.incomplete') return true;
    if (type === 'pump.started') return false;
  }
  return false;
}

/**
 * What the pump delivers now, and why, from its report alone: zero, with the cause, whenever it
 * delivers nothing; its programmed dose otherwise (the current flex step's).
 */
export function doseNowOf(view: DatesInput): DoseNow {
  const halt = (reason: DoseNowReason): DoseNow => ({ dose: 0 as PicogramsPerDay, reason, halted: true });
  if (view.state === 'error') return halt('memoryError');
  if (view.state === 'endOfService' || (view.eosAt != null && view.now >= view.eosAt)) return halt('endOfService');
  if (view.state === 'stalled') return halt('motorStall');
  if (view.awaitingInterrogation === true) return halt('awaitingInterrogation');
  if (view.calculatedReservoir === 0) return halt('reservoirEmpty');
  if (view.suspended === true) return halt(suspendedByUpdate(view) ? 'updateIncomplete' : 'stoppedByClinician');
  if (view.therapy.mode === 'stopped') return halt('programStopped');
  const dose = (view.dose ?? 0) as PicogramsPerDay;
  if (view.therapy.mode === 'minimum') return { dose, reason: 'minimumRate', halted: false };
  return { dose, reason: view.bolus != null ? 'bolus' : 'running', halted: false };
}

/** Halts the pump cannot come out of by a restart: the dates after a restart do not exist. */
const PERMANENT: readonly DoseNowReason[] = ['memoryError', 'endOfService'];

const dateOf = (d: ForecastDate): Milliseconds | null => (d.status === 'expected' || d.status === 'past' ? d.at : null);

/** A date at `at` seen from `now`: past when it has come, expected when it is still to come. */
const seen = (at: Milliseconds, now: Milliseconds): ForecastDate =>
  at <= now ? { status: 'past', at } : { status: 'expected', at };

/**
 * The programmer's forecast dates for a pump as interrogated, or as an update would leave it, true in
 * every state the pump reports: a date already come is `past` (the alarm sounding since it was
 * raised, the refill overdue since it was due), a reservoir that does not drain (stopped, empty,
 * stalled, end of service) has no alarm or empty date while it stays so, and the battery drains at
 * its resting rate while nothing is pumped.
 */
export function forecastDates(view: DatesInput): ProgrammerDates {
  const profile = getDeviceProfile(view.profileId);
  const { now } = view;
  // the drug sets only the stability limit; a view without one is a baclofen pump's
  const drug = view.drug ?? 'baclofen';
  const admixed = view.admixed ?? [];
  const program = { drug, concentration: view.concentration, therapy: view.therapy };
  const doseNow = doseNowOf(view);
  const permanent = PERMANENT.includes(doseNow.reason);
  // as programmed from now on (what a restart would bring); a program of no therapy never drains it
  const asProgrammed = forecastReservoir({
    now,
    timeOfDayAtStart: view.timeOfDayAtStart,
    calculatedReservoir: view.calculatedReservoir,
    threshold: view.lowReservoirThreshold,
    program,
    profile,
  });
  const ahead = (at: Milliseconds | null): ForecastDate => {
    if (doseNow.halted)
      return { status: 'halted', afterRestart: permanent || at === null ? null : ((at - now) as Milliseconds) };
    return at === null ? { status: 'none' } : { status: 'expected', at };
  };
  const lowReservoir: ForecastDate =
    view.calculatedReservoir <= view.lowReservoirThreshold
      ? { status: 'past', at: raisedAt(view, 'lowReservoir') ?? now }
      : ahead(asProgrammed.lowReservoirAt);
  const empty: ForecastDate =
    view.calculatedReservoir === 0
      ? { status: 'past', at: raisedAt(view, 'reservoirEmpty') ?? now }
      : ahead(asProgrammed.emptyAt);
  // refill by: the alarm (come or to come) or the drug's stability limit, whichever is first
  const stability =
    view.lastRefill === null
      ? null
      : ((view.lastRefill.at +
          solutionStabilityDays({ drug, concentration: view.concentration }, admixed) * MS_PER_DAY) as Milliseconds);
  const alarm = dateOf(lowReservoir);
  const due = [alarm, stability].filter((d): d is Milliseconds => d !== null);
  const refill: ForecastDate =
    due.length > 0
      ? seen(Math.min(...due) as Milliseconds, now)
      : lowReservoir.status === 'halted'
        ? lowReservoir
        : { status: 'none' };
  // the battery drains at rest while nothing is pumped, and at the program's average flow otherwise
  const flow = doseNow.halted ? (0 as NanolitresPerDay) : averageProgramRate(program, profile);
  const untilEri = timeToAccumulate(batteryDrainPerDay(profile, flow), 0, view.batteryRemaining);
  const eriAt = view.eriAt ?? (Number.isFinite(untilEri) ? ((now + untilEri) as Milliseconds) : null);
  const eri: ForecastDate = eriAt === null ? { status: 'none' } : seen(eriAt, now);
  const eosAt = view.eosAt ?? (eriAt === null ? null : replaceByAt(eriAt, profile));
  const replace: ForecastDate = eosAt === null ? { status: 'none' } : seen(eosAt, now);
  return {
    lowReservoirAt: dateOf(lowReservoir),
    emptyAt: dateOf(empty),
    refillBy: dateOf(refill),
    eriExpectedAt: eriAt,
    replaceBy: eosAt,
    doseNow,
    lowReservoir,
    empty,
    refill,
    eri,
    replace,
  };
}
