import {
  type ClinicianEvent,
  EMPTY_DRAFT,
  getDeviceProfile,
  implantedCatheterVolume,
  type McgPerMl,
  mlToNanolitres,
  programmerView,
  type Refusal,
  replacementDraft,
  restartDraft,
  stopDraft,
} from '@itps/core';
import { perform } from '../applyAction.ts';
import { scenarioPainDrug, treatedForPain } from '../scenarioPainPatient.ts';
import { catheterVolumePerCm } from '../scenarioPlayer.ts';
import type { PlanStep, ScenarioAction, ScenarioFile } from '../scenarioSchema.ts';
import { toProgram } from '../toCore.ts';
import type { TrainingSession } from '../training/trainingSession.ts';

/**
 * Does one step of an exercise's right plan through the exercise's door at the session's present
 * instant, as a trainee does it: the programmer reads the pump (`interrogate`), restarts therapy
 * through its stop/restart workflow (`restart`), changes a simple dose or a flex schedule through
 * its dose change or flex schedule workflow (`program`: each warning confirmed, as a trainee who
 * goes on would, so a soft limit overridden is recorded and costs its points; the pump's own drug,
 * strength and admixture kept), stops therapy as the programmer's "Prepare stop therapy" does
 * (`program` to `stopped`: the stop's warning acknowledged, sent and verified), sets the minimum
 * rate as a whole programming visit; a refill, a bolus and the alarm threshold are the timeline's
 * action of that name, a visit done whole; a pump replacement in theatre is the programmer's
 * Replacement workflow with the surgeon's swap in it (`replace`, see {@link playReplacement}) and
 * the surgeon connecting the catheter is the `pump.connect` command (`connectCatheter`); a test dose
 * is the `patient.testDose` command (morphine for a patient treated for pain, as the bedside's opioid
 * trial gives it); a clinical action is recorded with its detail. Returns the
 * refusal when the world refused it, else null: nothing of a single act is applied; of a step of
 * several acts (a restart, a program change, a replacement), what was done before the refusal
 * stands, as a trainee's acts would.
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
      return confirmedAndSent(session, act);
    }
    case 'program':
      if (step.therapy.mode === 'stopped') {
        // the programmer's "Prepare stop therapy": the stop's warning acknowledged, reviewed, sent and verified
        act({ type: 'session.connect' });
        const view = programmerView(session.world.state()).pump;
        if (view === null)
          return { code: 'programmer.unavailable', message: 'the programmer read nothing from the pump' };
        for (const event of [
          { type: 'workflow.start', workflow: 'stopRestart' },
          { type: 'draft.change', draft: stopDraft(view) },
        ] satisfies ClinicianEvent[]) {
          const refused = act(event);
          if (refused !== null) return refused;
        }
        return confirmedAndSent(session, act);
      }
      if (step.therapy.mode !== 'simple' && step.therapy.mode !== 'flex') return performed(scenario, session, step);
      {
        act({ type: 'session.connect' });
        // the pump's own solution (its lead drug, strength and admixture): the step changes only the dose
        const { concentration, drug, admixed } = session.world.state().pump.program;
        const steps: ClinicianEvent[] = [
          { type: 'workflow.start', workflow: step.therapy.mode === 'flex' ? 'flexSchedule' : 'doseChange' },
          {
            type: 'draft.change',
            draft: { ...EMPTY_DRAFT, update: { program: toProgram(step.therapy, concentration, drug, admixed) } },
          },
        ];
        for (const event of steps) {
          const refused = act(event);
          if (refused !== null) return refused;
        }
        return confirmedAndSent(session, act);
      }
    case 'replace':
      return playReplacement(session, step);
    case 'connectCatheter': {
      const result = session.apply({ type: 'pump.connect' });
      return result.ok ? null : result.refusal;
    }
    case 'clinical.testDose': {
      // a patient treated for pain is given the pain pump's opioid, as the bedside's opioid trial gives it
      const opioid = treatedForPain(scenario) && scenarioPainDrug(scenario) === 'morphine';
      const result = session.apply({
        type: 'patient.testDose',
        doseMcg: step.doseMcg,
        ...(opioid ? { drug: 'morphine' as const } : {}),
      });
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

/**
 * A pump replacement as the trainee does it in the app, act by act: the programmer connects and
 * opens the Replacement workflow (the old pump read into its record); the surgeon replaces the pump
 * (the bedside's "Surgeon: replace the pump", the catheter kept or a new one of the length given, at
 * the new model's volume per cm as the programmer enters it); the programmer reads the new pump,
 * aspirates its empty reservoir and injects the fill; the new pump is set up from the old pump's
 * program with the priming chosen (`replacementDraft`, as the screen's "Set up the new pump"), each
 * warning confirmed as a trainee who goes on would, reviewed, sent and verified. The catheter is
 * connected by a later step (`connectCatheter`), once the priming is done. A priming the gate
 * refuses (tubing and catheter through a kept catheter) leaves nothing to review: the refusal is the
 * review's, the new pump filled and unprogrammed.
 */
function playReplacement(session: TrainingSession, step: Extract<PlanStep, { do: 'replace' }>): Refusal | null {
  const act = (event: ClinicianEvent): Refusal | null => {
    const result = session.apply({ type: 'programmer.act', event });
    return result.ok ? null : result.refusal;
  };
  const run = (events: readonly ClinicianEvent[]): Refusal | null => {
    for (const event of events) {
      const refused = act(event);
      if (refused !== null) return refused;
    }
    return null;
  };
  // already connected (an interrogation just before) is no refusal that matters: the workflow opens either way
  act({ type: 'session.connect' });
  const opened = act({ type: 'workflow.start', workflow: 'replacement' });
  if (opened !== null) return opened;
  const newCatheterVolume =
    step.catheter === 'new'
      ? implantedCatheterVolume(step.newCatheterLengthCm ?? 0, getDeviceProfile(step.model).catheterVolumePerCm)
      : undefined;
  const swapped = session.apply({
    type: 'pump.replace',
    replacement: {
      profileId: step.model,
      catheter: step.catheter,
      ...(newCatheterVolume === undefined ? {} : { newCatheterVolume }),
    },
  });
  if (!swapped.ok) return swapped.refusal;
  const filled = run([
    { type: 'replacement.readNew' },
    { type: 'refill.aspirate' },
    {
      type: 'refill.inject',
      volume: mlToNanolitres(step.fill.volumeMl),
      concentration: step.fill.concentrationMcgPerMl as McgPerMl,
    },
  ]);
  if (filled !== null) return filled;
  const view = programmerView(session.world.state());
  const draft =
    view.pump === null || view.replacement === null
      ? null
      : replacementDraft(view.pump, view.replacement.old, view.refill, {
          catheter: step.catheter,
          priming: step.priming,
          ...(newCatheterVolume === undefined ? {} : { newCatheterVolume }),
        });
  if (draft === null)
    return { code: 'programmer.unavailable', message: 'the programmer has not read the new pump filled' };
  const changed = act({ type: 'draft.change', draft });
  if (changed !== null) return changed;
  return confirmedAndSent(session, act);
}

/**
 * The draft's warnings each confirmed, as a trainee who goes on would, then reviewed and sent (the
 * pump read back to verify it). While the gate still blocks the review (a hard finding), nothing can
 * be reviewed or sent: the refusal says so in the gate's own words, as the programmer shows them.
 */
function confirmedAndSent(session: TrainingSession, act: (event: ClinicianEvent) => Refusal | null): Refusal | null {
  for (const f of programmerView(session.world.state()).findings)
    if (f.severity === 'confirm') act({ type: 'finding.confirm', code: f.code });
  const blocked = programmerView(session.world.state()).reviewBlockedBy;
  if (blocked.length > 0) return { code: 'gate.unanswered', message: `Nothing was sent: ${blocked.join(' ')}` };
  return act({ type: 'review.open' }) ?? act({ type: 'review.confirm' });
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
