import { drugOf } from '../drug/drugLibrary.ts';
import { formatConcentration } from '../drug/formatDose.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import type { McgPerMl, Nanolitres } from '../units/quantity.ts';
import { type Draft, EMPTY_DRAFT } from './draft.ts';
import { leftAfterAspiration } from './refillProgress.ts';
import { stopDraft } from './workflows.ts';

/** What the needle has done at the pump during a refill that is being abandoned. */
export interface DoneAtThePump {
  /** What the syringe withdrew. */
  readonly aspirated: Nanolitres;
  /** What was injected into the reservoir (zero when nothing was). */
  readonly injected: Nanolitres;
  /** The concentration of what was injected. */
  readonly concentration: McgPerMl;
  /** The pump's calculated volume when the needle first acted: what it pumped since is gone. */
  readonly beliefAtNeedle?: Nanolitres | null;
}

/** Why a refill cannot simply be cancelled once the needle has acted, and the safe ways out. */
export interface AbandonedRefill {
  /** In words: what was done, what the pump still believes, and the danger between them. */
  readonly message: string;
  /** How many times the pump's believed concentration the reservoir now holds (1 when unchanged). */
  readonly doseFactor: number;
  /** Records what is in the reservoir when nothing new went in (null when something did: finish the refill). */
  readonly record: Draft | null;
  /** Stops the pump until it is refilled properly, recording what is known to be in the reservoir and its strength. */
  readonly stop: Draft;
}

const ml = (nl: number) => `${(nl / 1_000_000).toFixed(2)} mL`;

/**
 * A refill abandoned after the needle acted cannot be undone: the reservoir no longer holds what
 * the pump believes. Says so with the figures and offers the safe states: record what is really
 * there (when only aspiration happened), or stop the pump until it is refilled.
 */
export function abandonRefill(view: PumpBeliefView, done: DoneAtThePump): AbandonedRefill {
  const drug = drugOf(view.drug);
  const strength = (c: number) => formatConcentration(c as McgPerMl, drug);
  const left = leftAfterAspiration(view, done.aspirated);
  const total = left + done.injected;
  const since = Math.max(0, (done.beliefAtNeedle ?? view.calculatedReservoir) - view.calculatedReservoir);
  const known = Math.max(0, total - since) as Nanolitres;
  const mass = left * view.concentration + done.injected * done.concentration;
  const held = total === 0 ? view.concentration : mass / total;
  const doseFactor = held / view.concentration;
  const what =
    done.injected > 0
      ? `${ml(done.aspirated)} aspirated and ${ml(done.injected)} of ${strength(done.concentration)} injected`
      : `${ml(done.aspirated)} aspirated`;
  const danger =
    Math.abs(doseFactor - 1) >= 0.05
      ? ` The reservoir now holds about ${strength(Math.round(held))}: the pump would deliver ${
          doseFactor > 1 ? `${doseFactor.toFixed(1)} times` : `${Math.round(doseFactor * 100)} % of`
        } the programmed dose.`
      : total < view.calculatedReservoir
        ? ` The reservoir now holds ${ml(total)}: the pump would run dry before its low-reservoir alarm.`
        : '';
  return {
    message: `What was done at the pump cannot be undone: ${what}. The pump still believes it holds ${ml(view.calculatedReservoir)} of ${strength(view.concentration)}.${danger} Record what is in the pump, or stop the pump until it is refilled.`,
    doseFactor,
    record: done.injected > 0 ? null : { ...EMPTY_DRAFT, update: { calculatedReservoir: known } },
    stop: {
      ...EMPTY_DRAFT,
      update: {
        calculatedReservoir: known,
        program: {
          ...stopDraft(view).update.program,
          drug: view.drug,
          concentration: done.injected > 0 ? done.concentration : view.concentration,
          therapy: { mode: 'stopped' },
        },
      },
    },
  };
}
