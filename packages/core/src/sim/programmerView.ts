import type { SpasticityOrigin } from '../drug/drug.ts';
import type { Draft, Workflow } from '../programmer/draft.ts';
import { type DiffRow, finishDiff } from '../programmer/finishDiff.ts';
import { forecastDates, type ProgrammerDates } from '../programmer/forecastDates.ts';
import type { RefillProgress } from '../programmer/refillProgress.ts';
import { isDraftClear, type SessionStateName } from '../programmer/sessionMachine.ts';
import type { DraftFinding } from '../programmer/therapyGate.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import type { Milliseconds } from '../units/quantity.ts';
import type { WorldState } from './worldState.ts';

/** What the trainee's programmer shows: the session, and the pump only as telemetry last reported it. */
export interface ProgrammerView {
  /** The programmer's clock. */
  readonly now: Milliseconds;
  readonly origin: SpasticityOrigin;
  readonly session: SessionStateName;
  /** The pump as last interrogated (its belief only); null before the first interrogation. */
  readonly pump: PumpBeliefView | null;
  /** The programmer's own forecast from the last interrogation; null before the first. */
  readonly dates: ProgrammerDates | null;
  readonly workflow: Workflow | null;
  readonly draft: Draft;
  /** For a refill: what the needle has done so far (kept by the world across reloads and reconnections). */
  readonly refill: RefillProgress | null;
  readonly findings: readonly DraftFinding[];
  /** Codes of the findings the clinician confirmed. */
  readonly acknowledged: readonly string[];
  /** Whether a value that needs typing again has been typed again. */
  readonly reentered: boolean;
  /** Every finding passed: the finish screen may open. */
  readonly reviewable: boolean;
  /** Why the finish screen may not open yet, one line per finding still in the way (empty when it may). */
  readonly reviewBlockedBy: readonly string[];
  /** What the draft prepared so far would change (old beside new); empty when nothing is prepared. */
  readonly prepared: readonly DiffRow[];
  /** The finish screen's rows (old beside new) once shown; null before. */
  readonly diff: readonly DiffRow[] | null;
  /** An update the pump may hold has not been verified: the incomplete-session warning. */
  readonly incomplete: boolean;
  /** The last thing the clinician must be told (a link failure, a refusal), in words. */
  readonly notice: string | null;
  /**
   * A pump replacement begun on this programmer: the old pump as read before it came out (its
   * program, log, alarms and counters), and whether the new pump has been verified. Null when none.
   */
  readonly replacement: { readonly old: PumpBeliefView; readonly done: boolean } | null;
}

/** The trainee's programmer view of a world. */
export function programmerView(world: WorldState): ProgrammerView {
  const c = world.session.context;
  return {
    now: world.now,
    origin: world.origin,
    session: world.session.state,
    pump: c.view,
    dates: c.view === null ? null : datesOf(c.view),
    workflow: c.workflow,
    draft: c.draft,
    refill: c.refill,
    findings: c.findings,
    acknowledged: c.acknowledged,
    reentered: c.reentered,
    reviewable: isDraftClear(c),
    reviewBlockedBy: c.findings
      .filter(
        (f) =>
          f.severity === 'hard' ||
          (f.severity === 'confirm' && !c.acknowledged.includes(f.code)) ||
          (f.severity === 'reenter' && !c.reentered),
      )
      .map((f) =>
        f.severity === 'hard'
          ? `Refused: ${f.message}`
          : f.severity === 'confirm'
            ? `Confirm first: ${f.message}`
            : `Type the value again first: ${f.message}`,
      ),
    prepared: c.view === null ? [] : preparedOf(c.view, c.draft),
    diff: c.diff,
    incomplete: c.incomplete,
    notice: c.notice,
    replacement: c.replacement ?? null,
  };
}

/** Forecasts already worked out, by the interrogation they came from (a report never changes). */
const forecasts = new WeakMap<PumpBeliefView, ProgrammerDates>();

/** The programmer's forecast dates from what an interrogation returned, worked out once per report. */
function datesOf(view: PumpBeliefView): ProgrammerDates {
  const known = forecasts.get(view);
  if (known !== undefined) return known;
  const dates = forecastDates(view);
  forecasts.set(view, dates);
  return dates;
}

/** The rows a prepared draft would change, worked out once per draft and report. */
const preparedRows = new WeakMap<Draft, { view: PumpBeliefView; rows: readonly DiffRow[] }>();

function preparedOf(view: PumpBeliefView, draft: Draft): readonly DiffRow[] {
  const known = preparedRows.get(draft);
  if (known !== undefined && known.view === view) return known.rows;
  const rows = finishDiff(view, draft);
  preparedRows.set(draft, { view, rows });
  return rows;
}
