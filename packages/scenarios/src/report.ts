import type { RefillFinding } from './applyAction.ts';

/** What one expectation found. */
export interface ExpectationResult {
  /** Its index in the file's `expect` list. */
  readonly index: number;
  readonly passed: boolean;
  readonly expected: unknown;
  readonly actual: unknown;
  /** For point checks, the instant (ms); for event checks, the first occurrence (ms) or null. */
  readonly at: number | null;
}

/** A stretch of time a fault (or a scan) was in force, from the scenario's timeline. */
export interface FaultSpan {
  readonly kind: string;
  readonly from: number;
  /** When it ended; null when it lasted to the end of the run. */
  readonly to: number | null;
}

/** One day of the run (day k is [k, k + 1) days after t = 0): drug that reached the CSF, beside the programmed dose. */
export interface DailyDose {
  readonly day: number;
  readonly deliveredMcg: number;
  /** The programmed daily dose at the start of the day (zero while the pump did not run). */
  readonly programmedMcgPerDay: number;
}

/** A report of one scenario run (format `itps-report/1`). Deterministic: no wall-clock times, no host names. */
export interface ScenarioReport {
  readonly format: 'itps-report/1';
  readonly notice: string;
  readonly name: string;
  readonly seed: number;
  readonly durationMs: number;
  /** The scenario's wall-clock label of t = 0 (YYYY-MM-DDTHH:MM), for calendar times. */
  readonly startsAt: string;
  readonly passed: boolean;
  readonly expectations: readonly ExpectationResult[];
  /** The requirements whose invariants were judged after every step (the file's `checks`). */
  readonly checks: readonly string[];
  /** The first violation of each requirement listed under `checks` (empty when none listed or none broken). */
  readonly violations: readonly { readonly requirement: string; readonly at: number; readonly message: string }[];
  /**
   * The pump's event log and the patient's course, every entry with `at` (ms since t = 0), `when`
   * (the same instant as the format writes times, `P36DT1H`) and `type`.
   */
  readonly events: readonly { readonly at: number; readonly when: string; readonly type: string }[];
  /** What the runner could not do as written (a refused action), in words. */
  readonly refusals: readonly {
    readonly at: number;
    readonly action: number;
    readonly code: string;
    readonly message: string;
  }[];
  /** What the programmer read at each `interrogate` action. */
  readonly interrogations: readonly { readonly at: number; readonly belief: Readonly<Record<string, unknown>> }[];
  /** What each refill visit found: expected, aspirated, the discrepancy, what went in. */
  readonly refills: readonly RefillFinding[];
  /** The faults and scans of the timeline, as spans of time. */
  readonly faults: readonly FaultSpan[];
  /** Drug that reached the CSF each day, beside the programmed dose. */
  readonly daily: readonly DailyDose[];
  readonly final: {
    readonly belief: Readonly<Record<string, unknown>>;
    readonly truth: Readonly<Record<string, unknown>>;
    /** The per-drug observables (each drug in its own unit), when a drug other than baclofen is involved. */
    readonly drugs?: Readonly<Record<string, unknown>>;
    /** The patient's observables (`patient.*`), when the scenario has a patient. */
    readonly patient?: Readonly<Record<string, unknown>>;
  };
  /**
   * Belief and truth sampled over time, for plots and series.csv: on a regular grid, at every day
   * boundary, just before and at every timeline action, bolus end and fault end, and just before
   * and at every change the pump makes by itself (a concentration front reaching the tip, a flex
   * step, an alarm threshold crossed; up to 2000 of them), so no step falls between samples.
   */
  readonly series: readonly SeriesPoint[];
}

/** One sample of the series. */
export interface SeriesPoint {
  readonly at: number;
  readonly beliefReservoirMl: number;
  readonly truthReservoirMl: number;
  readonly doseMcgPerDay: number;
  readonly deliveredMcg: number;
  readonly pocketMcg: number;
  /** Drug that escaped through a leak or fracture of the catheter, cumulative (into the tissue, not the CSF). */
  readonly leakedMcg: number;
  /** The concentration leaving the catheter tip (lags the reservoir's after a concentration change). */
  readonly tipConcentrationMcgPerMl: number;
  /** The concentration the pump is programmed with. */
  readonly programmedConcentrationMcgPerMl: number;
  /** The low-reservoir alarm's threshold as programmed. */
  readonly lowReservoirAlarmMl: number;
  /** The alarms active at this sample. */
  readonly alarms: readonly string[];
  /** With a patient: the Modified Ashworth score, effect relative to need, and the stages' indices (0: none). */
  readonly ashworth?: number;
  readonly relativeEffect?: number;
  readonly withdrawalStage?: number;
  readonly overdoseStage?: number;
  /** With a patient treated for pain: the pain score (0-10), breaths a minute, and the sedation and respiratory stages' indices (0: none). */
  readonly painScore?: number;
  readonly respiratoryRate?: number;
  readonly sedationStage?: number;
  readonly respiratoryStage?: number;
}

/** Shown in every report. */
export const REPORT_NOTICE = 'ITPS is a simulator for training and testing. Not for clinical use.';
