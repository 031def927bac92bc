import { assertEvent, assign, setup } from 'xstate';
import type { SpasticityOrigin } from '../drug/drug.ts';
import { drugOf } from '../drug/drugLibrary.ts';
import type { PumpUpdate } from '../pump/applyUpdate.ts';
import type { BolusRequest } from '../pump/bolus.ts';
import type { Therapy } from '../pump/program.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import type { Refusal } from '../refusal.ts';
import { type LinkFailure, linkFailureMessages } from '../telemetry/link.ts';
import { formatClock } from '../units/clock.ts';
import type { McgPerMl, Nanolitres } from '../units/quantity.ts';
import { describeUnverified } from './describeUnverified.ts';
import { type Draft, EMPTY_DRAFT, isEmptyDraft, type Workflow } from './draft.ts';
import { type DiffRow, finishDiff } from './finishDiff.ts';
import { NO_REFILL_YET, needleActed, type RefillProgress } from './refillProgress.ts';
import { aspirationFindings, type DraftFinding, therapyGate } from './therapyGate.ts';
import { type Expectation, verifyAgainst } from './verification.ts';

/** A message the programmer sends the pump over telemetry. */
export type PumpMessage =
  | { readonly type: 'update.begin' }
  | { readonly type: 'update.commit'; readonly update: PumpUpdate }
  | { readonly type: 'update.abort' }
  | { readonly type: 'bolus.start'; readonly bolus: BolusRequest }
  | { readonly type: 'alarm.test' }
  | { readonly type: 'therapy.start' };

/** The programmer session's context: what it last read from the pump and what it is doing. */
export interface SessionContext {
  readonly origin: SpasticityOrigin;
  /** The pump as last interrogated (its belief only). */
  readonly view: PumpBeliefView | null;
  readonly workflow: Workflow | null;
  readonly draft: Draft;
  /** For a refill: what the needle has done (held here so no page can lose it); null otherwise. */
  readonly refill: RefillProgress | null;
  /** The draft the finish screen showed; only this is ever sent. Null until the finish screen opens. */
  readonly reviewed: Draft | null;
  /** The last dosing therapy read from the pump: a restart after a stop is judged against it. */
  readonly lastDosing?: Therapy | null;
  readonly findings: readonly DraftFinding[];
  /** Codes of the findings the clinician confirmed. */
  readonly acknowledged: readonly string[];
  /** Whether a value that needs typing again has been typed again. */
  readonly reentered: boolean;
  /** The finish screen's rows once shown; null before. */
  readonly diff: readonly DiffRow[] | null;
  readonly plan: readonly PumpMessage[];
  /** How many messages of the plan the pump has received. */
  readonly sent: number;
  /** An update the pump may hold but that has not been verified: the warning stays until it is. */
  readonly incomplete: boolean;
  readonly expected: Expectation | null;
  /** The last thing the clinician must be told (a link failure, a refusal), in words. */
  readonly notice: string | null;
  /**
   * A pump replacement: the old pump as read when the Replacement workflow opened (its program, log
   * and counters), kept in the session's record; `done` once the new pump was verified. Absent or
   * null when no replacement was begun.
   */
  readonly replacement?: ReplacementRecord | null;
}

/** The session's record of a pump replacement. */
export interface ReplacementRecord {
  readonly old: PumpBeliefView;
  readonly done: boolean;
}

/** Whether what the pump reported calls for its replacement: ERI, EOS, a memory error or a motor stall. */
export const isReplacementDue = (view: PumpBeliefView): boolean =>
  view.alarms.eri || view.alarms.eos || view.alarms.memoryError || view.alarms.motorStall;

/** Whether the programmer now reads the new pump of a replacement begun and not yet verified. */
export const readsNewPump = (context: Pick<SessionContext, 'view' | 'replacement'>): boolean =>
  context.replacement != null &&
  !context.replacement.done &&
  context.view !== null &&
  context.view.serial !== context.replacement.old.serial;

/** Events of the programmer session: the clinician's, and the link's answers. */
export type SessionEvent =
  | { readonly type: 'session.connect' }
  | { readonly type: 'session.disconnect' }
  | { readonly type: 'link.up' }
  | { readonly type: 'link.down'; readonly failure: LinkFailure }
  | { readonly type: 'telemetry.report'; readonly view: PumpBeliefView }
  | { readonly type: 'workflow.start'; readonly workflow: Workflow }
  | { readonly type: 'workflow.cancel' }
  | { readonly type: 'draft.change'; readonly draft: Draft }
  /** The syringe brought back `volume` from the reservoir (the world's needle, on the clinician's act). */
  | { readonly type: 'refill.aspirated'; readonly volume: Nanolitres }
  /** The needle put `volume` of `concentration` into the reservoir. */
  | { readonly type: 'refill.injected'; readonly volume: Nanolitres; readonly concentration: McgPerMl }
  | { readonly type: 'finding.confirm'; readonly code: string }
  | { readonly type: 'draft.reenter'; readonly draft: Draft }
  | { readonly type: 'review.open' }
  | { readonly type: 'review.back' }
  | { readonly type: 'review.confirm' }
  | { readonly type: 'message.delivered' }
  | { readonly type: 'message.refused'; readonly refusal: Refusal }
  | { readonly type: 'session.verify' }
  | { readonly type: 'session.retry' }
  | { readonly type: 'therapy.restart' }
  /** In the Replacement workflow, once the surgeon has connected the new pump: read it. */
  | { readonly type: 'replacement.readNew' };

const sameDraft = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

/** A session with no workflow open: nothing drafted, judged, answered or shown. */
const NO_WORKFLOW = {
  workflow: null,
  draft: EMPTY_DRAFT,
  refill: null,
  reviewed: null,
  findings: [],
  acknowledged: [],
  reentered: false,
  diff: null,
} satisfies Partial<SessionContext>;

/** The one therapy gate on the session's draft, as it stands now. */
export const judgeDraft = (context: SessionContext, draft: Draft = context.draft): DraftFinding[] =>
  context.view === null
    ? [{ code: 'draft.empty', severity: 'hard', message: 'The pump has not been read.' }]
    : [
        // a short aspiration's warning stands until it is answered, whatever is drafted meanwhile
        ...(context.refill !== null && context.refill.injected === null
          ? aspirationFindings(context.view, context.refill)
          : []),
        ...therapyGate({
          view: context.view,
          draft,
          origin: context.origin,
          workflow: context.workflow,
          refill: context.refill,
          previousTherapy: context.lastDosing ?? null,
          replaced: context.replacement?.old ?? null,
        }),
      ];

/** The confirmation a restart from an unfinished update asks: tolerance falls while the pump is stopped. */
export const restartFinding = (view: PumpBeliefView): DraftFinding => {
  const drug = drugOf(view.drug);
  return {
    code: 'therapy.restart',
    severity: 'confirm',
    message: `Restarting resumes the program the pump holds (${view.therapy.mode === 'simple' || view.therapy.mode === 'flex' ? 'its former dose' : 'no dose'}) at once. The pump has delivered nothing since the update stopped it: after more than a day without ${drug.shortName} ${drug.words.toleranceFalls}, and ${drug.words.restartRisk}. Confirm, and watch the patient for the first day.`,
  };
};

/**
 * Whether the draft about to be sent is exactly the one the finish screen showed and the one gate,
 * judging it again now, finds every finding answered: the door's last check before anything is sent.
 */
export function isGateAnswered(context: SessionContext): boolean {
  if (context.reviewed === null || !sameDraft(context.reviewed, context.draft)) return false;
  return isDraftClear({
    findings: judgeDraft(context),
    acknowledged: context.acknowledged,
    reentered: context.reentered,
  });
}

/** Whether every finding of the draft is passed: no hard one, each confirm confirmed, each re-entry typed again. */
export function isDraftClear(context: Pick<SessionContext, 'findings' | 'acknowledged' | 'reentered'>): boolean {
  return context.findings.every(
    (f) =>
      (f.severity === 'confirm' && context.acknowledged.includes(f.code)) ||
      (f.severity === 'reenter' && context.reentered),
  );
}

/** The messages that carry out a draft, in order. */
export function planFor(draft: Draft): PumpMessage[] {
  const plan: PumpMessage[] = [];
  if (Object.keys(draft.update).length > 0) {
    plan.push({ type: 'update.begin' }, { type: 'update.commit', update: draft.update });
  }
  if (draft.bolus !== null) plan.push({ type: 'bolus.start', bolus: draft.bolus });
  if (draft.alarmTest) plan.push({ type: 'alarm.test' });
  return plan;
}

const startsUpdate = (plan: readonly PumpMessage[], sent: number) =>
  plan.slice(0, sent).some((m) => m.type === 'update.begin' || m.type === 'update.abort');

/**
 * The clinician programmer session: connect, interrogate, choose a workflow, edit a draft under the
 * guard rails, review the finish screen (old beside new), confirm, send, verify by interrogating
 * again. A link lost after the pump started an update, or before it was verified, leaves the
 * session incomplete: the warning stays, across reconnections, until verification succeeds or
 * therapy is explicitly restarted. Nothing is sent without the finish screen shown and confirmed.
 *
 * The machine is pure: in `connecting`, `interrogating`, `sending` and `verifying` it waits for the
 * world (see createWorld) to carry its message over the link and answer with an event.
 */
export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as { readonly origin: SpasticityOrigin },
  },
  guards: {
    isIncomplete: ({ context }) => context.incomplete,
    isDraftReviewable: ({ context }) => isDraftClear(context),
    isGateAnswered: ({ context }) => isGateAnswered(context),
    hasDraftToResend: ({ context }) => context.workflow !== null && !isEmptyDraft(context.draft),
    isNeedleIdle: ({ context }) => !needleActed(context.refill),
    isRefillInProgress: ({ context }) => context.workflow === 'refill' && needleActed(context.refill),
    isReplacing: ({ context }) => context.workflow === 'replacement',
    canReplace: ({ context, event }) =>
      event.type === 'workflow.start' &&
      (event.workflow !== 'replacement' ||
        (context.view !== null && (isReplacementDue(context.view) || readsNewPump(context)))),
    canAspirate: ({ context }) =>
      (context.workflow === 'refill' || context.workflow === 'replacement') &&
      context.refill !== null &&
      context.refill.injected === null,
    canInject: ({ context }) =>
      (context.workflow === 'refill' || context.workflow === 'replacement') &&
      context.refill !== null &&
      context.refill.aspirated !== null &&
      context.refill.injected === null &&
      (context.view === null ? [] : aspirationFindings(context.view, context.refill)).every((f) =>
        context.acknowledged.includes(f.code),
      ),
    canRestart: ({ context }) => !needleActed(context.refill) && context.acknowledged.includes('therapy.restart'),
    isPlanDone: ({ context }) => context.sent >= context.plan.length,
    isVerified: ({ context, event }) =>
      event.type === 'telemetry.report' && context.expected !== null && verifyAgainst(event.view, context.expected),
  },
  actions: {
    noteFailure: assign(({ context, event }) => {
      assertEvent(event, 'link.down');
      const touched = startsUpdate(context.plan, context.sent) || context.incomplete;
      return { notice: linkFailureMessages[event.failure], incomplete: touched };
    }),
    /**
     * A link lost while a message is in flight: the pump may have received it and only its
     * acknowledgement was lost, so the message counts as sent; an update it may have begun makes
     * the session incomplete until verified (REQ-SES-02).
     */
    noteFailureInFlight: assign(({ context, event }) => {
      assertEvent(event, 'link.down');
      const touched = startsUpdate(context.plan, context.sent + 1) || context.incomplete;
      return { notice: linkFailureMessages[event.failure], incomplete: touched };
    }),
    storeReport: assign(({ context, event }) => {
      assertEvent(event, 'telemetry.report');
      const dosing = event.view.therapy.mode === 'simple' || event.view.therapy.mode === 'flex';
      return { view: event.view, notice: null, lastDosing: dosing ? event.view.therapy : (context.lastDosing ?? null) };
    }),
    /** An unfinished update read: a restart waits for its confirmation, like any restart. */
    askRestart: assign(({ context }) =>
      context.view === null ? {} : { findings: [restartFinding(context.view)], acknowledged: [], reentered: false },
    ),
    startWorkflow: assign(({ context, event }) => {
      assertEvent(event, 'workflow.start');
      const replacing = event.workflow === 'replacement';
      // a replacement opened on the old pump reads it into the record; reopened on the new pump, it fills it
      const onNew = replacing && readsNewPump(context);
      return {
        workflow: event.workflow,
        draft: EMPTY_DRAFT,
        refill: event.workflow === 'refill' || onNew ? NO_REFILL_YET : null,
        ...(replacing && !onNew && context.view !== null
          ? { replacement: { old: context.view, done: false } satisfies ReplacementRecord }
          : {}),
        reviewed: null,
        findings: [],
        acknowledged: [],
        reentered: false,
        diff: null,
        notice: null,
      };
    }),
    clearWorkflow: assign(NO_WORKFLOW),
    /** The new pump read during a replacement: its reservoir is filled through the refill needle's path. */
    readNewPump: assign(({ context }) =>
      readsNewPump(context) && context.refill === null
        ? {
            refill: NO_REFILL_YET,
            draft: EMPTY_DRAFT,
            findings: [],
            acknowledged: [],
            reentered: false,
            diff: null,
            reviewed: null,
          }
        : {},
    ),
    /** A replacement verified: the record is kept (the trainee still sees the old pump) and closed. */
    closeReplacement: assign(({ context }) =>
      context.workflow === 'replacement' && context.replacement != null
        ? { replacement: { ...context.replacement, done: true } }
        : {},
    ),
    changeDraft: assign(({ context, event }) => {
      assertEvent(event, 'draft.change');
      if (context.view === null) return {};
      return {
        draft: event.draft,
        findings: judgeDraft(context, event.draft),
        // the needle's place, once confirmed, stays confirmed for this aspiration
        acknowledged: context.acknowledged.filter((code) => code === 'refill.shortAspiration'),
        reentered: false,
        diff: null,
        reviewed: null,
      };
    }),
    /** The draft judged again from the start, against the pump as read now: every answer asked again. */
    rejudge: assign(({ context }) => ({
      findings:
        context.refill !== null && context.refill.injected === null && isEmptyDraft(context.draft)
          ? context.view === null
            ? []
            : aspirationFindings(context.view, context.refill)
          : judgeDraft(context),
      acknowledged: [],
      reentered: false,
      diff: null,
      reviewed: null,
    })),
    recordAspiration: assign(({ context, event }) => {
      assertEvent(event, 'refill.aspirated');
      const before = context.refill ?? NO_REFILL_YET;
      const refill: RefillProgress = {
        ...before,
        aspirated: ((before.aspirated ?? 0) + event.volume) as Nanolitres,
        aspirations: before.aspirations + 1,
        beliefAtNeedle: before.beliefAtNeedle ?? context.view?.calculatedReservoir ?? null,
      };
      return {
        refill,
        draft: EMPTY_DRAFT,
        findings: context.view === null ? [] : aspirationFindings(context.view, refill),
        acknowledged: [],
        reentered: false,
        diff: null,
        reviewed: null,
      };
    }),
    recordInjection: assign(({ context, event }) => {
      assertEvent(event, 'refill.injected');
      const refill: RefillProgress = {
        ...(context.refill ?? NO_REFILL_YET),
        injected: { volume: event.volume, concentration: event.concentration },
      };
      return {
        refill,
        draft: EMPTY_DRAFT,
        findings: [],
        acknowledged: [],
        reentered: false,
        diff: null,
        reviewed: null,
      };
    }),
    /** A link lost mid-workflow: a draft is dropped, but a refill whose needle acted is kept to finish. */
    clearUnlessNeedle: assign(({ context }) =>
      needleActed(context.refill) ? { diff: null, reviewed: null, acknowledged: [], reentered: false } : NO_WORKFLOW,
    ),
    confirmFinding: assign(({ context, event }) =>
      event.type === 'finding.confirm' &&
      !context.acknowledged.includes(event.code) &&
      context.findings.some((f) => f.code === event.code && f.severity === 'confirm')
        ? { acknowledged: [...context.acknowledged, event.code] }
        : {},
    ),
    reenter: assign(({ context, event }) => {
      assertEvent(event, 'draft.reenter');
      return { reentered: sameDraft(event.draft, context.draft) };
    }),
    showFinish: assign(({ context }) => ({
      diff: context.view === null ? [] : finishDiff(context.view, context.draft),
      reviewed: context.draft,
    })),
    leaveFinish: assign({ diff: null, reviewed: null }),
    prepareSend: assign(({ context }) => {
      const reviewed = context.reviewed ?? context.draft;
      return {
        plan: planFor(reviewed),
        sent: 0,
        expected: {
          update: reviewed.update,
          mustRun: Object.keys(reviewed.update).length > 0,
        },
        notice: null,
      };
    }),
    countDelivered: assign(({ context }) => ({ sent: context.sent + 1 })),
    noteRefusal: assign(({ event }) => {
      assertEvent(event, 'message.refused');
      return { notice: event.refusal.message };
    }),
    markIncomplete: assign({ incomplete: true }),
    /** Verification found the pump not as sent: say what it is doing, in words. */
    noteUnverified: assign(({ context, event }) =>
      event.type === 'telemetry.report' ? { notice: describeUnverified(event.view, context.expected) } : {},
    ),
    markVerified: assign(({ event }) => ({
      incomplete: false,
      expected: null,
      plan: [],
      sent: 0,
      notice:
        event.type === 'telemetry.report'
          ? `Pump updated and verified at ${formatClock(event.view.now, event.view.timeOfDayAtStart)}.`
          : null,
    })),
    prepareRestart: assign({
      plan: [{ type: 'update.abort' }, { type: 'therapy.start' }] as PumpMessage[],
      sent: 0,
      expected: { update: {}, mustRun: true } as Expectation,
    }),
    prepareRetry: assign({ sent: 0, plan: [] as PumpMessage[] }),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    origin: input.origin,
    view: null,
    ...NO_WORKFLOW,
    plan: [],
    sent: 0,
    incomplete: false,
    expected: null,
    notice: null,
  }),
  initial: 'disconnected',
  states: {
    disconnected: {
      on: { 'session.connect': 'connecting' },
    },
    connecting: {
      on: {
        'link.up': 'interrogating',
        'link.down': { target: 'disconnected', actions: 'noteFailure' },
      },
    },
    interrogating: {
      on: {
        'telemetry.report': [
          { guard: 'isIncomplete', target: 'incomplete', actions: ['storeReport', 'askRestart'] },
          // a refill whose needle acted comes back to its step, judged against the pump as read now
          { guard: 'isRefillInProgress', target: 'editing', actions: ['storeReport', 'rejudge'] },
          // a replacement goes on where it was: the old pump read again, or the new one read for its fill
          { guard: 'isReplacing', target: 'editing', actions: ['storeReport', 'readNewPump', 'rejudge'] },
          { target: 'ready', actions: 'storeReport' },
        ],
        'link.down': { target: 'disconnected', actions: 'noteFailure' },
      },
    },
    ready: {
      on: {
        'workflow.start': { guard: 'canReplace', target: 'editing', actions: 'startWorkflow' },
        'session.disconnect': 'disconnected',
        'session.connect': 'interrogating',
        // an idle session closes: nothing may go on acting on an old interrogation
        'link.down': { target: 'disconnected', actions: 'noteFailure' },
      },
    },
    editing: {
      on: {
        'draft.change': { actions: 'changeDraft' },
        'replacement.readNew': { guard: 'isReplacing', target: 'interrogating' },
        'refill.aspirated': { guard: 'canAspirate', actions: 'recordAspiration' },
        'refill.injected': { guard: 'canInject', actions: 'recordInjection' },
        'finding.confirm': { actions: 'confirmFinding' },
        'draft.reenter': { actions: 'reenter' },
        'review.open': { guard: 'isDraftReviewable', target: 'finish', actions: 'showFinish' },
        'workflow.cancel': { guard: 'isNeedleIdle', target: 'ready', actions: 'clearWorkflow' },
        'session.disconnect': { guard: 'isNeedleIdle', target: 'disconnected', actions: 'clearWorkflow' },
        'link.down': { target: 'disconnected', actions: ['noteFailure', 'clearUnlessNeedle'] },
      },
    },
    finish: {
      on: {
        'review.back': { target: 'editing', actions: 'leaveFinish' },
        'review.confirm': { guard: 'isGateAnswered', target: 'sending', actions: 'prepareSend' },
        'workflow.cancel': { guard: 'isNeedleIdle', target: 'ready', actions: 'clearWorkflow' },
        'link.down': { target: 'disconnected', actions: ['noteFailure', 'clearUnlessNeedle'] },
      },
    },
    sending: {
      always: { guard: 'isPlanDone', target: 'verifying' },
      on: {
        'message.delivered': { actions: 'countDelivered' },
        'message.refused': { target: 'editing', actions: ['noteRefusal', 'leaveFinish'] },
        'link.down': { target: 'disconnected', actions: 'noteFailureInFlight' },
      },
    },
    verifying: {
      on: {
        'telemetry.report': [
          {
            guard: 'isVerified',
            target: 'ready',
            actions: ['storeReport', 'markVerified', 'closeReplacement', 'clearWorkflow'],
          },
          { target: 'incomplete', actions: ['storeReport', 'markIncomplete', 'noteUnverified', 'askRestart'] },
        ],
        'link.down': { target: 'disconnected', actions: ['noteFailure', 'markIncomplete'] },
      },
    },
    incomplete: {
      on: {
        'session.verify': 'verifying',
        // sending again goes through the gate and the finish screen again, against the pump as read now
        'session.retry': { guard: 'hasDraftToResend', target: 'editing', actions: ['prepareRetry', 'rejudge'] },
        'finding.confirm': { actions: 'confirmFinding' },
        // a restart is confirmed first, and is no way out of a refill whose needle acted
        'therapy.restart': { guard: 'canRestart', target: 'sending', actions: 'prepareRestart' },
        'session.disconnect': 'disconnected',
      },
    },
  },
});

/** The states of the programmer session. */
export type SessionStateName =
  | 'disconnected'
  | 'connecting'
  | 'interrogating'
  | 'ready'
  | 'editing'
  | 'finish'
  | 'sending'
  | 'verifying'
  | 'incomplete';
