import { doseToRate } from '../drug/doseToRate.ts';
import type { Drug, SpasticityOrigin } from '../drug/drug.ts';
import {
  concentrationInUnit,
  concentrationUnitLabel,
  formatAmount,
  formatConcentration,
  formatDose,
} from '../drug/formatDose.ts';
import { dailyTotal } from '../pump/dailyTotal.ts';
import type { DeviceProfile } from '../pump/deviceProfile.ts';
import type { FlexStep, Therapy } from '../pump/program.ts';
import { nanolitresPerDayToMlPerDay, nanolitresToMl } from '../units/conversions.ts';
import { mulDiv } from '../units/mulDiv.ts';
import type { McgPerMl, Nanolitres, Picograms, PicogramsPerDay } from '../units/quantity.ts';

/**
 * How a guard rail stops the clinician: `hard` cannot be passed; `confirm` needs an explicit
 * confirmation; `reenter` needs the value typed again (a decimal slip).
 */
export type GuardSeverity = 'hard' | 'confirm' | 'reenter';

/** Reason codes of the programmer's guard rails. */
export type GuardCode =
  | 'dose.aboveHardLimit'
  | 'dose.aboveSoftLimit'
  | 'dose.titrationStep'
  | 'dose.tenfoldChange'
  | 'dose.largeDecrease'
  | 'bolus.aboveSoftLimit'
  | 'bolus.aboveHardLimit'
  | 'dose.belowPumpMinimum'
  | 'dose.abovePumpMaximum'
  | 'concentration.outOfRange'
  | 'concentration.customDilution'
  | 'concentration.aboveUsualMaximum'
  | 'flex.totalChange'
  | 'flex.stepAboveHardLimit'
  | 'flex.stepAboveSoftLimit'
  | 'flex.stepTenfold'
  | 'refill.overCapacity';

/** One guard-rail finding: what, how strict, and a message with the figures. */
export interface GuardFinding {
  readonly code: GuardCode;
  readonly severity: GuardSeverity;
  readonly message: string;
}

/** A dose in the drug's own unit, to the thousandth of a mcg (a millionth of a mg). */
const doseText = (dose: PicogramsPerDay, drug: Drug) => formatDose(dose, drug, drug.doseUnit === 'mcg' ? 3 : 6);
/** A share in whole percent as clinicians read it; one decimal where rounding would hide that a limit is passed. */
const percent = (ppm: number, limit?: number) =>
  limit !== undefined && Math.round(ppm / 10_000) === Math.round(limit / 10_000) && ppm !== limit
    ? `${(ppm / 10_000).toFixed(1)} %`
    : `${Math.round(ppm / 10_000)} %`;

/**
 * The guard rails on a new therapy against the old one: daily totals above the drug library's hard
 * limit (refused) or soft limit (confirm); an increase per 24 h above the titration limit for the
 * patient's origin (confirm; for flex schedules this catches a dose meant per day entered per hour);
 * a decrease larger than the library's step (confirm: withdrawal risk); a change of ten times or
 * more either way (type it again, on top of every confirmation the change needs); any rate the pump
 * cannot run at this concentration (refused, with the floor and a concentration that would allow
 * the dose).
 */
export function checkTherapyChange(options: {
  readonly oldTherapy: Therapy;
  readonly newTherapy: Therapy;
  readonly concentration: McgPerMl;
  readonly origin: SpasticityOrigin;
  readonly drug: Drug;
  readonly profile: DeviceProfile;
  /** Whether to check the pump's own flow limits (false for a drug admixed beside the lead drug, whose flow is the lead's). */
  readonly checkRates?: boolean;
}): GuardFinding[] {
  const { newTherapy, drug, profile, concentration } = options;
  const mcg = (dose: PicogramsPerDay) => doseText(dose, drug);
  const findings: GuardFinding[] = [];
  const oldTotal = dailyTotal(options.oldTherapy);
  const newTotal = dailyTotal(newTherapy);
  const isFlex = newTherapy.mode === 'flex';
  if (newTotal > drug.hardMaxDose) {
    findings.push({
      code: 'dose.aboveHardLimit',
      severity: 'hard',
      message: `${mcg(newTotal)} is above the drug library's hard limit of ${mcg(drug.hardMaxDose)}.`,
    });
  } else if (newTotal > drug.softMaxDose) {
    findings.push({
      code: 'dose.aboveSoftLimit',
      severity: 'confirm',
      message: `${mcg(newTotal)} is above the usual maximum of ${mcg(drug.softMaxDose)}. Confirm it is intended.`,
    });
  }
  const limits = drug.titrationLimitPpm;
  const limit = limits === null ? null : limits[options.origin];
  // a drug for pain has one figure for every origin: named after the drug, not the origin
  const advisedFor =
    limits !== null && new Set(Object.values(limits)).size === 1 ? drug.shortName : `${options.origin} origin`;
  const watch = drug.words.afterIncrease === '' ? '' : ` ${drug.words.afterIncrease}`;
  // a tenfold change is typed again AND confirmed against every limit it crosses: the checks add up
  if (oldTotal > 0 && newTotal >= oldTotal * 10) {
    findings.push({
      code: 'dose.tenfoldChange',
      severity: 'reenter',
      message: `${mcg(newTotal)} is ${Math.floor(newTotal / oldTotal)} times the current ${mcg(oldTotal)}: check the decimal point and type it again.`,
    });
  } else if (oldTotal > 0 && newTotal > 0 && newTotal * 10 <= oldTotal) {
    findings.push({
      code: 'dose.tenfoldChange',
      severity: 'reenter',
      message: `${mcg(newTotal)} is a tenth or less of the current ${mcg(oldTotal)}: check the decimal point and type it again.`,
    });
  }
  if (oldTotal > 0 && newTotal > oldTotal) {
    const increasePpm = mulDiv(newTotal - oldTotal, 1_000_000, oldTotal, 'ceil');
    if (limit !== null && increasePpm > limit) {
      findings.push({
        code: isFlex ? 'flex.totalChange' : 'dose.titrationStep',
        severity: 'confirm',
        message: `The 24-hour total rises from ${mcg(oldTotal)} to ${mcg(newTotal)} (+${percent(increasePpm, limit)}), more than the ${percent(limit)} per 24 h advised for ${advisedFor}.${isFlex ? ' Check each step is a dose per day, not per hour.' : ''} Confirm it is intended.${watch}`,
      });
    }
  } else if (oldTotal > 0 && newTotal > 0 && newTotal < oldTotal && drug.decreaseLimitPpm !== null) {
    const decreasePpm = mulDiv(oldTotal - newTotal, 1_000_000, oldTotal, 'floor');
    if (decreasePpm > drug.decreaseLimitPpm) {
      findings.push({
        code: 'dose.largeDecrease',
        severity: 'confirm',
        message: `The 24-hour total falls from ${mcg(oldTotal)} to ${mcg(newTotal)} (-${percent(decreasePpm, drug.decreaseLimitPpm)}), more than the ${percent(drug.decreaseLimitPpm)} usual for one step: a large cut risks withdrawal. Confirm it is intended, and watch for withdrawal.`,
      });
    }
  }
  if (newTherapy.mode === 'flex') findings.push(...checkFlexSteps(options.oldTherapy, newTherapy.steps, drug));
  else if (options.oldTherapy.mode === 'flex')
    findings.push(...checkTenfoldByTime(options.oldTherapy, newTherapy, drug));
  const doses =
    options.checkRates === false
      ? []
      : newTherapy.mode === 'simple'
        ? [newTherapy.dose]
        : newTherapy.mode === 'flex'
          ? newTherapy.steps.map((s) => s.dose)
          : [];
  for (const dose of doses) {
    const rate = doseToRate(dose, concentration);
    if (rate < profile.minRate) {
      const floor = (profile.minRate * concentration) as PicogramsPerDay;
      const allowing = Math.floor(dose / profile.minRate) as McgPerMl;
      const stock = drug.stockConcentrations.filter((c) => c <= allowing).at(-1);
      const strength = (c: McgPerMl) => formatConcentration(c, drug);
      findings.push({
        code: 'dose.belowPumpMinimum',
        severity: 'hard',
        message: `${mcg(dose)} needs ${nanolitresPerDayToMlPerDay(rate)} mL/day, below the pump's minimum of ${nanolitresPerDayToMlPerDay(profile.minRate)} mL/day: at ${strength(concentration)} the lowest dose is ${mcg(floor)}. ${allowing >= drug.minConcentration ? `A concentration of ${strength(allowing)} or less${stock === undefined ? '' : ` (for example ${strength(stock)})`} would allow it.` : 'No concentration allows it.'}`,
      });
      break;
    }
    if (rate > profile.maxRate) {
      findings.push({
        code: 'dose.abovePumpMaximum',
        severity: 'hard',
        message: `${mcg(dose)} needs ${nanolitresPerDayToMlPerDay(rate)} mL/day, above the pump's maximum of ${nanolitresPerDayToMlPerDay(profile.maxRate)} mL/day at ${formatConcentration(concentration, drug)}.`,
      });
      break;
    }
  }
  return findings;
}

const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The dose the old therapy gave at a minute of the day; null when it gave none (stopped, minimum). */
function oldDoseAt(therapy: Therapy, minute: number): PicogramsPerDay | null {
  if (therapy.mode === 'simple') return therapy.dose;
  if (therapy.mode !== 'flex') return null;
  return therapy.steps.filter((s) => s.startMinute <= minute).at(-1)?.dose ?? therapy.steps.at(-1)?.dose ?? null;
}

/**
 * Each step of a flex schedule read as a dose per day, against the same limits as a simple dose:
 * a step above the hard limit is refused and above the soft limit confirmed, whatever the 24-hour
 * total (one hour at 5000 mcg/day is 208 mcg in that hour); a step ten times or a tenth of the old
 * dose at that time of day is typed again (a dose per hour entered as per day, a slipped decimal).
 */
export function checkFlexSteps(oldTherapy: Therapy, steps: readonly FlexStep[], drug: Drug): GuardFinding[] {
  const findings: GuardFinding[] = [];
  const mcg = (dose: PicogramsPerDay) => doseText(dose, drug);
  const above = (limit: PicogramsPerDay) => steps.filter((s) => s.dose > limit);
  const list = (chosen: readonly FlexStep[]) => chosen.map((s) => `${clock(s.startMinute)} ${mcg(s.dose)}`).join(', ');
  const hard = above(drug.hardMaxDose);
  const soft = above(drug.softMaxDose).filter((s) => s.dose <= drug.hardMaxDose);
  if (hard.length > 0)
    findings.push({
      code: 'flex.stepAboveHardLimit',
      severity: 'hard',
      message: `A flex step runs at a dose per day above the drug library's hard limit of ${mcg(drug.hardMaxDose)}: ${list(hard)}. Each step is a dose per day, not per hour.`,
    });
  if (soft.length > 0)
    findings.push({
      code: 'flex.stepAboveSoftLimit',
      severity: 'confirm',
      message: `A flex step runs above the usual maximum of ${mcg(drug.softMaxDose)}: ${list(soft)}. Confirm each step is a dose per day, as intended.`,
    });
  findings.push(...checkTenfoldByTime(oldTherapy, { mode: 'flex', steps }, drug));
  return findings;
}

/**
 * A dose ten times or a tenth of the one given now at the same time of day, at any step boundary of
 * either schedule (a flex step, or a simple dose replacing a flex schedule's quiet night): typed again.
 */
export function checkTenfoldByTime(oldTherapy: Therapy, newTherapy: Therapy, drug: Drug): GuardFinding[] {
  const mcg = (dose: PicogramsPerDay) => doseText(dose, drug);
  const minutes = [...new Set([...boundaries(oldTherapy), ...boundaries(newTherapy)])].sort((a, b) => a - b);
  const tenfold = minutes.flatMap((minute) => {
    const old = oldDoseAt(oldTherapy, minute);
    const now = oldDoseAt(newTherapy, minute);
    return old !== null && now !== null && old > 0 && (now >= old * 10 || (now > 0 && now * 10 <= old))
      ? [{ minute, old, now }]
      : [];
  });
  if (tenfold.length === 0) return [];
  return [
    {
      code: 'flex.stepTenfold',
      severity: 'reenter',
      message: `A dose is ten times or a tenth of the dose now given at that time of day: ${tenfold
        .map((t) => `${clock(t.minute)} ${mcg(t.now)} (now ${mcg(t.old)})`)
        .join(', ')}. Check the decimal point and that each step is per day, then type the schedule again.`,
    },
  ];
}

const boundaries = (therapy: Therapy): number[] =>
  therapy.mode === 'flex' ? therapy.steps.map((s) => s.startMinute) : therapy.mode === 'simple' ? [0] : [];

/**
 * Guard rails on a concentration: outside the drug library refused; a custom dilution confirmed; above
 * the drug's usual maximum (morphine above 20 mg/mL) confirmed.
 */
export function checkConcentration(concentration: number, drug: Drug): GuardFinding[] {
  const inUnit = (c: number) => concentrationInUnit(c as McgPerMl, drug);
  const unit = concentrationUnitLabel(drug);
  if (
    !Number.isInteger(concentration) ||
    concentration < drug.minConcentration ||
    concentration > drug.maxConcentration
  ) {
    return [
      {
        code: 'concentration.outOfRange',
        severity: 'hard',
        message: `${drug.name} is used from ${inUnit(drug.minConcentration)} to ${inUnit(drug.maxConcentration)} ${unit}${drug.doseUnit === 'mcg' ? ' in whole numbers' : ''}; ${inUnit(concentration)} ${unit} was entered.`,
      },
    ];
  }
  const findings: GuardFinding[] = [];
  if (!drug.stockConcentrations.includes(concentration as McgPerMl)) {
    findings.push({
      code: 'concentration.customDilution',
      severity: 'confirm',
      message: `${inUnit(concentration)} ${unit} is not a stock concentration (${drug.stockConcentrations.map(inUnit).join(', ')} ${unit}). Confirm it is a prepared dilution.`,
    });
  }
  if (drug.softMaxConcentration !== null && concentration > drug.softMaxConcentration) {
    findings.push({
      code: 'concentration.aboveUsualMaximum',
      severity: 'confirm',
      message: `${inUnit(concentration)} ${unit} is above the usual maximum of ${inUnit(drug.softMaxConcentration)} ${unit} for ${drug.shortName}: inflammatory masses at the catheter tip are tied to high concentrations and doses. Confirm it is intended.`,
    });
  }
  return findings;
}

/** Guard rail on a refill volume: more than the reservoir can take after aspiration is refused. */
export function checkRefillVolume(options: {
  readonly volume: Nanolitres;
  readonly leftAfterAspiration: Nanolitres;
  readonly profile: DeviceProfile;
}): GuardFinding[] {
  const room = options.profile.capacity - options.leftAfterAspiration;
  return options.volume > room
    ? [
        {
          code: 'refill.overCapacity',
          severity: 'hard',
          message: `${nanolitresToMl(options.volume)} mL will not fit: the ${nanolitresToMl(options.profile.capacity)} mL reservoir still holds ${nanolitresToMl(options.leftAfterAspiration)} mL, so at most ${nanolitresToMl(room as Nanolitres)} mL can go in.`,
        },
      ]
    : [];
}

/** Guard rails on a single bolus's drug: above the library's soft limit confirmed, above its hard limit refused. */
export function checkBolusDose(mass: Picograms, drug: Drug): GuardFinding[] {
  const mcgOf = (pg: Picograms) => formatAmount(pg, drug);
  if (mass > drug.bolusHardMax)
    return [
      {
        code: 'bolus.aboveHardLimit',
        severity: 'hard',
        message: `A bolus of ${mcgOf(mass)} is above the drug library's limit of ${mcgOf(drug.bolusHardMax)} for one bolus.`,
      },
    ];
  if (mass > drug.bolusSoftMax)
    return [
      {
        code: 'bolus.aboveSoftLimit',
        severity: 'confirm',
        message: `A bolus of ${mcgOf(mass)} is above the usual ${mcgOf(drug.bolusSoftMax)} for one bolus (${drug.words.bolusCaution}). Confirm it is intended, and watch the patient.`,
      },
    ];
  return [];
}
