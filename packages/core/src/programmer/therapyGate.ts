import { baclofen } from '../drug/baclofen.ts';
import { doseToRate } from '../drug/doseToRate.ts';
import type { SpasticityOrigin } from '../drug/drug.ts';
import { dailyTotal } from '../pump/dailyTotal.ts';
import { getDeviceProfile } from '../pump/deviceProfile.ts';
import type { Therapy } from '../pump/program.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import { validateProgram } from '../pump/validateProgram.ts';
import { massInVolume, nanolitresToMl, picogramsPerDayToMcgPerDay, picogramsToMcg } from '../units/conversions.ts';
import { divide } from '../units/mulDiv.ts';
import type { Nanolitres, Picograms, PicogramsPerDay } from '../units/quantity.ts';
import { MS_PER_DAY, MS_PER_MINUTE } from '../units/time.ts';
import type { Draft, Workflow } from './draft.ts';
import { checkBolusDose, checkConcentration, checkTherapyChange, type GuardFinding } from './guardRails.ts';
import { type PtmFinding, ptmRules } from './ptmRules.ts';
import { checkRefillDiscrepancy } from './refillDiscrepancy.ts';
import { knownReservoir, leftAfterAspiration, type RefillProgress } from './refillProgress.ts';

/** Reason codes of the therapy gate beyond the drug and dose guard rails. */
export type DraftCode =
  | 'program.refused'
  | 'reservoir.overCapacity'
  | 'alarm.thresholdOutOfRange'
  | 'alarm.thresholdLowered'
  | 'bridge.decisionRequired'
  | 'bridge.skipped'
  | 'bolus.priming'
  | 'bolus.bridgeAboveHardLimit'
  | 'therapy.stop'
  | 'therapy.restart'
  | 'catheter.noVolume'
  | 'catheter.dataChange'
  | 'refill.notAspirated'
  | 'refill.shortAspiration'
  | 'refill.discrepancy'
  | 'refill.recordAboveKnown'
  | 'refill.concentrationMismatch'
  | 'refill.unrecorded'
  | 'refill.residualMixing'
  | 'concentration.notInjected'
  | 'bolus.primingTooLarge'
  | 'bolus.bridgeTooLarge'
  | 'reservoir.emptiedWithoutNeedle'
  | 'reservoir.raised'
  | 'recommendation.noTestDose'
  | 'recommendation.aboveStart'
  | 'draft.empty';

/** A finding of the therapy gate: a guard rail, or a draft-level check. */
export type DraftFinding =
  | GuardFinding
  | PtmFinding
  | { readonly code: DraftCode; readonly severity: GuardFinding['severity']; readonly message: string };

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
}

const ml = (nl: number) => `${nanolitresToMl(nl as Nanolitres).toFixed(2)} mL`;
/** mL to two places, or to the microlitre where two places would show two different volumes alike. */
const mlFine = (nl: number, beside: number) =>
  ml(nl) === ml(beside) && nl !== beside ? `${nanolitresToMl(nl as Nanolitres).toFixed(3)} mL` : ml(nl);
const mcgDay = (pg: number) => `${Math.round(picogramsPerDayToMcgPerDay(pg as PicogramsPerDay) * 10) / 10} mcg/day`;
const days = (ms: number) => {
  const d = ms / MS_PER_DAY;
  return d < 1 ? `${Math.round(d * 24)} hours` : `${Math.round(d * 10) / 10} days`;
};

/**
 * The one therapy gate: every change that can reach the pump is judged here, on the program and
 * record that would result, against the drug library and the device: the dose and every flex step
 * (hard and soft limits, titration, a large cut, a tenfold entry), the concentration, the pump's own
 * limits, a stop and a restart, every bolus (single by its drug, priming by what it pushes out of a
 * full catheter, bridge by the dose it gives), the low-reservoir threshold, catheter data, and a
 * refill's record against what the needle found. Findings are hard (refused), confirm or re-enter;
 * the session sends nothing until every one is answered, and screens only show them.
 */
export function therapyGate(input: GateInput): DraftFinding[] {
  const { view, draft, origin } = input;
  const profile = getDeviceProfile(view.profileId);
  const findings: DraftFinding[] = [];
  const { update } = draft;
  if (Object.keys(update).length === 0 && draft.bolus === null && !draft.alarmTest) {
    findings.push({ code: 'draft.empty', severity: 'hard', message: 'Nothing has been changed yet.' });
  }
  const program = update.program;
  if (program !== undefined) {
    findings.push(...checkConcentration(program.concentration, baclofen));
    const running = view.therapy.mode === 'simple' || view.therapy.mode === 'flex';
    const previous = input.previousTherapy;
    const guards = checkTherapyChange({
      // a restart is judged against the dose given before the stop, when the programmer read it
      oldTherapy:
        !running && previous != null && (previous.mode === 'simple' || previous.mode === 'flex')
          ? previous
          : view.therapy,
      newTherapy: program.therapy,
      concentration: program.concentration,
      origin,
      drug: baclofen,
      profile,
    });
    findings.push(...guards);
    const valid = validateProgram(program, profile);
    if (!valid.ok && !guards.some((g) => g.severity === 'hard')) {
      findings.push({ code: 'program.refused', severity: 'hard', message: valid.refusal.message });
    }
    findings.push(...stopAndRestart(view, program.therapy));
    const dosing = program.therapy.mode === 'simple' || program.therapy.mode === 'flex';
    // the strength in the pump changes only where the needle put it there: at a refill
    if (program.concentration !== view.concentration && input.workflow != null && input.workflow !== 'refill')
      findings.push({
        code: 'concentration.notInjected',
        severity: 'hard',
        message: `The pump's concentration (${view.concentration} mcg/mL) changes only at a refill that puts the new strength in the reservoir. Entering ${program.concentration} mcg/mL here would make the pump deliver ${Math.round((view.concentration / program.concentration) * 100) / 100} times the dose it shows. Use Refill.`,
      });
    // a bridge chosen but not in the draft bridges nothing: it is a skipped bridge
    const bridging = draft.bridgeDecision === 'bridge' && draft.bolus?.kind === 'bridge';
    const decision = draft.bridgeDecision === 'bridge' && !bridging ? 'none' : draft.bridgeDecision;
    if (program.concentration !== view.concentration && dosing) {
      if (decision === null) {
        findings.push({
          code: 'bridge.decisionRequired',
          severity: 'hard',
          message: `The concentration changes from ${view.concentration} to ${program.concentration} mcg/mL: ${nanolitresToMl(
            (profile.pumpTubingVolume + view.catheterVolumeEntered) as Nanolitres,
          )} mL of the old drug is still in the pump tubing and catheter. Choose a bridge bolus or no bridge.`,
        });
      } else if (decision === 'none') {
        findings.push({
          code: 'bridge.skipped',
          severity: 'confirm',
          message:
            'Without a bridge bolus the old drug in the tubing and catheter is delivered at the new flow: the dose will be wrong until it has passed. Confirm.',
        });
      }
    }
  }
  findings.push(...bolusFindings(input));
  findings.push(...ptmRules(input));
  if (update.calculatedReservoir !== undefined && update.calculatedReservoir > profile.capacity) {
    findings.push({
      code: 'reservoir.overCapacity',
      severity: 'hard',
      message: `${nanolitresToMl(update.calculatedReservoir)} mL is more than the ${nanolitresToMl(profile.capacity)} mL reservoir holds.`,
    });
  }
  findings.push(...thresholdFindings(input), ...catheterFindings(input), ...refillFindings(input));
  return findings;
}

/** A stop warns of withdrawal in days; a restart after a stop warns that tolerance falls. */
function stopAndRestart(view: PumpBeliefView, therapy: NonNullable<Draft['update']['program']>['therapy']) {
  const findings: DraftFinding[] = [];
  const running = view.therapy.mode === 'simple' || view.therapy.mode === 'flex';
  const dosing = therapy.mode === 'simple' || therapy.mode === 'flex';
  if (running && !dosing) {
    const what = therapy.mode === 'stopped' ? 'stops' : 'drops to its minimum flow';
    findings.push({
      code: 'therapy.stop',
      severity: 'confirm',
      message: `Therapy ${what} when the update completes: the patient gets no baclofen (now ${mcgDay(dailyTotal(view.therapy))}) until it is restarted. Withdrawal usually begins within 1 to 3 days (itching, returning spasms, fast heart rate); severe withdrawal (high fever, rigidity, confusion) can follow over 24 to 72 hours and can kill. Confirm, and plan how therapy is restarted or covered before the patient leaves.`,
    });
  }
  if (!running && dosing) {
    findings.push({
      code: 'therapy.restart',
      severity: 'confirm',
      message: `Therapy restarts at ${mcgDay(dailyTotal(therapy))} after a stop. After more than a day without baclofen, tolerance falls and the full former dose can cause an overdose (drowsiness, weakness, slowed breathing). Confirm the restart dose, and watch the patient for the first day.`,
    });
  }
  return findings;
}

/** A single bolus by its drug; a priming bolus by what it pushes from a full catheter; a bridge by its dose. */
function bolusFindings({ view, draft }: GateInput): DraftFinding[] {
  const bolus = draft.bolus;
  if (bolus === null) return [];
  const concentration = draft.update.program?.concentration ?? view.concentration;
  if (bolus.kind === 'single') return checkBolusDose(massInVolume(bolus.volume, concentration), baclofen);
  const path = getDeviceProfile(view.profileId).pumpTubingVolume + view.catheterVolumeEntered;
  if (bolus.volume > path)
    return [
      {
        code: bolus.kind === 'priming' ? 'bolus.primingTooLarge' : 'bolus.bridgeTooLarge',
        severity: 'hard',
        message: `A ${bolus.kind} bolus moves only what the pump tubing and catheter hold (${ml(path)}); ${ml(bolus.volume)} would push ${Math.round(picogramsToMcg(massInVolume((bolus.volume - path) as Nanolitres, concentration)))} mcg of the reservoir's drug on into the spinal fluid. Above the library's ${Math.round(picogramsToMcg(baclofen.bolusHardMax))} mcg for one bolus.`,
      },
    ];
  if (bolus.kind === 'priming') {
    const pushed = massInVolume(view.catheterVolumeEntered, view.concentration);
    return [
      {
        code: 'bolus.priming',
        severity: 'confirm',
        message: `A priming bolus moves ${ml(bolus.volume)} in ${Math.ceil(bolus.durationMs / MS_PER_MINUTE)} minutes. Give it only after an implant or catheter revision, with the catheter empty: into a catheter already full of drug it pushes about ${Math.round(picogramsToMcg(pushed as Picograms) * 10) / 10} mcg into the spinal fluid at once. Confirm the catheter is empty.`,
      },
    ];
  }
  // a bridge moves the old drug in the tubing and catheter: the dose it gives at the tip, per day
  const perDay =
    bolus.durationMs === 0
      ? Number.POSITIVE_INFINITY
      : divide(massInVolume(bolus.volume, view.concentration) * MS_PER_DAY, bolus.durationMs, 'nearest');
  return perDay > baclofen.hardMaxDose
    ? [
        {
          code: 'bolus.bridgeAboveHardLimit',
          severity: 'hard',
          message: `The bridge bolus would give the old drug at ${mcgDay(perDay)}, above the drug library's hard limit of ${mcgDay(baclofen.hardMaxDose)}.`,
        },
      ]
    : [];
}

/** The alarm threshold within the pump's range; lowering it below the default costs days of warning. */
function thresholdFindings({ view, draft }: GateInput): DraftFinding[] {
  const threshold = draft.update.lowReservoirThreshold;
  if (threshold === undefined) return [];
  const profile = getDeviceProfile(view.profileId);
  const range = profile.lowReservoirThresholdRange;
  if (threshold < range.min || threshold > range.max) {
    return [
      {
        code: 'alarm.thresholdOutOfRange',
        severity: 'hard',
        message: `The low-reservoir alarm is set from ${nanolitresToMl(range.min)} to ${nanolitresToMl(range.max)} mL.`,
      },
    ];
  }
  const floor = Math.min(profile.defaultLowReservoirThreshold, view.lowReservoirThreshold);
  if (threshold >= floor) return [];
  const flow = doseToRate(dailyTotal(view.therapy), view.concentration);
  const lost =
    flow > 0
      ? ` At ${mcgDay(dailyTotal(view.therapy))} that is ${days(divide((floor - threshold) * MS_PER_DAY, flow, 'floor'))} less warning before the reservoir is empty.`
      : '';
  return [
    {
      code: 'alarm.thresholdLowered',
      severity: 'confirm',
      message: `The low-reservoir alarm will sound at ${ml(threshold)} instead of ${ml(floor)}.${lost} Patients have gone into withdrawal with more than 2 mL left. Confirm.`,
    },
  ];
}

/** Catheter data: a volume is required; a change moves the priming and bridge volumes. */
function catheterFindings({ view, draft }: GateInput): DraftFinding[] {
  const entered = draft.update.catheterVolumeEntered;
  if (entered === undefined || entered === view.catheterVolumeEntered) return [];
  if (entered === 0)
    return [
      {
        code: 'catheter.noVolume',
        severity: 'hard',
        message: 'The catheter volume cannot be zero: enter the implanted length and the volume per cm.',
      },
    ];
  const tubing = getDeviceProfile(view.profileId).pumpTubingVolume;
  return [
    {
      code: 'catheter.dataChange',
      severity: 'confirm',
      message: `The catheter volume changes from ${ml(view.catheterVolumeEntered)} to ${ml(entered)}: priming and bridge boluses will move ${ml(tubing + entered)} instead of ${ml(tubing + view.catheterVolumeEntered)}. Confirm it matches the implant record.`,
    },
  ];
}

/** Before injection: an aspiration that brought back far less than expected stops the clinician. */
export function aspirationFindings(view: PumpBeliefView, refill: RefillProgress): DraftFinding[] {
  if (refill.aspirated === null || refill.injected !== null) return [];
  const discrepancy = discrepancyOf(view, refill.aspirated);
  if (!discrepancy.flagged || discrepancy.difference > 0) return [];
  return [
    {
      code: 'refill.shortAspiration',
      severity: 'confirm',
      message: `${discrepancy.message} Do not inject until you know where the needle is. Likely causes: ${discrepancy.likelyCauses.join('; ')}. Confirm the needle is in the reservoir (template, reposition, aspirate again) before injecting.`,
    },
  ];
}

const discrepancyOf = (view: PumpBeliefView, aspirated: Nanolitres) =>
  checkRefillDiscrepancy({
    calculatedReservoir: view.calculatedReservoir,
    aspirated,
    deliveredSinceLastRefill: Math.max(
      0,
      (view.lastRefill?.volume ?? view.calculatedReservoir) - view.calculatedReservoir,
    ) as Nanolitres,
    profile: getDeviceProfile(view.profileId),
    deadSpace: view.reservoirDeadSpace,
  });

/**
 * A refill's record against what the needle found: nothing recorded before aspiration, never more
 * than is known to be in the reservoir, the concentration that went in, and a discrepancy recorded
 * knowingly.
 */
function refillFindings({ view, draft, workflow, refill }: GateInput): DraftFinding[] {
  const recorded = draft.update.calculatedReservoir;
  if (workflow !== 'refill') {
    // a correction outside a refill: more than the pump calculates is only what a needle could show
    const capacity = getDeviceProfile(view.profileId).capacity;
    if (recorded === 0 && view.calculatedReservoir > 0)
      return [
        {
          code: 'reservoir.emptiedWithoutNeedle',
          severity: 'hard',
          message: `The pump counts ${ml(view.calculatedReservoir)} in the reservoir. It is recorded as empty only once aspiration has emptied it: use Refill, aspirate, then record what is left or stop the pump.`,
        },
      ];
    return recorded !== undefined && recorded > view.calculatedReservoir && recorded <= capacity
      ? [
          {
            code: 'reservoir.raised',
            severity: 'confirm',
            message: `${ml(recorded)} is more than the ${ml(view.calculatedReservoir)} the pump calculates, and no refill is being recorded. A volume the reservoir does not hold delays the low-reservoir alarm past the day it runs dry. Confirm it was measured.`,
          },
        ]
      : [];
  }
  const findings: DraftFinding[] = [];
  const known = knownReservoir(view, refill ?? null);
  if (recorded !== undefined && (known === null || refill?.aspirated == null)) {
    return [
      {
        code: 'refill.notAspirated',
        severity: 'hard',
        message: 'Aspirate the reservoir first: the volume to record follows from what the syringe brings back.',
      },
    ];
  }
  if (refill == null || refill.aspirated === null || known === null) return [];
  if (recorded === undefined)
    return [
      {
        code: 'refill.unrecorded',
        severity: 'hard',
        message:
          'The needle has acted at the pump: this refill records what is now in the reservoir (with a stop, if the pump is to wait for a proper refill). Nothing else can be sent from it.',
      },
    ];
  if (recorded !== undefined && recorded > known) {
    findings.push({
      code: 'refill.recordAboveKnown',
      severity: 'hard',
      message: `${mlFine(recorded, known)} is more than is known to be in the reservoir: ${mlFine(known, recorded)} (at most ${ml(known - (refill.injected?.volume ?? 0))} left after aspiration, plus ${ml(refill.injected?.volume ?? 0)} injected). Record what is known; a volume can be corrected later.`,
    });
  }
  const injected = refill.injected;
  // a record states what is in the reservoir: the strength that went in (a stop records nothing)
  if (injected !== null && recorded !== undefined) {
    const concentration = draft.update.program?.concentration ?? view.concentration;
    if (concentration !== injected.concentration)
      findings.push({
        code: 'refill.concentrationMismatch',
        severity: 'hard',
        message: `${injected.concentration} mcg/mL went into the reservoir, but ${concentration} mcg/mL would be recorded. Record the concentration that was injected.`,
      });
  }
  // the dead space's old drug mixes with a new strength: the reservoir holds neither
  if (recorded !== undefined && injected !== null && injected.concentration !== view.concentration) {
    const left = leftAfterAspiration(view, refill.aspirated);
    const total = left + injected.volume;
    const mixed =
      total === 0
        ? injected.concentration
        : (left * view.concentration + injected.volume * injected.concentration) / total;
    if (Math.abs(mixed - injected.concentration) * 100 >= injected.concentration)
      findings.push({
        code: 'refill.residualMixing',
        severity: 'confirm',
        message: `${ml(left)} of ${view.concentration} mcg/mL left in the reservoir mixes with the ${injected.concentration} mcg/mL injected: the reservoir holds about ${Math.round(mixed * 10) / 10} mcg/mL, ${Math.round(Math.abs(mixed / injected.concentration - 1) * 1000) / 10} % ${mixed > injected.concentration ? 'stronger' : 'weaker'} than recorded, until it is next refilled. Confirm.`,
      });
  }
  const discrepancy = discrepancyOf(view, refill.aspirated);
  if (recorded !== undefined && discrepancy.flagged)
    findings.push({
      code: 'refill.discrepancy',
      severity: 'confirm',
      message: `${discrepancy.message} Likely causes: ${discrepancy.likelyCauses.join('; ')}. Confirm it is recorded and will be investigated.`,
    });
  return findings;
}

/** How many times the largest screening dose a starting daily dose may be before it is confirmed (domain research R28b: 2 x). */
export const START_DOSE_FACTOR = 2;

/**
 * The gate on a recommendation a trainee records after the screening trial: the pump's starting
 * daily dose against the test doses given (the usual start is twice the effective test dose over 24
 * hours, the same dose when its effect lasted more than 8 hours) and the drug library's limits.
 */
export function judgeStartingDose(options: {
  readonly testDosesMcg: readonly number[];
  readonly startMcgPerDay: number;
}): DraftFinding[] {
  const { testDosesMcg, startMcgPerDay } = options;
  const hard = picogramsPerDayToMcgPerDay(baclofen.hardMaxDose);
  if (testDosesMcg.length === 0)
    return [
      {
        code: 'recommendation.noTestDose',
        severity: 'hard',
        message: 'No screening dose has been given: a pump is recommended only after a test dose has shown an effect.',
      },
    ];
  if (startMcgPerDay > hard)
    return [
      {
        code: 'dose.aboveHardLimit',
        severity: 'hard',
        message: `${startMcgPerDay} mcg/day is above the drug library's hard limit of ${hard} mcg/day.`,
      },
    ];
  const largest = Math.max(...testDosesMcg);
  return startMcgPerDay > largest * START_DOSE_FACTOR
    ? [
        {
          code: 'recommendation.aboveStart',
          severity: 'confirm',
          message: `${startMcgPerDay} mcg/day is more than twice the largest test dose given (${largest} mcg). The usual start is twice the effective test dose over 24 hours, or the same dose if its effect lasted more than 8 hours. Confirm it is intended.`,
        },
      ]
    : [];
}
