import { isReplacementDue } from '@itps/core';
import { useState } from 'react';
import { SESSION_STATE_WORDS } from '../../format/labels.ts';
import { useProgrammerAct } from '../../simulation/useProgrammerAct.ts';
import { useProgrammerView } from '../../simulation/WorldProvider.tsx';
import { AlarmBanner } from './AlarmBanner.tsx';
import { BridgeBolusScreen } from './BridgeBolusScreen.tsx';
import { DoseChangeScreen } from './DoseChangeScreen.tsx';
import { DraftFindings } from './DraftFindings.tsx';
import { FinishScreen } from './FinishScreen.tsx';
import { FlexScheduleScreen } from './FlexScheduleScreen.tsx';
import { OtherWorkflowsScreen } from './OtherWorkflowsScreen.tsx';
import { PtmScreen } from './PtmScreen.tsx';
import { PtmStatus } from './PtmStatus.tsx';
import { RefillScreen } from './RefillScreen.tsx';
import { OldPumpRecord, ReplacementScreen } from './ReplacementScreen.tsx';
import { StatusScreen } from './StatusScreen.tsx';
import { WorkflowProgress } from './WorkflowProgress.tsx';

/** The clinician programmer (tablet): it sees the pump only through telemetry. */
export function ProgrammerPanel() {
  const act = useProgrammerAct();
  const context = useProgrammerView();
  const { session: state, pump: view } = context;
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <section className="panel programmer" aria-labelledby="programmer-title">
      <h2 id="programmer-title">Clinician programmer</h2>
      <p className="link-state" data-testid="session-state" aria-live="polite">
        {SESSION_STATE_WORDS[state] ?? state}
      </p>
      {context.incomplete && (
        <div className="incomplete" role="alert" data-testid="incomplete-warning">
          <strong>Incomplete session.</strong> The last update was not verified: the pump may be stopped. Do not let the
          patient leave until the pump is verified or therapy is restarted.
          {state === 'incomplete' && (
            <div className="buttons">
              <button type="button" onClick={() => act({ type: 'session.verify' })}>
                Verify pump
              </button>
              <button type="button" onClick={() => act({ type: 'session.retry' })}>
                Send the update again
              </button>
              <button
                type="button"
                disabled={!context.acknowledged.includes('therapy.restart') || context.refill !== null}
                onClick={() => act({ type: 'therapy.restart' })}
              >
                Restart therapy (previous program)
              </button>
            </div>
          )}
          {state === 'incomplete' && context.refill === null && (
            <DraftFindings
              findings={context.findings}
              acknowledged={context.acknowledged}
              onConfirm={(code) => act({ type: 'finding.confirm', code })}
            />
          )}
          {state === 'incomplete' && context.refill !== null && (
            <p>A refill is open: send its record again (it is reviewed again first); a restart cannot leave it.</p>
          )}
        </div>
      )}
      {context.notice && (
        <p className="notice-line" role="status" data-testid="session-notice">
          {context.notice}
        </p>
      )}
      {/* the alarms as the pump last reported them, on every screen of a session, once it has been read */}
      {view !== null && state !== 'disconnected' && <AlarmBanner view={view} />}
      {state === 'disconnected' && (
        <div className="buttons">
          <button type="button" onClick={() => act({ type: 'session.connect' })}>
            Connect and interrogate
          </button>
        </div>
      )}
      {view !== null && state === 'ready' && (
        <StatusScreen
          view={view}
          dates={context.dates}
          onChangeDose={() => act({ type: 'workflow.start', workflow: 'doseChange' })}
          onRefill={() => act({ type: 'workflow.start', workflow: 'refill' })}
          onOther={() => act({ type: 'workflow.start', workflow: 'bolus' })}
          onFlex={() => act({ type: 'workflow.start', workflow: 'flexSchedule' })}
          onBridge={() => act({ type: 'workflow.start', workflow: 'bridgeBolus' })}
          onReplace={
            isReplacementDue(view) || (context.replacement !== null && !context.replacement.done)
              ? () => act({ type: 'workflow.start', workflow: 'replacement' })
              : null
          }
        />
      )}
      {view !== null && state === 'ready' && (
        <PtmStatus view={view} onPtm={() => act({ type: 'workflow.start', workflow: 'ptm' })} />
      )}
      {/* after a replacement the old pump's reading stays in the session's record */}
      {view !== null && state === 'ready' && context.replacement?.done === true && (
        <details className="replaced" data-testid="replaced-record">
          <summary>Replaced pump (serial {context.replacement.old.serial}): its last reading</summary>
          <OldPumpRecord old={context.replacement.old} />
        </details>
      )}
      {/* the refill screen shows its own progress: only it knows whether the syringe has drawn yet */}
      {!(state === 'editing' && (context.workflow === 'refill' || context.workflow === 'replacement')) && (
        <WorkflowProgress context={context} refillAspirated={false} />
      )}
      {view !== null && state === 'editing' && context.workflow === 'doseChange' && (
        <DoseChangeScreen view={view} context={context} />
      )}
      {view !== null && state === 'editing' && context.workflow === 'refill' && (
        <RefillScreen view={view} context={context} />
      )}
      {view !== null && state === 'editing' && context.workflow === 'bolus' && (
        <OtherWorkflowsScreen view={view} context={context} />
      )}
      {view !== null && state === 'editing' && context.workflow === 'flexSchedule' && (
        <FlexScheduleScreen view={view} context={context} />
      )}
      {view !== null && state === 'editing' && context.workflow === 'ptm' && (
        <PtmScreen view={view} context={context} />
      )}
      {view !== null && state === 'editing' && context.workflow === 'bridgeBolus' && (
        <BridgeBolusScreen view={view} context={context} />
      )}
      {view !== null && state === 'editing' && context.workflow === 'replacement' && (
        <ReplacementScreen view={view} context={context} />
      )}
      {state === 'finish' && context.diff !== null && (
        <FinishScreen diff={context.diff} pumpDrug={view?.drug ?? 'baclofen'} />
      )}
      {state !== 'disconnected' && (
        <div className="buttons">
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void act({ type: 'session.disconnect' }).then((r) => setRefusal(r.ok ? null : r.refusal.message))
            }
          >
            End session
          </button>
        </div>
      )}
      {refusal !== null && state !== 'disconnected' && (
        <p className="error" role="alert" data-testid="programmer-refused">
          {refusal}
        </p>
      )}
    </section>
  );
}
