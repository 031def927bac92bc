import type { Drug } from '../drug/drug.ts';
import { drugOf } from '../drug/drugLibrary.ts';
import { formatConcentration, formatDose } from '../drug/formatDose.ts';
import { dailyTotal } from '../pump/dailyTotal.ts';
import type { Therapy } from '../pump/program.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import type { McgPerMl } from '../units/quantity.ts';
import { programOfView, sameProgram } from './programOfView.ts';
import type { Expectation } from './verification.ts';

const therapyWords = (therapy: Therapy, concentration: McgPerMl, drug: Drug): string => {
  const total = formatDose(dailyTotal(therapy), drug);
  const strength = formatConcentration(concentration, drug);
  switch (therapy.mode) {
    case 'simple':
      return `simple continuous ${total} at ${strength}`;
    case 'flex':
      return `a flex schedule of ${therapy.steps.length} steps, ${total} in 24 hours, at ${strength}`;
    case 'minimum':
      return 'minimum flow';
    case 'stopped':
      return 'therapy stopped';
  }
};

/**
 * What a verification that failed found, in words: whether the pump is delivering or stopped, why,
 * which program it holds, and whether that is the one sent, so the clinician is never left with
 * silence after a lost update.
 */
export function describeUnverified(view: PumpBeliefView, expected: Expectation | null): string {
  const drug = drugOf(view.drug);
  const held = `${therapyWords(view.therapy, view.concentration, drug)}${view.drug === 'baclofen' && view.admixed.length === 0 ? '' : ` of ${drug.shortName}${view.admixed.map((p) => ` with ${drugOf(p.drug).shortName} ${formatConcentration(p.concentration, drugOf(p.drug))}`).join('')}`}`;
  const sent = expected?.update.program;
  const holdsSent = sent !== undefined && sameProgram(sent, programOfView(view));
  const state =
    view.state === 'endOfService'
      ? 'The pump has reached end of service and delivers nothing.'
      : view.state === 'error'
        ? 'The pump reports an error and delivers nothing.'
        : view.suspended
          ? 'The pump is STOPPED: the update did not complete, and it delivers nothing until the update is sent again or therapy is restarted.'
          : view.deliveringRate === 0
            ? 'The pump is delivering nothing.'
            : 'The pump is running.';
  const program =
    sent === undefined
      ? `It holds ${held}.`
      : holdsSent
        ? `It holds the new program (${held}), but the update is not confirmed.`
        : `It still holds the old program (${held}), not the one sent.`;
  return `Not verified. ${state} ${program} Send the update again (it is reviewed again first) or restart therapy.`;
}
