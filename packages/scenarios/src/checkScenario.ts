import {
  averageProgramRate,
  batteryLifeAtRate,
  concentrationInUnit,
  type DrugId,
  drugOf,
  formatConcentration,
  getDeviceProfile,
  type McgPerMl,
  MS_PER_DAY,
  type SolutionPart,
  validateProgram,
} from '@itps/core';
import {
  admixedParts,
  admixtureProblems,
  concentrationOfFields,
  concentrationProblems,
  enteredConcentration,
  therapyDoseProblems,
} from './drugFields.ts';
import { formatDuration } from './duration.ts';
import { type Problem, quoteShort } from './problem.ts';
import { scenarioDrugs, scenarioPainDrug, treatedForPain } from './scenarioPainPatient.ts';
import type { ScenarioFile, ScenarioTherapy } from './scenarioSchema.ts';
import { scenarioProgram, toProgram } from './toCore.ts';
import { TRAINEE_ACTION_NAMES } from './training/traineeActions.ts';
import { EVENT_NAMES, isObservable, PAIN_OBSERVABLES } from './vocabulary.ts';

/** A parsed time as the file would write it, for messages. */
const iso = (ms: number): string => formatDuration(ms);

/** A PTM bolus dose in exactly one unit field, the one that fits the lead drug (mg for morphine, mcg for the others). */
function checkPtmUnit(
  t: ScenarioTherapy,
  drug: DrugId,
  path: string,
  add: (path: string, expected: string, found: string) => void,
): boolean {
  if ((t.mode !== 'simple' && t.mode !== 'flex') || t.ptm === undefined) return true;
  const unit = drugOf(drug).doseUnit;
  const fits = unit === 'mg' ? 'bolusDoseMg' : 'bolusDoseMcg';
  const given = (['bolusDoseMcg', 'bolusDoseMg'] as const).filter((f) => t.ptm?.[f] !== undefined);
  if (given.length === 1 && given[0] === fits) return true;
  add(
    path,
    `the bolus dose as ${fits} (${drug} doses are in ${unit})`,
    given.length === 0 ? 'no bolus dose' : given.join(' and '),
  );
  return false;
}

/** The checks a schema cannot express: time order, fields an action needs, known names, programs the pump accepts. */
export function checkScenario(s: ScenarioFile, file: string): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, expected: string, found: string) => problems.push({ file, path, expected, found });
  const duration = s.duration;
  let profile = getDeviceProfile(s.pump.model);
  let catheterCm = s.pump.catheter.implantedLengthCm;
  let catheterField = 'pump.catheter.implantedLengthCm';
  const reservoir = s.pump.reservoir;
  // the drugs first: a unit field that does not fit makes every later figure meaningless
  const drugProblems = [
    ...concentrationProblems(reservoir, reservoir.drug, 'pump.reservoir'),
    ...admixtureProblems(reservoir.admixture ?? [], reservoir.drug, 'pump.reservoir.admixture'),
    ...therapyDoseProblems(s.pump.therapy, reservoir.drug, 'pump.therapy'),
  ];
  for (const p of drugProblems) add(p.path, p.expected, p.found);
  if (drugProblems.length > 0) return problems;
  const initial = scenarioProgram(s);
  // a PTM dose in the wrong field is told as such, not as the program it makes
  const ptmFits = checkPtmUnit(s.pump.therapy, s.pump.reservoir.drug, 'pump.therapy.ptm', add);
  const valid = validateProgram(initial, profile);
  if (!valid.ok && ptmFits) add('pump.therapy', 'a therapy the pump can run', valid.refusal.message);
  if (valid.ok && s.pump.ageAtStart !== undefined) {
    const life = batteryLifeAtRate(profile, averageProgramRate(initial, profile));
    if (s.pump.ageAtStart >= life) {
      add(
        'pump.ageAtStart',
        `less than the battery's life at this therapy (${Math.floor(life / MS_PER_DAY)} days, P${Math.floor(life / MS_PER_DAY)}D)`,
        iso(s.pump.ageAtStart),
      );
    }
  }
  if (s.pump.reservoir.volumeMl * 1_000_000 > profile.capacity) {
    add(
      'pump.reservoir.volumeMl',
      `at most ${profile.capacity / 1_000_000} mL (the ${s.pump.model} reservoir)`,
      String(s.pump.reservoir.volumeMl),
    );
  }
  // the patient model is chosen by drug: a patient treated for pain needs a pain drug in the pump
  if (treatedForPain(s) && scenarioPainDrug(s) === null)
    add(
      'patient.condition',
      'a pain drug (morphine or ziconotide) in pump.reservoir for a patient treated for pain',
      scenarioDrugs(s).join(', '),
    );
  let previous = 0;
  // the program as the clinician leaves it after each refill: its lead drug, concentration and admixture
  let lead: DrugId = reservoir.drug;
  let concentration = initial.concentration as number;
  let admixed: readonly SolutionPart[] = initial.admixed ?? [];
  (s.timeline ?? []).forEach((a, i) => {
    const path = `timeline[${i}]`;
    const t = a.at;
    const before = s.timeline?.[i - 1]?.at;
    if (t < previous)
      add(`${path}.at`, `a time at or after the previous action (${before === undefined ? '' : iso(before)})`, iso(t));
    if (t > duration) add(`${path}.at`, `a time within the scenario's duration (${iso(s.duration)})`, iso(t));
    previous = Math.max(previous, t);
    switch (a.action) {
      case 'refill': {
        const drug = a.drug ?? lead;
        const found = [
          ...concentrationProblems(a, drug, path),
          ...admixtureProblems(a.admixture ?? [], drug, `${path}.admixture`),
          ...(a.entered === undefined ||
          (a.entered.concentrationMcgPerMl === undefined && a.entered.concentrationMgPerMl === undefined)
            ? []
            : concentrationProblems(a.entered, drug, `${path}.entered`)),
          ...admixtureProblems(a.entered?.admixture ?? [], drug, `${path}.entered.admixture`),
        ];
        for (const p of found) add(p.path, p.expected, p.found);
        if (found.length > 0) break;
        const entered = enteredConcentration(a);
        if ((entered !== concentration || drug !== lead) && a.bridgeBolus === undefined) {
          const lib = drugOf(drug);
          add(
            `${path}.bridgeBolus`,
            drug === lead
              ? `true or false: the concentration changes from ${concentrationInUnit(concentration as McgPerMl, lib)} to ${formatConcentration(entered, lib)}`
              : `true or false: the drug changes from ${lead} to ${drug}`,
            'nothing',
          );
        }
        lead = drug;
        concentration = entered;
        admixed = admixedParts(a.entered?.admixture ?? a.admixture);
        break;
      }
      case 'program': {
        const found = therapyDoseProblems(a.therapy, lead, `${path}.therapy`);
        for (const p of found) add(p.path, p.expected, p.found);
        if (found.length > 0) break;
        const fits = checkPtmUnit(a.therapy, lead, `${path}.therapy.ptm`, add);
        const result = validateProgram(toProgram(a.therapy, concentration, lead, admixed), profile);
        if (!result.ok && fits) add(`${path}.therapy`, 'a therapy the pump can run', result.refusal.message);
        break;
      }
      case 'needle': {
        const drug = a.drug ?? lead;
        const found = [
          ...concentrationProblems(a, drug, path),
          ...admixtureProblems(a.admixture ?? [], drug, `${path}.admixture`),
        ];
        for (const p of found) add(p.path, p.expected, p.found);
        break;
      }
      case 'bolus': {
        // a bolus dose in the lead drug's unit: doseMg for morphine, doseMcg for the others
        const fits = drugOf(lead).doseUnit === 'mg' ? 'doseMg' : 'doseMcg';
        const other = fits === 'doseMg' ? 'doseMcg' : 'doseMg';
        if (a[other] !== undefined)
          add(`${path}.${other}`, `${fits} for a program led by ${lead}, not ${other}`, `${other}: ${a[other]}`);
        else if (a.kind !== 'priming' && (a[fits] === undefined) === (a.volumeMl === undefined)) {
          add(path, `exactly one of ${fits} and volumeMl`, a[fits] === undefined ? 'neither' : 'both');
        }
        if (a.kind !== 'priming' && a.duration === undefined)
          add(`${path}.duration`, 'how long the bolus takes', 'nothing');
        break;
      }
      case 'fault':
        if (a.kind === 'catheterLeak' && a.atCm === undefined)
          add(`${path}.atCm`, 'where the leak is, in cm from the pump', 'nothing');
        // a place past the tip is on no catheter: refused, never moved to the tip in silence
        if (a.kind === 'catheterLeak' && a.atCm !== undefined && a.atCm > catheterCm)
          add(
            `${path}.atCm`,
            `a place along the ${catheterCm} cm catheter (${catheterField}): 0 to ${catheterCm} cm from the pump`,
            `${a.atCm} cm, past its tip`,
          );
        if (a.kind === 'tipMigration' && a.tip === undefined)
          add(`${path}.tip`, 'where the tip moves (subdural, epidural, subcutaneous)', 'nothing');
        if (a.kind === 'catheterKink' && (a.period === undefined || a.kinkedPercent === undefined)) {
          add(path, 'period and kinkedPercent for an intermittent kink', 'one of them missing');
        }
        if (a.until !== undefined && a.until < t)
          add(`${path}.until`, `a time after the fault starts (${iso(a.at)})`, iso(a.until));
        if (a.until !== undefined && (a.kind === 'lowBatteryReset' || a.kind === 'memoryError')) {
          add(`${path}.until`, `nothing: a ${a.kind} does not end by itself`, iso(a.until));
        }
        break;
      case 'replace': {
        profile = getDeviceProfile(a.model);
        if (a.catheter === 'new' && (a.newCatheterLengthCm === undefined || a.newCatheterLengthCm <= 0))
          add(
            `${path}.newCatheterLengthCm`,
            "the new catheter's implanted length in cm (above 0)",
            String(a.newCatheterLengthCm ?? 'nothing'),
          );
        if (a.catheter === 'kept' && a.newCatheterLengthCm !== undefined)
          add(`${path}.newCatheterLengthCm`, 'nothing: the catheter is kept', String(a.newCatheterLengthCm));
        if (a.catheter === 'new' && a.newCatheterLengthCm !== undefined) {
          catheterCm = a.newCatheterLengthCm;
          catheterField = `${path}.newCatheterLengthCm`;
        }
        if (a.fill.volumeMl * 1_000_000 > profile.capacity)
          add(
            `${path}.fill.volumeMl`,
            `at most ${profile.capacity / 1_000_000} mL (the ${a.model} reservoir)`,
            String(a.fill.volumeMl),
          );
        if (a.therapy !== undefined) {
          const result = validateProgram(toProgram(a.therapy, a.fill.concentrationMcgPerMl), profile);
          if (!result.ok) add(`${path}.therapy`, 'a therapy the new pump can run', result.refusal.message);
        }
        concentration = a.fill.concentrationMcgPerMl;
        break;
      }
      case 'session':
        if ((a.do === 'draft' || a.do === 'edit') && a.doseMcgPerDay === undefined)
          add(`${path}.doseMcgPerDay`, `the new daily dose for a session ${a.do}`, 'nothing');
        break;
      default:
        break;
    }
  });
  (s.expect ?? []).forEach((e, i) => {
    const path = `expect[${i}]`;
    if ('that' in e) {
      if (e.at > duration) add(`${path}.at`, `a time within the scenario's duration (${iso(s.duration)})`, iso(e.at));
      // an empty `that` would hold whatever happened: an expectation that checks nothing is refused
      if (Object.keys(e.that).length === 0) add(`${path}.that`, 'at least one observable to check', '{} (nothing)');
      for (const [key, value] of Object.entries(e.that)) {
        if (!isObservable(key))
          add(
            `${path}.that.${quoteShort(key).slice(1, -1)}`,
            'an observable of the format (pump.*, alarm.<name>, truth.*, patient.*)',
            quoteShort(key),
          );
        else if (typeof value === 'object' && 'min' in value && value.min > value.max)
          add(`${path}.that.${key}`, 'a range whose min is not above its max', JSON.stringify(value));
        else if (key.startsWith('patient.') && s.patient === undefined) {
          add(`${path}.that.${key}`, 'a patient (patient.origin) for a patient.* observable', 'no patient');
        } else if (PAIN_OBSERVABLES.includes(key) && !treatedForPain(s)) {
          add(
            `${path}.that.${key}`,
            'a patient treated for pain (patient.condition: pain) for this observable',
            'none',
          );
        } else if (key.startsWith('alarm.') && value !== 'active' && value !== 'inactive') {
          add(`${path}.that.${key}`, '"active" or "inactive"', JSON.stringify(value));
        }
      }
    } else {
      if (!EVENT_NAMES.includes(e.event))
        add(`${path}.event`, 'an event name of the format (docs/scenarios.md)', JSON.stringify(e.event));
      if ('between' in e && e.between[0] > e.between[1]) {
        add(`${path}.between`, 'a window whose start is not after its end', JSON.stringify(e.between.map(iso)));
      }
    }
  });
  const training = s.training;
  if (training !== undefined) {
    const known = [...EVENT_NAMES, ...TRAINEE_ACTION_NAMES];
    training.objectives.forEach((o, i) => {
      const path = `training.objectives[${i}]`;
      if ('event' in o && !known.includes(o.event))
        add(`${path}.event`, 'an event or trainee action name (docs/training.md)', JSON.stringify(o.event));
      if ('never' in o && !known.includes(o.never))
        add(`${path}.never`, 'an event or trainee action name (docs/training.md)', JSON.stringify(o.never));
      if ('atEnd' in o)
        for (const key of Object.keys(o.atEnd))
          if (!isObservable(key))
            add(
              `${path}.atEnd.${key}`,
              'an observable of the format (pump.*, alarm.<name>, truth.*, patient.*)',
              JSON.stringify(key),
            );
    });
    if (training.silentFault !== undefined && !TRAINEE_ACTION_NAMES.includes(training.silentFault.detectedBy))
      add(
        'training.silentFault.detectedBy',
        'a clinical action (docs/training.md)',
        JSON.stringify(training.silentFault.detectedBy),
      );
    if (s.patient === undefined) add('patient', 'a patient for a training scenario', 'none');
    checkPlan(s, add);
  }
  return problems;
}

/** Plan steps a screening trial offers (no pump is implanted yet) and those only it offers. */
const SCREENING_ONLY = ['clinical.testDose', 'clinical.recommendImplant', 'clinical.notCandidate'];
const PUMP_STEPS = [
  'interrogate',
  'restart',
  'program',
  'refill',
  'bolus',
  'setLowReservoirAlarm',
  'replace',
  'connectCatheter',
];
/** Plan steps only a replacement in theatre offers (the bedside offers the surgeon's steps there alone). */
const THEATRE_ONLY = ['replace', 'connectCatheter'];

/** The right plan: in time order, from the visit to the end, each step one the trainee can take in this phase. */
function checkPlan(s: ScenarioFile, add: (path: string, expected: string, found: string) => void): void {
  const training = s.training;
  if (training?.plan === undefined) return;
  let profile = getDeviceProfile(s.pump.model);
  const visit = training.visitAt ?? 0;
  const screening = training.phase === 'screening';
  let previous = visit;
  // the plan's steps speak of the pump's lead drug (a refill's strength in that drug's unit field)
  const { drug, admixture } = s.pump.reservoir;
  let concentration: number = concentrationOfFields(s.pump.reservoir) ?? 0;
  // the strength the pump was told at the refills before the visit (a colleague's, typed wrong or not)
  for (const a of s.timeline ?? [])
    if (a.at <= visit && a.action === 'refill' && (a.drug ?? drug) === drug)
      concentration = concentrationOfFields(a.entered ?? {}) ?? concentrationOfFields(a) ?? concentration;
  training.plan.forEach((step, i) => {
    const path = `training.plan[${i}]`;
    if (step.at < visit)
      add(
        `${path}.at`,
        `a time at or after the visit (training.visitAt, ${iso(visit)}): the trainee starts there`,
        iso(step.at),
      );
    else if (step.at < previous)
      add(`${path}.at`, `a time at or after the previous step (${iso(previous)})`, iso(step.at));
    if (step.at > s.duration)
      add(`${path}.at`, `a time within the scenario's duration (${iso(s.duration)})`, iso(step.at));
    previous = Math.max(previous, step.at);
    if (screening && PUMP_STEPS.includes(step.do))
      add(`${path}.do`, 'a step of the screening trial (no pump is implanted yet)', JSON.stringify(step.do));
    if (!screening && SCREENING_ONLY.includes(step.do))
      add(
        `${path}.do`,
        'a step with an implanted pump (test doses and the decision belong to phase: screening)',
        JSON.stringify(step.do),
      );
    if (!screening && training.phase !== 'theatre' && THEATRE_ONLY.includes(step.do))
      add(
        `${path}.do`,
        'a step the trainee can take outside theatre (the surgeon replaces the pump in phase: theatre)',
        JSON.stringify(step.do),
      );
    switch (step.do) {
      case 'replace': {
        profile = getDeviceProfile(step.model);
        if (step.catheter === 'new' && (step.newCatheterLengthCm === undefined || step.newCatheterLengthCm <= 0))
          add(
            `${path}.newCatheterLengthCm`,
            "the new catheter's implanted length in cm (above 0)",
            String(step.newCatheterLengthCm ?? 'nothing'),
          );
        if (step.catheter === 'kept' && step.newCatheterLengthCm !== undefined)
          add(`${path}.newCatheterLengthCm`, 'nothing: the catheter is kept', String(step.newCatheterLengthCm));
        if (step.fill.volumeMl * 1_000_000 > profile.capacity)
          add(
            `${path}.fill.volumeMl`,
            `at most ${profile.capacity / 1_000_000} mL (the ${step.model} reservoir)`,
            String(step.fill.volumeMl),
          );
        concentration = step.fill.concentrationMcgPerMl;
        break;
      }
      case 'program': {
        const result = validateProgram(toProgram(step.therapy, concentration, drug, admixedParts(admixture)), profile);
        if (!result.ok) add(`${path}.therapy`, 'a therapy the pump can run', result.refusal.message);
        break;
      }
      case 'refill': {
        // the syringe's strength, and what is typed, in the unit field that fits the pump's drug; an
        // admixture in the syringe, and as entered, each drug in its own unit field
        const found = [
          ...concentrationProblems(step, drug, path),
          ...(step.entered === undefined ||
          (step.entered.concentrationMcgPerMl === undefined && step.entered.concentrationMgPerMl === undefined)
            ? []
            : concentrationProblems(step.entered, drug, `${path}.entered`)),
          ...admixtureProblems(step.admixture ?? [], drug, `${path}.admixture`),
          ...admixtureProblems(step.entered?.admixture ?? [], drug, `${path}.entered.admixture`),
        ];
        for (const p of found) add(p.path, p.expected, p.found);
        if (found.length > 0) break;
        const entered = enteredConcentration(step);
        if (entered !== concentration && step.bridgeBolus === undefined) {
          const lib = drugOf(drug);
          add(
            `${path}.bridgeBolus`,
            `true or false: the concentration changes from ${concentrationInUnit(concentration as McgPerMl, lib)} to ${formatConcentration(entered, lib)}`,
            'nothing',
          );
        }
        concentration = entered;
        break;
      }
      case 'bolus':
        if (step.kind !== 'priming' && (step.doseMcg === undefined) === (step.volumeMl === undefined))
          add(path, 'exactly one of doseMcg and volumeMl', step.doseMcg === undefined ? 'neither' : 'both');
        if (step.kind !== 'priming' && step.duration === undefined)
          add(`${path}.duration`, 'how long the bolus takes', 'nothing');
        break;
      default:
        break;
    }
  });
}
