// The reference pump: what the specification in docs/safety.md and docs/architecture.md says an
// implanted pump does, written apart from the product as plain BigInt arithmetic. It imports nothing
// from packages/core/src but types, and it keeps no carries: every running total is an exact
// numerator in (unit x ms / day), floored only when read. The product's properties and model tests
// are judged against it (see judgeAgainstReference.ts).

import type { AlarmName, PumpProgram, PumpState, PumpUpdate } from '../../src/index.ts';
import type { PumpCommand } from '../../src/testing/pumpCommand.ts';
import { ReferenceDrugPath } from './referenceDrugPath.ts';
import {
  highestBasal,
  referenceAccepts,
  referenceAverageRate,
  referenceBasal,
  roundHalfUp,
} from './referenceProgram.ts';

const DAY = 86_400_000n;
const MINUTE = 60_000n;
const PPM = 1_000_000n;

/** The figures of a device profile the reference needs: a parameter table, not behaviour. */
export interface ReferenceProfile {
  readonly capacity: number;
  readonly minRate: number;
  readonly maxRate: number;
  readonly minimumModeRate: number;
  readonly maxFlexSteps: number;
  readonly reservoirDeadSpace: number;
  readonly lowReservoirThresholdRange: { readonly min: number; readonly max: number };
  readonly battery: {
    readonly capacity: number;
    readonly idleDrain: number;
    readonly drainPerNanolitre: number;
    readonly eriToEos: number;
  };
  readonly alarmClass: Readonly<Record<ReferenceAlarm, 'critical' | 'nonCritical'>>;
}

/** How the reference pump starts (the fields of the product's pump input it reads). */
export interface ReferenceInput {
  readonly program: PumpProgram;
  readonly reservoirVolume: number;
  readonly lowReservoirThreshold: number;
  readonly timeOfDayAtStart: number;
  readonly ageAtStart: number;
  readonly catheterVolume: number;
  readonly tubingVolume: number;
  /** The pump's fixed accuracy bias in ppm: a drawn parameter of the pump, 0 when exact. */
  readonly biasPpm: number;
  /** Concentration really in the reservoir at the start (pg/nL); the program's when absent. */
  readonly concentration?: number;
  /** Concentration in the tubing and catheter at the start: the reservoir's when primed with it, 0 when empty. */
  readonly pathConcentration?: number;
  /**
   * Every drug really in the reservoir at the start, each at its concentration (pg/nL); replaces
   * `concentration`. The tubing and catheter hold the same, unless `pathConcentration` is 0 (empty).
   */
  readonly solution?: readonly { readonly drug: string; readonly concentration: number }[];
}

/** The pump's alarms (the product's type; the list below is the reference's own). */
export type ReferenceAlarm = AlarmName;

export const REFERENCE_ALARMS: readonly ReferenceAlarm[] = [
  'lowReservoir',
  'reservoirEmpty',
  'eri',
  'eos',
  'motorStall',
  'lowBatteryReset',
  'memoryError',
];

export type ReferenceLifecycle = 'running' | 'stopped' | 'updating' | 'endOfService' | 'failed';

/** An entry the reference expects in the pump's log at an instant it can name. */
export interface ReferenceEntry {
  readonly at: number;
  readonly type: string;
}

const ceilDiv = (n: bigint, d: bigint): bigint => (n <= 0n ? 0n : (n + d - 1n) / d);
const big = (n: number): bigint => BigInt(n);

interface Bolus {
  readonly kind: 'single' | 'priming' | 'bridge';
  readonly volume: bigint;
  readonly rate: bigint;
  /** Numerator of the bolus volume delivered so far. */
  used: bigint;
}

/**
 * The reference pump. Mutable and small; `copy()` gives an independent one. Every total is a
 * numerator over {@link DAY}: `beliefUsed` since the last recorded refill, `realOut` since implant,
 * `drain` of the battery since it was new.
 */
export class ReferencePump {
  now = 0n;
  lifecycle: ReferenceLifecycle = 'running';
  program: PumpProgram;
  therapyActive = true;
  threshold: bigint;
  beliefBase: bigint;
  beliefUsed = 0n;
  /** Volume put into the real reservoir less volume aspirated. */
  realIn: bigint;
  realOut = 0n;
  /** Volume injected down the catheter access port. */
  portIn = 0n;
  /** Everything ever put into the fluid path, and what left it by aspiration. */
  loadedVolume: bigint;
  aspirated = 0n;
  drain: bigint;
  eriAt: bigint | null = null;
  bolus: Bolus | null = null;
  stall: { recoversAt: bigint | null } | null = null;
  lowBatteryReset = false;
  memoryError = false;
  /** An MRI scan left the pump waiting for a programmer before it pumps again (read from a product state only). */
  awaitingInterrogation = false;
  /** The drug mass along the path; null for a reference started from a product state (belief only). */
  drug: ReferenceDrugPath | null;
  alarms: Record<ReferenceAlarm, { active: boolean; since: bigint | null }>;
  /** Alarm, bolus-end and motor-recovery entries, in order of time. */
  entries: ReferenceEntry[] = [];
  /** Instants inside waits at which something changed by itself, in order. */
  breakpoints: bigint[] = [];
  /** Instants inside waits at which the pump stopped or resumed pumping by itself, and which. */
  pumpingChanges: { readonly at: bigint; readonly pumping: boolean }[] = [];

  constructor(
    readonly profile: ReferenceProfile,
    readonly input: ReferenceInput,
  ) {
    this.program = input.program;
    this.threshold = big(input.lowReservoirThreshold);
    this.beliefBase = big(input.reservoirVolume);
    this.realIn = big(input.reservoirVolume);
    this.loadedVolume = big(input.reservoirVolume + input.tubingVolume + input.catheterVolume);
    const perDay =
      big(profile.battery.idleDrain) +
      referenceAverageRate(input.program, profile) * big(profile.battery.drainPerNanolitre);
    this.drain = perDay * big(input.ageAtStart);
    const concentration = input.concentration ?? input.program.concentration;
    const pathConcentration = input.pathConcentration ?? concentration;
    const { solution } = input;
    const pathSolution = solution === undefined || pathConcentration === 0 ? undefined : solution;
    this.drug = new ReferenceDrugPath(
      { volume: input.reservoirVolume, concentration, ...(solution === undefined ? {} : { solution }) },
      {
        volume: input.tubingVolume,
        concentration: pathConcentration,
        ...(pathSolution === undefined ? {} : { solution: pathSolution }),
      },
      {
        volume: input.catheterVolume,
        concentration: pathConcentration,
        ...(pathSolution === undefined ? {} : { solution: pathSolution }),
      },
    );
    this.alarms = Object.fromEntries(
      REFERENCE_ALARMS.map((a) => [a, { active: false, since: null }]),
    ) as ReferencePump['alarms'];
    this.settle();
  }

  copy(): ReferencePump {
    const c = Object.create(ReferencePump.prototype) as ReferencePump;
    Object.assign(c, this);
    c.bolus = this.bolus === null ? null : { ...this.bolus };
    c.stall = this.stall === null ? null : { ...this.stall };
    c.drug = this.drug?.copy() ?? null;
    c.alarms = Object.fromEntries(REFERENCE_ALARMS.map((a) => [a, { ...this.alarms[a] }])) as ReferencePump['alarms'];
    c.entries = [...this.entries];
    c.breakpoints = [...this.breakpoints];
    c.pumpingChanges = [...this.pumpingChanges];
    return c;
  }

  /**
   * A reference that goes on from a product pump state, read as plain data: its program, belief,
   * battery, bolus, motor and alarms, with every carry as the numerator the reference keeps. It
   * judges one wait at a time from there (what the pump believes and commands: rates, alarm
   * instants, halts, ERI), so a wrong figure or a wrong rounding in the product shows within the
   * wait, whatever came before. It knows nothing of the truth (no drug path).
   */
  static fromState(profile: ReferenceProfile, s: PumpState, lifecycle: string): ReferencePump {
    const r = Object.create(ReferencePump.prototype) as ReferencePump;
    const withCarry = (amount: number, carry: number) => big(amount) * DAY + big(carry);
    const realVolume = s.truth.path.reservoir.batch.volume - s.truth.path.reservoir.drawn;
    Object.assign(r, {
      profile,
      input: {
        program: s.program,
        reservoirVolume: realVolume,
        lowReservoirThreshold: s.lowReservoirThreshold,
        timeOfDayAtStart: s.timeOfDayAtStart,
        ageAtStart: 0,
        catheterVolume: 0,
        tubingVolume: 0,
        biasPpm: s.truth.biasPpm,
      } satisfies ReferenceInput,
      now: big(s.now),
      lifecycle: lifecycle as ReferenceLifecycle,
      program: s.program,
      therapyActive: s.therapyActive,
      threshold: big(s.lowReservoirThreshold),
      beliefBase: big(s.belief.calculatedReservoir),
      beliefUsed: big(s.belief.carry),
      realIn: big(realVolume),
      realOut: 0n,
      portIn: 0n,
      loadedVolume: 0n,
      aspirated: 0n,
      drain: withCarry(s.battery.drained, s.battery.carry),
      eriAt: s.battery.eriAt === null ? null : big(s.battery.eriAt),
      bolus:
        s.bolus === null
          ? null
          : {
              kind: s.bolus.kind,
              volume: big(s.bolus.volume),
              rate: big(s.bolus.rate),
              used: withCarry(s.bolus.delivered, s.bolus.carry),
            },
      stall:
        s.motor.stall === null
          ? null
          : { recoversAt: s.motor.stall.recoversAt === null ? null : big(s.motor.stall.recoversAt) },
      lowBatteryReset: s.lowBatteryReset,
      memoryError: s.memoryError,
      awaitingInterrogation: s.motor.awaitingInterrogation,
      drug: null,
      alarms: Object.fromEntries(
        REFERENCE_ALARMS.map((a) => [
          a,
          { active: s.alarms[a].active, since: s.alarms[a].since === null ? null : big(s.alarms[a].since) },
        ]),
      ),
      entries: [],
      breakpoints: [],
      pumpingChanges: [],
    });
    return r;
  }

  /** What the pump believes is in its reservoir. */
  get calculated(): bigint {
    const left = this.beliefBase - this.beliefUsed / DAY;
    return left > 0n ? left : 0n;
  }
  /** What really is in the reservoir. */
  get realVolume(): bigint {
    return this.realIn - this.realOut / DAY;
  }
  /** Volume that reached the spinal fluid (a catheter without faults, the tip intrathecal). */
  get delivered(): bigint {
    return this.realOut / DAY + this.portIn;
  }
  get eosAt(): bigint | null {
    return this.eriAt === null ? null : this.eriAt + big(this.profile.battery.eriToEos);
  }
  get endOfService(): boolean {
    const eos = this.eosAt;
    return eos !== null && this.now >= eos;
  }
  get halted(): boolean {
    return (
      this.calculated === 0n ||
      this.stall !== null ||
      this.awaitingInterrogation ||
      this.memoryError ||
      this.endOfService
    );
  }

  /** Whether the motor may turn now: therapy active and nothing halting it (REQ-DEL-01's words). */
  get pumping(): boolean {
    return this.therapyActive && !this.halted;
  }

  /** The flow the motor is commanded to deliver now. */
  commanded(): bigint {
    if (!this.therapyActive || this.halted) return 0n;
    const basal = referenceBasal(this.program, this.profile, (this.now + big(this.input.timeOfDayAtStart)) % DAY);
    if (this.bolus === null) return basal;
    return this.bolus.kind === 'single' ? basal + this.bolus.rate : this.bolus.rate;
  }

  private conditions(): Record<ReferenceAlarm, boolean> {
    const eos = this.eosAt;
    return {
      lowReservoir: this.calculated <= this.threshold,
      reservoirEmpty: this.calculated === 0n,
      eri: this.eriAt !== null && this.now >= this.eriAt,
      eos: eos !== null && this.now >= eos,
      motorStall: this.stall !== null,
      lowBatteryReset: this.lowBatteryReset,
      memoryError: this.memoryError,
    };
  }

  private log(type: string) {
    this.entries.push({ at: Number(this.now), type });
  }

  /** Brings every derived fact up to date at this instant. */
  settle() {
    if (this.eriAt === null && this.drain / DAY >= big(this.profile.battery.capacity)) this.eriAt = this.now;
    if (this.bolus !== null && this.bolus.used / DAY >= this.bolus.volume) {
      this.bolus = null;
      this.log('bolus.completed');
    } else if (this.bolus !== null && (this.halted || !this.therapyActive)) {
      this.bolus = null;
      this.log('bolus.cancelled');
    }
    if (this.stall?.recoversAt != null && this.now >= this.stall.recoversAt) {
      this.stall = null;
      this.log('motor.recovered');
    }
    const holds = this.conditions();
    for (const name of REFERENCE_ALARMS) {
      if (holds[name] === this.alarms[name].active) continue;
      this.alarms[name] = holds[name]
        ? { active: true, since: this.now }
        : { active: false, since: this.alarms[name].since };
      this.log(`alarm.${name}.${holds[name] ? 'raised' : 'cleared'}`);
    }
  }

  /** The real flow: the commanded flow with the pump's bias, none when the reservoir is dry. */
  private actual(commanded: bigint): bigint {
    if (commanded === 0n || this.realVolume === 0n) return 0n;
    return roundHalfUp(commanded * (PPM + big(this.input.biasPpm)), PPM);
  }

  /**
   * Takes the real reservoir's volume as observed: once a catheter fault has changed the real flow,
   * the reference no longer knows it (it models only what a fault-free catheter lets through).
   */
  observeRealReservoir(volume: number) {
    this.realIn = big(volume) + this.realOut / DAY;
  }

  /** Moves time to `to`, cutting it wherever something changes by itself. */
  advanceTo(to: bigint) {
    this.settle();
    let pumping = this.pumping;
    while (this.now < to) {
      const r = this.commanded();
      const real = this.actual(r);
      let next = to;
      const consider = (t: bigint | null) => {
        if (t !== null && t > this.now && t < next) next = t;
      };
      // the first instant at which a total starting at `used` and growing at `rate` reaches `target` units
      const reach = (used: bigint, rate: bigint, target: bigint) =>
        rate === 0n ? null : this.now + ceilDiv(target * DAY - used, rate);
      if (r > 0n) {
        const t = this.program.therapy;
        if (t.mode === 'flex' && (this.bolus === null || this.bolus.kind === 'single')) {
          const tod = (this.now + big(this.input.timeOfDayAtStart)) % DAY;
          const later = t.steps.map((s) => big(s.startMinute) * MINUTE).find((s) => s > tod) ?? DAY;
          consider(this.now + later - tod);
        }
        if (this.bolus !== null) consider(reach(this.bolus.used, this.bolus.rate, this.bolus.volume));
        if (this.calculated > this.threshold) consider(reach(this.beliefUsed, r, this.beliefBase - this.threshold));
        consider(reach(this.beliefUsed, r, this.beliefBase));
        consider(reach(this.realOut, real, this.realIn));
      }
      if (this.stall?.recoversAt != null) consider(this.stall.recoversAt);
      if (this.eriAt === null) {
        const perDay = big(this.profile.battery.idleDrain) + r * big(this.profile.battery.drainPerNanolitre);
        consider(reach(this.drain, perDay, big(this.profile.battery.capacity)));
      } else consider(this.eosAt);
      const dt = next - this.now;
      this.beliefUsed += r * dt;
      const outBefore = this.realOut / DAY;
      this.realOut += real * dt;
      this.drug?.flow(this.realOut / DAY - outBefore);
      if (this.bolus !== null && r > 0n) this.bolus.used += this.bolus.rate * dt;
      if (this.eriAt === null)
        this.drain += (big(this.profile.battery.idleDrain) + r * big(this.profile.battery.drainPerNanolitre)) * dt;
      this.now = next;
      if (next < to) this.breakpoints.push(next);
      this.settle();
      if (this.pumping !== pumping) {
        pumping = this.pumping;
        this.pumpingChanges.push({ at: next, pumping });
      }
    }
    if (this.endOfService && ['running', 'stopped', 'updating'].includes(this.lifecycle)) {
      this.lifecycle = 'endOfService';
      this.therapyActive = false;
      this.settle();
    }
  }

  private begin(): boolean {
    if (this.lifecycle !== 'running' && this.lifecycle !== 'stopped') return false;
    this.lifecycle = 'updating';
    this.therapyActive = false;
    this.settle();
    return true;
  }

  private commit(update: PumpUpdate) {
    if (this.lifecycle !== 'updating') return;
    const p = this.profile;
    if (update.program !== undefined && !referenceAccepts(update.program, p)) return;
    if (update.calculatedReservoir !== undefined && update.calculatedReservoir > p.capacity) return;
    const t = update.lowReservoirThreshold;
    if (t !== undefined && (t < p.lowReservoirThresholdRange.min || t > p.lowReservoirThresholdRange.max)) return;
    if (update.program !== undefined) {
      this.program = update.program;
      this.lowBatteryReset = false;
    }
    if (update.calculatedReservoir !== undefined) {
      this.beliefBase = big(update.calculatedReservoir);
      this.beliefUsed = 0n;
    }
    if (t !== undefined) this.threshold = big(t);
    this.therapyActive = true;
    this.lifecycle = 'running';
    this.settle();
  }

  private abort() {
    if (this.lifecycle !== 'updating') return;
    this.lifecycle = 'stopped';
    this.settle();
  }

  private cancelBolusFor(reason: string) {
    if (this.bolus === null) return;
    this.bolus = null;
    this.log(reason);
  }

  private startBolus(request: { kind: Bolus['kind']; volume: number; durationMs: number }) {
    if (this.lifecycle !== 'running') return;
    const { volume, durationMs, kind } = request;
    if (!(volume > 0 && durationMs > 0 && Number.isSafeInteger(volume) && Number.isSafeInteger(durationMs))) return;
    if (this.bolus !== null || !this.therapyActive || this.stall !== null) return;
    if (REFERENCE_ALARMS.some((a) => this.alarms[a].active && this.profile.alarmClass[a] === 'critical')) return;
    const rate = roundHalfUp(big(volume) * DAY, big(durationMs));
    const combined = kind === 'single' ? highestBasal(this.program, this.profile) + rate : rate;
    if (combined > big(this.profile.maxRate) || big(volume) > this.calculated) return;
    this.bolus = { kind, volume: big(volume), rate, used: 0n };
    this.settle();
  }

  /** Applies one command as the pump's machine receives it. */
  apply(command: PumpCommand) {
    switch (command.kind) {
      case 'wait':
        this.advanceTo(this.now + big(command.ms));
        return;
      case 'refill': {
        this.begin();
        const limit = this.realVolume - big(this.profile.reservoirDeadSpace);
        const can = limit > 0n ? limit : 0n;
        const wanted = command.aspirate === 'all' ? can : big(command.aspirate) < can ? big(command.aspirate) : can;
        this.realIn -= wanted;
        this.aspirated += wanted;
        this.drug?.aspirate(wanted);
        const v = big(command.inject.volume);
        // each drug's mass in the syringe, read from the command's plain data
        const m: Record<string, bigint> = {};
        for (const [drug, mass] of Object.entries(command.inject.masses)) m[drug] = big(mass as number);
        const site = command.site ?? 'reservoir';
        if (site === 'reservoir') {
          if (this.realVolume + v <= big(this.profile.capacity)) {
            this.realIn += v;
            this.loadedVolume += v;
            this.drug?.injectReservoir(v, m);
          }
        } else {
          this.loadedVolume += v;
          if (site === 'catheterAccessPort') {
            this.portIn += v;
            this.drug?.injectPort(v, m);
          } else this.drug?.injectPocket(m);
        }
        this.commit({ calculatedReservoir: command.record });
        return;
      }
      case 'update':
        this.begin();
        if (command.abandon) this.abort();
        else this.commit(command.update);
        return;
      case 'stop':
        if (this.lifecycle !== 'running') return;
        this.lifecycle = 'stopped';
        this.therapyActive = false;
        this.settle();
        return;
      case 'start':
        if (this.lifecycle !== 'stopped') return;
        this.lifecycle = 'running';
        this.therapyActive = true;
        this.settle();
        return;
      case 'bolus':
        this.startBolus(command.bolus);
        return;
      case 'cancelBolus':
        if (this.lifecycle === 'running') this.cancelBolusFor('bolus.cancelled');
        return;
      case 'motorStall': {
        if (command.recoversAfterMs === 'drawn') throw new Error('the reference draws nothing at random');
        const at = command.recoversAfterMs === null ? null : this.now + big(command.recoversAfterMs);
        const old = this.stall;
        const recoversAt =
          old !== null && (old.recoversAt === null || at === null)
            ? null
            : at === null
              ? null
              : old?.recoversAt != null && old.recoversAt > at
                ? old.recoversAt
                : at;
        this.stall = { recoversAt };
        this.settle();
        return;
      }
      case 'lowBatteryReset':
        if (this.lifecycle === 'endOfService' || this.lifecycle === 'failed') return;
        this.program = { ...this.program, therapy: { mode: 'minimum' } };
        this.lowBatteryReset = true;
        this.cancelBolusFor('bolus.cancelled');
        this.settle();
        return;
      case 'memoryError':
        if (this.lifecycle === 'failed') return;
        if (this.lifecycle !== 'endOfService') this.lifecycle = 'failed';
        this.memoryError = true;
        this.therapyActive = false;
        this.cancelBolusFor('bolus.cancelled');
        this.settle();
        return;
      case 'mri':
        throw new Error('the reference does not model MRI scans');
      case 'interrogate':
      case 'catheterFault':
      case 'endCatheterFault':
        return;
    }
  }
}
