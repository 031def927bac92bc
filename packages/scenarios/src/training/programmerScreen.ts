import type { DiffRow, DoseNow, DrugId, ProgrammerView, SolutionPart, Therapy } from '@itps/core';

/**
 * What the trainee's programmer showed at one instant, kept for the debrief's replay: the session
 * state, the workflow, what the pump last reported (in base units, formatted by the app), the
 * findings, the review's rows and the notice. Small and plain: no event log, no draft internals.
 */
export interface ProgrammerScreen {
  readonly at: number;
  readonly session: string;
  readonly workflow: string | null;
  readonly pump: {
    /** The lead drug, and the drugs admixed; absent in records saved before drugs were kept (baclofen). */
    readonly drug?: DrugId;
    readonly admixed?: readonly SolutionPart[];
    readonly concentration: number;
    readonly therapy: Therapy;
    /** pg/day of the running program (for flex, of the current step). */
    readonly dose: number;
    /**
     * What the pump really delivered at the report, and why (0 while stopped, empty, stalled); absent
     * in records saved before it was kept.
     */
    readonly doseNow?: DoseNow;
    /** nL the pump calculated. */
    readonly calculatedReservoir: number;
    readonly state: string;
    readonly suspended: boolean;
    readonly alarms: readonly string[];
  } | null;
  readonly findings: readonly { readonly code: string; readonly message: string }[];
  readonly reviewBlockedBy: readonly string[];
  readonly diff: readonly DiffRow[] | null;
  readonly incomplete: boolean;
  readonly notice: string | null;
}

/** The screen a programmer view shows, as the replay keeps it. */
export function programmerScreen(view: ProgrammerView): ProgrammerScreen {
  const p = view.pump;
  return {
    at: view.now,
    session: view.session,
    workflow: view.workflow,
    pump:
      p === null
        ? null
        : {
            drug: p.drug,
            ...(p.admixed.length > 0 ? { admixed: [...p.admixed] } : {}),
            concentration: p.concentration,
            therapy: p.therapy,
            dose: p.dose,
            ...(view.dates === null ? {} : { doseNow: view.dates.doseNow }),
            calculatedReservoir: p.calculatedReservoir,
            state: p.state,
            suspended: p.suspended,
            alarms: Object.entries(p.alarms)
              .filter(([, on]) => on)
              .map(([name]) => name),
          },
    findings: view.findings.map((f) => ({ code: f.code, message: f.message })),
    reviewBlockedBy: [...view.reviewBlockedBy],
    diff: view.diff === null ? null : [...view.diff],
    incomplete: view.incomplete,
    notice: view.notice,
  };
}

/** Whether two screens look the same to the trainee (time aside): the replay keeps only changes. */
export const sameScreen = (a: ProgrammerScreen, b: ProgrammerScreen): boolean =>
  JSON.stringify({ ...a, at: 0 }) === JSON.stringify({ ...b, at: 0 });
