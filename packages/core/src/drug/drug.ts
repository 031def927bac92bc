import type { McgPerMl, Milliseconds, Picograms, PicogramsPerDay } from '../units/quantity.ts';

/** Origin of the spasticity, which sets the titration limits. */
export type SpasticityOrigin = 'spinal' | 'cerebral' | 'pediatric';

/** The drugs of the drug library. */
export type DrugId = 'baclofen' | 'morphine' | 'ziconotide';

/** The unit a drug's doses and concentrations are shown and entered in: mcg/day and mcg/mL, or mg/day and mg/mL. */
export type DoseUnit = 'mcg' | 'mg';

/** A range of daily doses, both ends included. */
export interface DoseRange {
  readonly min: PicogramsPerDay;
  readonly max: PicogramsPerDay;
}

/** The usual intrathecal daily ranges of an opioid by the patient's opioid history. */
export interface OpioidRanges {
  /** A patient who has not been taking opioids. */
  readonly naive: DoseRange;
  /** A patient already taking opioids. */
  readonly tolerant: DoseRange;
}

/**
 * The drug's own words, used in the gate's messages. Each is a clause or sentence written to slot
 * into a fixed message; baclofen's reproduce the messages the programmer has always shown.
 */
export interface DrugWords {
  /** What happens when delivery stops (a full sentence or two, ending with a full stop). */
  readonly withdrawal: string;
  /** After a stop: what happens to tolerance ("tolerance falls"). */
  readonly toleranceFalls: string;
  /** After a stop: what the full former dose can do ("the full former dose can cause an overdose (...)"). */
  readonly restartRisk: string;
  /** What to watch for while the pump may have stopped delivering (a motor stall in an MRI field). */
  readonly stallWatch: string;
  /** What to watch for after a start or an increase, and what reverses an overdose (a full sentence); empty when nothing is said. */
  readonly afterIncrease: string;
  /** Why a large single bolus is watched (a clause in brackets after "for one bolus"). */
  readonly bolusCaution: string;
}

/** A drug the pump may hold, with the limits the programmer's guard rails use. */
export interface Drug {
  readonly id: DrugId;
  readonly name: string;
  /** The drug's name inside a sentence ("no baclofen"). */
  readonly shortName: string;
  /** The unit doses and concentrations are shown and entered in (the quantities stay pg/day and mcg/mL). */
  readonly doseUnit: DoseUnit;
  /** Concentrations sold ready to use (mcg/mL). */
  readonly stockConcentrations: readonly McgPerMl[];
  /** Lowest and highest concentration accepted, custom dilutions included (mcg/mL). */
  readonly minConcentration: McgPerMl;
  readonly maxConcentration: McgPerMl;
  /** A concentration above this is confirmed (morphine: inflammatory masses at the catheter tip); null when none. */
  readonly softMaxConcentration: McgPerMl | null;
  /** Daily dose above which the programmer asks for confirmation. */
  readonly softMaxDose: PicogramsPerDay;
  /** Daily dose the programmer refuses outright. */
  readonly hardMaxDose: PicogramsPerDay;
  /** A starting daily dose (from no dose of this drug) above this is confirmed; null when the library sets none. */
  readonly startMaxDose: PicogramsPerDay | null;
  /**
   * Largest increase per 24 h before confirmation, in parts per million of the current dose, by
   * the spasticity's origin (drugs for pain use one figure for every origin); null when the drug
   * is titrated by an absolute step instead.
   */
  readonly titrationLimitPpm: Readonly<Record<SpasticityOrigin, number>> | null;
  /** Largest increase in one step before confirmation, as a dose; null when none. */
  readonly titrationStepMax: PicogramsPerDay | null;
  /** Shortest time between two increases before confirmation; null when the library sets none. */
  readonly minIncreaseInterval: Milliseconds | null;
  /** Largest decrease in one change before confirmation (withdrawal risk), in parts per million; null: any cut is allowed. */
  readonly decreaseLimitPpm: number | null;
  /** For an opioid: the usual daily ranges by opioid history; null for any other drug. */
  readonly opioidRanges: OpioidRanges | null;
  /** A single bolus above this drug mass asks for confirmation. */
  readonly bolusSoftMax: Picograms;
  /** A single bolus above this drug mass is refused. */
  readonly bolusHardMax: Picograms;
  /** Whether the patient may be given a handheld to ask for boluses (a patient therapy manager). */
  readonly patientBolusAllowed: boolean;
  /** Longest interval between refills for drug stability, in days. */
  readonly stabilityDays: number;
  /** The same for a dilution (a concentration not sold ready to use); null when a dilution keeps as long. */
  readonly dilutedStabilityDays: number | null;
  readonly words: DrugWords;
}
