import { baclofen } from '../drug/baclofen.ts';
import { doseToRate } from '../drug/doseToRate.ts';
import type { Drug, DrugId } from '../drug/drug.ts';
import { drugOf } from '../drug/drugLibrary.ts';
import { concentrationInUnit, formatAmount, formatConcentration, formatDose } from '../drug/formatDose.ts';
import type { SolutionPart } from '../drug/solution.ts';
import { dailyTotal } from '../pump/dailyTotal.ts';
import { getDeviceProfile } from '../pump/deviceProfile.ts';
import { drugTherapies } from '../pump/drugTherapies.ts';
import type { PumpProgram, Therapy } from '../pump/program.ts';
import { logEntries } from '../pump/pumpLog.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import { validateProgram } from '../pump/validateProgram.ts';
import { massInVolume, nanolitresToMl, picogramsPerDayToMcgPerDay } from '../units/conversions.ts';
import { divide } from '../units/mulDiv.ts';
import type { McgPerMl, Milliseconds, Nanolitres, Picograms, PicogramsPerDay } from '../units/quantity.ts';
import { MS_PER_DAY, MS_PER_MINUTE } from '../units/time.ts';
import { checkDrugRules, type DrugRuleFinding } from './checkDrugRules.ts';
import type { GateInput } from './gateInput.ts';
import { checkBolusDose, checkConcentration, checkTherapyChange, type GuardFinding } from './guardRails.ts';
import { programOfView } from './programOfView.ts';
import { type PtmFinding, ptmRules } from './ptmRules.ts';
import { checkRefillDiscrepancy } from './refillDiscrepancy.ts';
import { knownReservoir, leftAfterAspiration, type RefillProgress } from './refillProgress.ts';
import { type ReplacementFinding, replacementFindings } from './replacementFindings.ts';

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
  | 'draft.empty'
  | AdmixtureCode;

/**
 * Codes of a finding on a drug admixed beside the lead drug: its own limits judged on its own dose
 * (the flow times its concentration), in its own unit.
 */
export type AdmixtureCode =
  | 'admixture.drugAboveHardLimit'
  | 'admixture.drugAboveSoftLimit'
  | 'admixture.drugStepUp'
  | 'admixture.drugStepDown'
  | 'admixture.drugTenfold'
  | 'admixture.concentrationOutOfRange'
  | 'admixture.customDilution'
  | 'admixture.bolusAboveHardLimit'
  | 'admixture.bolusAboveSoftLimit'
  | 'admixture.drugStopped';

/** The code a guard rail's finding takes when it is about an admixed drug (others keep theirs). */
const ADMIXED_CODE: Readonly<Partial<Record<string, AdmixtureCode>>> = {
  'dose.aboveHardLimit': 'admixture.drugAboveHardLimit',
  'flex.stepAboveHardLimit': 'admixture.drugAboveHardLimit',
  'dose.aboveSoftLimit': 'admixture.drugAboveSoftLimit',
  'flex.stepAboveSoftLimit': 'admixture.drugAboveSoftLimit',
  'dose.titrationStep': 'admixture.drugStepUp',
  'flex.totalChange': 'admixture.drugStepUp',
  'dose.largeDecrease': 'admixture.drugStepDown',
  'dose.tenfoldChange': 'admixture.drugTenfold',
  'flex.stepTenfold': 'admixture.drugTenfold',
  'concentration.outOfRange': 'admixture.concentrationOutOfRange',
  'concentration.customDilution': 'admixture.customDilution',
  'bolus.aboveHardLimit': 'admixture.bolusAboveHardLimit',
  'bolus.aboveSoftLimit': 'admixture.bolusAboveSoftLimit',
};

/** A finding about a drug admixed beside the lead drug: its admixture code, and its name and strength first. */
const asAdmixed = (finding: GuardFinding | DrugRuleFinding, part: SolutionPart): DraftFinding => {
  const drug = drugOf(part.drug);
  return {
    code: ADMIXED_CODE[finding.code] ?? finding.code,
    severity: finding.severity,
    message: `${drug.name}, admixed at ${formatConcentration(part.concentration, drug)}: ${finding.message}`,
  } as DraftFinding;
};

/** A solution in words: "morphine 25 mg/mL with baclofen 1000 mcg/mL". */
const solutionText = (lead: SolutionPart, admixed: readonly SolutionPart[]): string =>
  [lead, ...admixed]
    .map((p) => `${drugOf(p.drug).shortName} ${formatConcentration(p.concentration, drugOf(p.drug))}`)
    .join(' with ');

/** Whether two programs hold the same solution: the same lead drug and strength, and the same admixed drugs at the same strengths. */
const sameSolution = (a: PumpProgram, b: PumpProgram): boolean => {
  const parts = (p: PumpProgram) =>
    [...(p.admixed ?? [])]
      .map((x) => `${x.drug}:${x.concentration}`)
      .sort()
      .join(',');
  return a.drug === b.drug && a.concentration === b.concentration && parts(a) === parts(b);
};

const STOPPED: Therapy = { mode: 'stopped' };

/** When the program the pump holds was last changed, from its log; null when the log does not say. */
function lastChangedAt(view: PumpBeliefView): Milliseconds | null {
  const entries = logEntries(view.log);
  for (let i = entries.length - 1; i >= 0; i -= 1)
    if (entries[i]?.type === 'program.committed') return entries[i]?.at ?? null;
  return null;
}

export type { GateInput } from './gateInput.ts';

/** A finding of the therapy gate: a guard rail, a drug's own rule, or a draft-level check. */
export type DraftFinding =
  | GuardFinding
  | PtmFinding
  | DrugRuleFinding
  | ReplacementFinding
  | {
      readonly code: DraftCode;
      readonly severity: GuardFinding['severity'];
      readonly message: string;
    };

const ml = (nl: number) => `${nanolitresToMl(nl as Nanolitres).toFixed(2)} mL`;
/** mL to two places, or to the microlitre where two places would show two different volumes alike. */
const mlFine = (nl: number, beside: number) =>
  ml(nl) === ml(beside) && nl !== beside ? `${nanolitresToMl(nl as Nanolitres).toFixed(3)} mL` : ml(nl);
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
    const drug = drugOf(program.drug);
    findings.push(...checkConcentration(program.concentration, drug));
    for (const part of program.admixed ?? [])
      findings.push(...checkConcentration(part.concentration, drugOf(part.drug)).map((f) => asAdmixed(f, part)));
    const running = view.therapy.mode === 'simple' || view.therapy.mode === 'flex';
    const previous = input.previousTherapy;
    // a restart is judged against the dose given before the stop, when the programmer read it
    const oldTherapy =
      !running && previous != null && (previous.mode === 'simple' || previous.mode === 'flex')
        ? previous
        : view.therapy;
    const held = programOfView(view);
    // each drug's dose before: what the program the pump holds gives it (nothing when it holds none of it)
    const before = drugTherapies({ ...held, therapy: oldTherapy });
    const oldOf = (id: DrugId) => before.find((d) => d.drug === id)?.therapy ?? STOPPED;
    const rules = (d: Drug, oldT: Therapy, newT: Therapy) =>
      checkDrugRules({
        drug: d,
        oldTherapy: oldT,
        newTherapy: newT,
        opioidHistory: view.opioidHistory,
        lastChangedAt: lastChangedAt(view),
        now: view.now,
      });
    const guards = checkTherapyChange({
      oldTherapy: oldOf(program.drug),
      newTherapy: program.therapy,
      concentration: program.concentration,
      origin,
      drug,
      profile,
    });
    findings.push(...guards, ...rules(drug, oldOf(program.drug), program.therapy));
    // every admixed drug against its own limits, at its own dose: the flow times its concentration
    for (const each of drugTherapies(program).slice(1)) {
      const part = { drug: each.drug, concentration: each.concentration };
      const own = drugOf(each.drug);
      findings.push(
        ...[
          ...checkTherapyChange({
            oldTherapy: oldOf(each.drug),
            newTherapy: each.therapy,
            concentration: each.concentration,
            origin,
            drug: own,
            profile,
            checkRates: false,
          }),
          ...rules(own, oldOf(each.drug), each.therapy),
        ].map((f) => asAdmixed(f, part)),
      );
    }
    const valid = validateProgram(program, profile);
    if (!valid.ok && !guards.some((g) => g.severity === 'hard')) {
      findings.push({ code: 'program.refused', severity: 'hard', message: valid.refusal.message });
    }
    // a new pump starts stopped: its restart is judged by whether the old pump was delivering
    if (input.workflow !== 'replacement') findings.push(...stopAndRestart(view, program));
    const dosing = program.therapy.mode === 'simple' || program.therapy.mode === 'flex';
    const changes = !sameSolution(held, program);
    const sameDrugs = held.drug === program.drug && held.admixed === undefined && program.admixed === undefined;
    // the strength in the pump changes only where the needle put it there: at a refill
    if (changes && input.workflow != null && input.workflow !== 'refill' && input.workflow !== 'replacement')
      findings.push({
        code: 'concentration.notInjected',
        severity: 'hard',
        message: sameDrugs
          ? `The pump's concentration (${formatConcentration(view.concentration, drug)}) changes only at a refill that puts the new strength in the reservoir. Entering ${formatConcentration(program.concentration, drug)} here would make the pump deliver ${Math.round((view.concentration / program.concentration) * 100) / 100} times the dose it shows. Use Refill.`
          : `The pump holds ${solutionText(held, view.admixed)}; ${solutionText(program, program.admixed ?? [])} can be entered only at a refill that puts it in the reservoir. Use Refill.`,
      });
    // a bridge chosen but not in the draft bridges nothing: it is a skipped bridge
    const bridging = draft.bridgeDecision === 'bridge' && draft.bolus?.kind === 'bridge';
    const decision = draft.bridgeDecision === 'bridge' && !bridging ? 'none' : draft.bridgeDecision;
    // the old solution in the tubing and catheter leaves at a new flow only when the lead drug or its
    // strength changes; an admixed drug's new strength reaches the tip later at the same flow (no bridge)
    const flowChanges = held.drug !== program.drug || held.concentration !== program.concentration;
    if (flowChanges && dosing) {
      if (decision === null) {
        const what = sameDrugs
          ? `The concentration changes from ${concentrationInUnit(view.concentration, drug)} to ${formatConcentration(program.concentration, drug)}`
          : `The solution changes from ${solutionText(held, view.admixed)} to ${solutionText(program, program.admixed ?? [])}`;
        findings.push({
          code: 'bridge.decisionRequired',
          severity: 'hard',
          message: `${what}: ${nanolitresToMl(
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
  // a replacement's priming is judged by what the kept or new catheter holds
  if (input.workflow !== 'replacement' || draft.bolus?.kind !== 'priming') findings.push(...bolusFindings(input));
  findings.push(...replacementFindings(input));
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

/**
 * A stop warns of each drug's withdrawal; a restart after a stop warns that tolerance falls; a drug
 * taken out of an admixture while therapy goes on is that drug's stop.
 */
function stopAndRestart(view: PumpBeliefView, program: PumpProgram) {
  const { therapy } = program;
  const findings: DraftFinding[] = [];
  const running = view.therapy.mode === 'simple' || view.therapy.mode === 'flex';
  const dosing = therapy.mode === 'simple' || therapy.mode === 'flex';
  const held = [view.drug, ...view.admixed.map((p) => p.drug)].map(drugOf);
  const lead = drugOf(view.drug);
  if (running && !dosing) {
    const what = therapy.mode === 'stopped' ? 'stops' : 'drops to its minimum flow';
    findings.push({
      code: 'therapy.stop',
      severity: 'confirm',
      message: `Therapy ${what} when the update completes: the patient gets no ${held.map((d) => d.shortName).join(' or ')} (now ${formatDose(dailyTotal(view.therapy), lead)}) until it is restarted. ${held.map((d) => d.words.withdrawal).join(' ')} Confirm, and plan how therapy is restarted or covered before the patient leaves.`,
    });
  }
  if (!running && dosing) {
    const restarted = drugOf(program.drug);
    findings.push({
      code: 'therapy.restart',
      severity: 'confirm',
      message: `Therapy restarts at ${formatDose(dailyTotal(therapy), restarted)} after a stop. After more than a day without ${restarted.shortName}, ${restarted.words.toleranceFalls} and ${restarted.words.restartRisk}. Confirm the restart dose, and watch the patient for the first day.`,
    });
  }
  if (running && dosing) {
    const kept = new Set([program.drug, ...(program.admixed ?? []).map((p) => p.drug)]);
    for (const d of held.filter((h) => !kept.has(h.id)))
      findings.push({
        code: 'admixture.drugStopped',
        severity: 'confirm',
        message: `${d.name} is no longer in the program: the patient gets none of it once the old solution has passed. ${d.words.withdrawal} Confirm, and plan how it is covered.`,
      });
  }
  return findings;
}

/** A single bolus by each of its drugs; a priming bolus by what it pushes from a full catheter; a bridge by the dose of each drug it gives. */
function bolusFindings({ view, draft }: GateInput): DraftFinding[] {
  const bolus = draft.bolus;
  if (bolus === null) return [];
  const source: PumpProgram = draft.update.program ?? programOfView(view);
  const concentration = source.concentration;
  const drug = drugOf(source.drug);
  if (bolus.kind === 'single')
    return [
      ...checkBolusDose(massInVolume(bolus.volume, concentration), drug),
      ...(source.admixed ?? []).flatMap((part) =>
        checkBolusDose(massInVolume(bolus.volume, part.concentration), drugOf(part.drug)).map((f) =>
          asAdmixed(f, part),
        ),
      ),
    ];
  // whole mcg, or a thousandth of a mg
  const amount = (pg: Picograms) => formatAmount(pg, drug, drug.doseUnit === 'mcg' ? 0 : 3);
  const path = getDeviceProfile(view.profileId).pumpTubingVolume + view.catheterVolumeEntered;
  if (bolus.volume > path)
    return [
      {
        code: bolus.kind === 'priming' ? 'bolus.primingTooLarge' : 'bolus.bridgeTooLarge',
        severity: 'hard',
        message: `A ${bolus.kind} bolus moves only what the pump tubing and catheter hold (${ml(path)}); ${ml(bolus.volume)} would push ${amount(massInVolume((bolus.volume - path) as Nanolitres, concentration))} of the reservoir's drug on into the spinal fluid. Above the library's ${amount(drug.bolusHardMax)} for one bolus.`,
      },
    ];
  const heldDrug = drugOf(view.drug);
  if (bolus.kind === 'priming') {
    const pushed = massInVolume(view.catheterVolumeEntered, view.concentration);
    return [
      {
        code: 'bolus.priming',
        severity: 'confirm',
        message: `A priming bolus moves ${ml(bolus.volume)} in ${Math.ceil(bolus.durationMs / MS_PER_MINUTE)} minutes. Give it only after an implant or catheter revision, with the catheter empty: into a catheter already full of drug it pushes about ${formatAmount(pushed, heldDrug)} into the spinal fluid at once. Confirm the catheter is empty.`,
      },
    ];
  }
  // a bridge moves the old solution in the tubing and catheter: the dose of each of its drugs at the tip, per day
  const perDay = (c: McgPerMl) =>
    bolus.durationMs === 0
      ? Number.POSITIVE_INFINITY
      : divide(massInVolume(bolus.volume, c) * MS_PER_DAY, bolus.durationMs, 'nearest');
  const parts: SolutionPart[] = [{ drug: view.drug, concentration: view.concentration }, ...view.admixed];
  return parts.flatMap((part, i) => {
    const d = drugOf(part.drug);
    const dose = perDay(part.concentration);
    if (dose <= d.hardMaxDose) return [];
    const finding: DraftFinding = {
      code: 'bolus.bridgeAboveHardLimit',
      severity: 'hard',
      message: `The bridge bolus would give the old drug at ${Number.isFinite(dose) ? formatDose(dose as PicogramsPerDay, d) : `Infinity ${d.doseUnit}/day`}, above the drug library's hard limit of ${formatDose(d.hardMaxDose, d)}.`,
    };
    return i === 0
      ? [finding]
      : [
          {
            ...finding,
            message: `${d.name}, admixed at ${formatConcentration(part.concentration, d)}: ${finding.message}`,
          },
        ];
  });
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
      ? ` At ${formatDose(dailyTotal(view.therapy), drugOf(view.drug))} that is ${days(divide((floor - threshold) * MS_PER_DAY, flow, 'floor'))} less warning before the reservoir is empty.`
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
  if (workflow !== 'refill' && workflow !== 'replacement') {
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
    const drug = drugOf(draft.update.program?.drug ?? view.drug);
    if (concentration !== injected.concentration)
      findings.push({
        code: 'refill.concentrationMismatch',
        severity: 'hard',
        message: `${formatConcentration(injected.concentration, drug)} went into the reservoir, but ${formatConcentration(concentration, drug)} would be recorded. Record the concentration that was injected.`,
      });
  }
  // the dead space's old drug mixes with a new strength: the reservoir holds neither
  const newDrug = draft.update.program?.drug ?? view.drug;
  if (recorded !== undefined && injected !== null && newDrug !== view.drug) {
    // another drug: what aspiration left of the old one stays, and dilutes the new one
    const left = leftAfterAspiration(view, refill.aspirated);
    const total = left + injected.volume;
    const [oldDrug, drug] = [drugOf(view.drug), drugOf(newDrug)];
    if (left > 0 && total > 0 && left * 100 >= total)
      findings.push({
        code: 'refill.residualMixing',
        severity: 'confirm',
        message: `${ml(left)} of ${oldDrug.shortName} ${formatConcentration(view.concentration, oldDrug)} left in the reservoir mixes with the ${drug.shortName} ${formatConcentration(injected.concentration, drug)} injected: the reservoir holds ${oldDrug.shortName} too, and ${drug.shortName} ${Math.round((left / total) * 1000) / 10} % weaker than recorded, until it is next refilled. Rinse the reservoir when the drug changes. Confirm.`,
      });
  } else if (recorded !== undefined && injected !== null && injected.concentration !== view.concentration) {
    const left = leftAfterAspiration(view, refill.aspirated);
    const heldDrug = drugOf(view.drug);
    // a tenth of a mcg/mL, or a ten-thousandth of a mg/mL
    const strength = (c: number) =>
      heldDrug.doseUnit === 'mcg'
        ? formatConcentration(c as McgPerMl, heldDrug)
        : `${Math.round(c * 10) / 10_000} ${heldDrug.doseUnit}/mL`;
    const total = left + injected.volume;
    const mixed =
      total === 0
        ? injected.concentration
        : (left * view.concentration + injected.volume * injected.concentration) / total;
    if (Math.abs(mixed - injected.concentration) * 100 >= injected.concentration)
      findings.push({
        code: 'refill.residualMixing',
        severity: 'confirm',
        message: `${ml(left)} of ${strength(view.concentration)} left in the reservoir mixes with the ${strength(injected.concentration)} injected: the reservoir holds about ${strength(Math.round(mixed * 10) / 10)}, ${Math.round(Math.abs(mixed / injected.concentration - 1) * 1000) / 10} % ${mixed > injected.concentration ? 'stronger' : 'weaker'} than recorded, until it is next refilled. Confirm.`,
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
  /** The trial's drug: baclofen unless said. */
  readonly drug?: DrugId;
}): DraftFinding[] {
  const { testDosesMcg, startMcgPerDay } = options;
  if (options.drug === 'morphine') return judgeOpioidStart(testDosesMcg, startMcgPerDay);
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

/**
 * The morphine trial's recommendation: no start without a trial dose; refused above the library's
 * hard limit; confirmed above the largest trial dose given per day (a single intrathecal dose acts
 * for 18 to 24 hours, pain-drugs.md 1.5 (2°) [P8]: the pump starts at no more than the effective
 * trial dose a day) and above the opioid-naive range (0.2 to 1 mg/day (2°) [P1]) when the trial
 * dose itself was inside it.
 */
function judgeOpioidStart(trialDosesMcg: readonly number[], startMcgPerDay: number): DraftFinding[] {
  const drug = drugOf('morphine');
  const mg = (mcg: number) => `${Math.round(mcg) / 1000} mg`;
  if (trialDosesMcg.length === 0)
    return [
      {
        code: 'recommendation.noTestDose',
        severity: 'hard',
        message: 'No trial dose has been given: a pump is recommended only after a trial dose has shown relief.',
      },
    ];
  const hard = picogramsPerDayToMcgPerDay(drug.hardMaxDose);
  if (startMcgPerDay > hard)
    return [
      {
        code: 'dose.aboveHardLimit',
        severity: 'hard',
        message: `${mg(startMcgPerDay)}/day is above the drug library's hard limit of ${mg(hard)}/day of intrathecal morphine.`,
      },
    ];
  const largest = Math.max(...trialDosesMcg);
  return startMcgPerDay > largest
    ? [
        {
          code: 'recommendation.aboveStart',
          severity: 'confirm',
          message: `${mg(startMcgPerDay)}/day is more than the largest trial dose given (${mg(largest)}), which acts for 18 to 24 hours: the pump usually starts at no more than the effective trial dose a day, and breathing can slow up to a day after each increase. Confirm it is intended.`,
        },
      ]
    : [];
}
