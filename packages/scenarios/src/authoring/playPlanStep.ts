import { type ClinicianEvent, EMPTY_DRAFT, programmerView, type Refusal, restartDraft } from '@itps/core';
import { perform } from '../applyAction.ts';
import { catheterVolumePerCm } from '../scenarioPlayer.ts';
import type { PlanStep, ScenarioAction, ScenarioFile } from '../scenarioSchema.ts';
import { toProgram } from '../toCore.ts';
import type { TrainingSession } from '../training/trainingSession.ts';

/**
 * Does one step of an exercise's right plan through the exercise's door at the session's present
 * instant, as a trainee does it: the programmer reads the pump (`interrogate`), restarts therapy
 * through its stop/restart workflow (`restart`), changes a simple dose or a flex schedule through
 * its dose change or flex schedule workflow (`program`: each warning confirmed, as a trainee who
 * goes on would, so a soft limit overridden is recorded and costs its points; the minimum rate or a
 * stop as a whole programming visit); a refill, a bolus and the alarm threshold are the timeline's
 * action of that name, a visit done whole; a test dose is the `patient.testDose` command; a clinical
 * action is recorded with its detail. Returns the refusal when the world refused it (nothing
 * applied), else null.
 */
export function playPlanStep(scenario: ScenarioFile, session: TrainingSession, step: PlanStep): Refusal | null {
  const act = (event: ClinicianEvent): Refusal | null => {
    const result = session.apply({ type: 'programmer.act', event });
    return result.ok ? null : result.refusal;
  };
  switch (step.do) {
    case 'interrogate':
      return act({ type: 'session.connect' });
    case 'restart': {
      act({ type: 'session.connect' });
      const view = programmerView(session.world.state()).pump;
      if (view === null)
        return { code: 'programmer.unavailable', message: 'the programmer read nothing from the pump' };
      const steps: ClinicianEvent[] = [
        { type: 'workflow.start', workflow: 'stopRestart' },
        { type: 'draft.change', draft: restartDraft(view, view.therapy) },
      ];
      for (const event of steps) {
        const refused = act(event);
        if (refused !== null) return refused;
      }
      for (const f of programmerView(session.world.state()).findings)
        if (f.severity === 'confirm') act({ type: 'finding.confirm', code: f.code });
      return act({ type: 'review.open' }) ?? act({ type: 'review.confirm' });
    }
    case 'program':
      if (step.therapy.mode !== 'simple' && step.therapy.mode !== 'flex') return performed(scenario, session, step);
      {
        act({ type: 'session.connect' });
        const concentration = session.world.state().pump.program.concentration;
        const steps: ClinicianEvent[] = [
          { type: 'workflow.start', workflow: step.therapy.mode === 'flex' ? 'flexSchedule' : 'doseChange' },
          {
            type: 'draft.change',
            draft: { ...EMPTY_DRAFT, update: { program: toProgram(step.therapy, concentration) } },
          },
        ];
        for (const event of steps) {
          const refused = act(event);
          if (refused !== null) return refused;
        }
        for (const f of programmerView(session.world.state()).findings)
          if (f.severity === 'confirm') act({ type: 'finding.confirm', code: f.code });
        return act({ type: 'review.open' }) ?? act({ type: 'review.confirm' });
      }
    case 'clinical.testDose': {
      const result = session.apply({ type: 'patient.testDose', doseMcg: step.doseMcg });
      return result.ok ? null : result.refusal;
    }
    case 'refill':
    case 'bolus':
    case 'setLowReservoirAlarm':
      return performed(scenario, session, step);
    default: {
      const result = session.apply({
        type: 'clinical.act',
        action: step.do,
        ...(step.detail === undefined ? {} : { detail: step.detail }),
      });
      return result.ok ? null : result.refusal;
    }
  }
}

/** A visit at the pump done whole through the door, as the timeline's action of the same name. */
function performed(
  scenario: ScenarioFile,
  session: TrainingSession,
  step: Extract<PlanStep, { do: 'program' | 'refill' | 'bolus' | 'setLowReservoirAlarm' }>,
): Refusal | null {
  const { do: action, ...fields } = step;
  const door = { apply: session.apply, state: () => session.world.state() };
  return perform(door, { ...fields, action } as ScenarioAction, catheterVolumePerCm(scenario));
}
