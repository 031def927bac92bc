import type { McgPerMl, Picograms, PicogramsPerDay } from '../units/quantity.ts';

/** Origin of the spasticity, which sets the titration limits. */
export type SpasticityOrigin = 'spinal' | 'cerebral' | 'pediatric';

/** The drugs of the drug library. */
export type DrugId = 'baclofen' | 'morphine' | 'ziconotide';

/** A drug the pump may hold, with the limits the programmer's guard rails use. */
export interface Drug {
  readonly id: DrugId;
  readonly name: string;
  /** Concentrations sold ready to use (mcg/mL). */
  readonly stockConcentrations: readonly McgPerMl[];
  /** Lowest and highest concentration accepted, custom dilutions included (mcg/mL). */
  readonly minConcentration: McgPerMl;
  readonly maxConcentration: McgPerMl;
  /** Daily dose above which the programmer asks for confirmation. */
  readonly softMaxDose: PicogramsPerDay;
  /** Daily dose the programmer refuses outright. */
  readonly hardMaxDose: PicogramsPerDay;
  /** Largest increase per 24 h before confirmation, in parts per million of the current dose. */
  readonly titrationLimitPpm: Readonly<Record<SpasticityOrigin, number>>;
  /** Largest decrease in one change before confirmation (withdrawal risk), in parts per million. */
  readonly decreaseLimitPpm: number;
  /** A single bolus above this drug mass asks for confirmation. */
  readonly bolusSoftMax: Picograms;
  /** A single bolus above this drug mass is refused. */
  readonly bolusHardMax: Picograms;
  /** Longest interval between refills for drug stability, in days. */
  readonly stabilityDays: number;
}
