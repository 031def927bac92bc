import type { SpasticityOrigin } from '../drug/drug.ts';
import type { Therapy } from '../pump/program.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import type { Draft, Workflow } from './draft.ts';
import type { RefillProgress } from './refillProgress.ts';

/** What the one therapy gate judges: the draft against the pump as last interrogated, and the workflow it came from. */
export interface GateInput {
  readonly view: PumpBeliefView;
  readonly draft: Draft;
  readonly origin: SpasticityOrigin;
  /** The workflow the draft belongs to; null when none (a draft judged on its own). */
  readonly workflow?: Workflow | null;
  /** For a refill: what the needle has done so far. */
  readonly refill?: RefillProgress | null;
  /**
   * The last dosing therapy the programmer read from this pump (before a stop): a restart is judged
   * against it (titration, a tenfold slip), not against the stop's zero.
   */
  readonly previousTherapy?: Therapy | null;
  /** In a pump replacement: the old pump as read before it came out. */
  readonly replaced?: PumpBeliefView | null;
}
