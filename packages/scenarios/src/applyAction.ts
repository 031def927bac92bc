import {
  amountFromUnit,
  type ClinicianEvent,
  type CommandResult,
  divide,
  drugOf,
  EMPTY_DRAFT,
  fluidAt,
  fluidOf,
  getDeviceProfile,
  type InjectionSite,
  implantedCatheterVolume,
  type McgPerMl,
  MS_PER_DAY,
  mcgToPicograms,
  mlToNanolitres,
  type Nanolitres,
  nanolitresToMl,
  planBridgeBolus,
  primingVolume,
  programmedDoseAt,
  programmerView,
  type Refusal,
  type SolutionPart,
  timeOfDayAt,
  type World,
  type WorldCommand,
} from '@itps/core';
import { admixedParts, concentrationOfFields, enteredConcentration, solutionOfFields } from './drugFields.ts';
import type { ScenarioAction } from './scenarioSchema.ts';
import { toProgram } from './toCore.ts';

/** Whether two admixtures hold the same drugs at the same concentrations, in the same order. */
const sameParts = (a: readonly SolutionPart[], b: readonly SolutionPart[]): boolean =>
  a.length === b.length && a.every((p, i) => p.drug === b[i]?.drug && p.concentration === b[i]?.concentration);

type FaultAction = Extract<ScenarioAction, { action: 'fault' }>;

/** What an action needs of a world: its door and its state (a training session offers the same). */
export type Door = Pick<World, 'apply' | 'state'>;

/** The command that ends a fault at its `until`, for faults that end. */
export function faultEnd(a: FaultAction): WorldCommand | null {
  switch (a.kind) {
    case 'catheterOcclusion':
      return { type: 'fault.end', kind: 'occlusion' };
    case 'catheterKink':
      return { type: 'fault.end', kind: 'kink' };
    case 'catheterDisconnect':
      return { type: 'fault.end', kind: 'disconnect' };
    case 'catheterLeak':
      return { type: 'fault.end', kind: (a.escapePercent ?? 100) >= 100 ? 'fracture' : 'leak' };
    case 'tipMigration':
      return { type: 'fault.end', kind: 'tipMigration' };
    default:
      return null;
  }
}

const refusalOf = (result: CommandResult): Refusal | null => (result.ok ? null : result.refusal);

const siteOf = (needle: 'reservoir' | 'pocket' | 'cap'): InjectionSite =>
  needle === 'cap' ? 'catheterAccessPort' : needle;

/** What one refill visit found and left: the answer to "what did the refill find?". */
export interface RefillFinding {
  readonly at: number;
  /** What the pump calculated was in the reservoir before the visit. */
  readonly calculatedMl: number;
  /** What aspiration should bring back: the calculated volume less this pump's dead space. */
  readonly expectedMl: number;
  /** What the syringe drew out. */
  readonly aspiratedMl: number;
  /** Aspirated minus expected: negative when less came out than the pump believed was there. */
  readonly discrepancyMl: number;
  readonly injectedMl: number;
  readonly concentrationMcgPerMl: number;
  readonly needle: 'reservoir' | 'pocket' | 'cap';
  /** The reservoir volume the pump believes after the visit. */
  readonly recordedMl: number;
}

/**
 * Performs one timeline action through the world's door, whole; returns why it was refused
 * (nothing applied), or null. `confirmed` collects the programs confirmed on this programmer's
 * finish screen (REQ-SES-01); `found` hears what a refill visit found.
 */
export function perform(
  world: Door,
  a: ScenarioAction,
  catheterPerCm: Nanolitres,
  confirmed?: Set<string>,
  found?: (refill: RefillFinding) => void,
): Refusal | null {
  const pump = world.state().pump;
  const profile = getDeviceProfile(pump.profileId);
  switch (a.action) {
    case 'refill': {
      // the syringe holds the drug named (the program's lead drug unless said) and its admixture;
      // the clinician enters what is there unless `entered` says otherwise
      const drug = a.drug ?? pump.program.drug;
      const entered = enteredConcentration(a);
      const admixed = admixedParts(a.entered?.admixture ?? a.admixture);
      const leadChanges = drug !== pump.program.drug || entered !== pump.program.concentration;
      const changes = leadChanges || !sameParts(admixed, pump.program.admixed ?? []);
      const { admixed: _was, ...kept } = pump.program;
      const refilled = world.apply({
        type: 'visit.refill',
        visit: {
          aspirate: a.withdrawMl === undefined || a.withdrawMl === 'all' ? 'all' : mlToNanolitres(a.withdrawMl),
          inject: fluidOf(mlToNanolitres(a.volumeMl), solutionOfFields(drug, a, a.admixture)),
          site: siteOf(a.needle ?? 'reservoir'),
          ...(a.entered === undefined ? {} : { record: mlToNanolitres(a.entered.volumeMl) }),
          ...(changes
            ? { program: { ...kept, drug, concentration: entered, ...(admixed.length > 0 ? { admixed } : {}) } }
            : {}),
        },
      });
      if (refilled.ok && found !== undefined) {
        const calculated = pump.belief.calculatedReservoir;
        const expected = nanolitresToMl(Math.max(0, calculated - pump.reservoirDeadSpace) as Nanolitres);
        const aspirated = nanolitresToMl((refilled.withdrawn?.volume ?? 0) as Nanolitres);
        found({
          at: pump.now,
          calculatedMl: nanolitresToMl(calculated),
          expectedMl: expected,
          aspiratedMl: aspirated,
          discrepancyMl: Math.round((aspirated - expected) * 1e6) / 1e6,
          injectedMl: a.volumeMl,
          concentrationMcgPerMl: concentrationOfFields(a) ?? 0,
          needle: a.needle ?? 'reservoir',
          recordedMl: nanolitresToMl(world.state().pump.belief.calculatedReservoir),
        });
      }
      if (!refilled.ok || !leadChanges || a.bridgeBolus !== true) return refusalOf(refilled);
      // the bridge bolus pushes the old drug still in the tubing and catheter at the old dose
      const plan = planBridgeBolus({
        deadVolume: (profile.pumpTubingVolume + pump.catheterVolumeEntered) as Nanolitres,
        dose: programmedDoseAt(pump.program, timeOfDayAt(pump.now, pump.timeOfDayAtStart)),
        oldConcentration: pump.program.concentration,
      });
      if (!plan.ok) return plan.refusal;
      return refusalOf(world.apply({ type: 'bolus.start', bolus: plan.value }));
    }
    case 'program':
      return refusalOf(
        world.apply({
          type: 'pump.update',
          update: {
            program: toProgram(a.therapy, pump.program.concentration, pump.program.drug, pump.program.admixed ?? []),
          },
          interrupt: a.interrupt ?? 'none',
        }),
      );
    case 'bolus': {
      const volume =
        a.kind === 'priming' && a.doseMcg === undefined && a.doseMg === undefined && a.volumeMl === undefined
          ? primingVolume(profile.pumpTubingVolume, pump.catheterVolumeEntered)
          : a.volumeMl !== undefined
            ? mlToNanolitres(a.volumeMl)
            : (divide(
                a.doseMg !== undefined ? amountFromUnit(a.doseMg, drugOf('morphine')) : mcgToPicograms(a.doseMcg ?? 0),
                pump.program.concentration,
                'nearest',
              ) as Nanolitres);
      const durationMs = a.duration ?? divide(volume * MS_PER_DAY, profile.maxRate, 'ceil');
      return refusalOf(world.apply({ type: 'bolus.start', bolus: { kind: a.kind, volume, durationMs } }));
    }
    case 'ptm.press':
      // given or refused, the press is the pump's to log: never a refusal of the scenario's action
      return refusalOf(world.apply({ type: 'ptm.press' }));
    case 'setLowReservoirAlarm':
      return refusalOf(
        world.apply({ type: 'pump.update', update: { lowReservoirThreshold: mlToNanolitres(a.volumeMl) } }),
      );
    case 'fault':
      return refusalOf(world.apply(faultCommand(world, a, catheterPerCm)));
    case 'mri':
      return refusalOf(
        world.apply({
          type: 'mri.scan',
          scan: {
            durationMs: a.duration,
            fieldMilliTesla: Math.round(a.fieldT * 1000),
            recoveryDelayMs: a.recoveryDelay ?? 'drawn',
          },
        }),
      );
    case 'interrogate':
      return refusalOf(world.apply({ type: 'pump.interrogate' }));
    case 'session':
      for (const event of sessionEvents(world, a)) {
        const before = programmerView(world.state());
        const next = before.draft.update.program;
        if (event.type === 'review.confirm' && before.session === 'finish' && next !== undefined)
          confirmed?.add(JSON.stringify(next));
        // a step the programmer does not offer now is the scenario's to judge (expectations, REQ-SES): not a refusal
        world.apply({ type: 'programmer.act', event });
      }
      return null;
    case 'link': {
      if (a.distanceCm !== undefined || a.interference !== undefined) {
        const now = world.state().link.conditions;
        world.apply({
          type: 'link.set',
          conditions: { distanceCm: a.distanceCm ?? now.distanceCm, interference: a.interference ?? now.interference },
        });
      }
      if (a.dropNext !== undefined)
        world.apply({
          type: 'link.drop',
          count: a.dropNext,
          afterDelivered: a.dropAfter ?? 0,
          part: a.lose ?? 'message',
        });
      if (a.disturbNext !== undefined)
        world.apply({
          type: 'link.disturb',
          count: a.disturbNext,
          afterDelivered: a.disturbAfter ?? 0,
          fault: a.disturb ?? 'late',
        });
      return null;
    }
    case 'replace': {
      // the new pump, filled and programmed on the table; its tubing primed there, or primed with the
      // catheter once connected (the right thing with a new catheter, an error with a kept one)
      const keep = a.catheter === 'kept';
      const next = getDeviceProfile(a.model);
      const newCatheterVolume = keep ? null : implantedCatheterVolume(a.newCatheterLengthCm ?? 0, catheterPerCm);
      const catheterEntered = newCatheterVolume ?? pump.catheterVolumeEntered;
      const priming = a.priming ?? (keep ? 'tubing' : 'tubingAndCatheter');
      const concentration = a.fill.concentrationMcgPerMl as McgPerMl;
      const program =
        a.therapy === undefined
          ? { ...pump.program, concentration }
          : toProgram(a.therapy, concentration, pump.program.drug, pump.program.admixed ?? []);
      const replaced = world.apply({
        type: 'pump.replace',
        replacement: {
          profileId: a.model,
          catheter: a.catheter,
          ...(newCatheterVolume === null ? {} : { newCatheterVolume }),
          prepared: {
            // the new pump is filled with the program's lead drug (the replace action's fill is in mcg/mL)
            fill: fluidAt(mlToNanolitres(a.fill.volumeMl), concentration, pump.program.drug),
            program,
            catheterVolumeEntered: catheterEntered,
            tubingPrimed: priming === 'tubing',
          },
        },
      });
      if (!replaced.ok || priming !== 'tubingAndCatheter') return refusalOf(replaced);
      const volume = primingVolume(next.pumpTubingVolume, catheterEntered);
      const durationMs = divide(volume * MS_PER_DAY, next.maxRate, 'ceil');
      return refusalOf(world.apply({ type: 'bolus.start', bolus: { kind: 'priming', volume, durationMs } }));
    }
    case 'needle':
      return refusalOf(
        world.apply({
          type: 'visit.needle',
          visit: {
            aspirate: a.withdrawMl === undefined || a.withdrawMl === 'all' ? 'all' : mlToNanolitres(a.withdrawMl),
            site: siteOf(a.site),
            inject: fluidOf(mlToNanolitres(a.volumeMl), solutionOfFields(a.drug ?? pump.program.drug, a, a.admixture)),
          },
        }),
      );
  }
}

/** The clinician's events on the programmer for one `session` action (an `edit` is a whole change). */
function sessionEvents(world: Door, a: Extract<ScenarioAction, { action: 'session' }>): ClinicianEvent[] {
  const draft = (): ClinicianEvent => {
    const now = world.state().pump.program;
    const concentration = (a.concentrationMcgPerMl ?? now.concentration) as McgPerMl;
    const program = toProgram(
      { mode: 'simple', doseMcgPerDay: a.doseMcgPerDay ?? 0 },
      concentration,
      now.drug,
      now.admixed ?? [],
    );
    return { type: 'draft.change', draft: { ...EMPTY_DRAFT, update: { program }, bridgeDecision: a.bridge ?? null } };
  };
  const pass = (): ClinicianEvent[] => {
    const { findings, draft: current } = programmerView(world.state());
    return [
      ...findings
        .filter((f) => f.severity === 'confirm')
        .map((f): ClinicianEvent => ({ type: 'finding.confirm', code: f.code })),
      ...(findings.some((f) => f.severity === 'reenter') ? [{ type: 'draft.reenter', draft: current } as const] : []),
    ];
  };
  const act = (event: ClinicianEvent) => world.apply({ type: 'programmer.act', event });
  switch (a.do) {
    case 'connect':
      return [{ type: 'session.connect' }];
    case 'disconnect':
      return [{ type: 'session.disconnect' }];
    case 'doseChange':
      return [{ type: 'workflow.start', workflow: 'doseChange' }];
    case 'draft':
      return [draft()];
    case 'passFindings':
      return pass();
    case 'review':
      return [{ type: 'review.open' }];
    case 'back':
      return [{ type: 'review.back' }];
    case 'confirm':
      return [{ type: 'review.confirm' }];
    case 'cancel':
      return [{ type: 'workflow.cancel' }];
    case 'verify':
      return [{ type: 'session.verify' }];
    case 'retry':
      // sending again goes back through the finish screen: the findings the clinician answered
      // before are answered again, so a format-1 `retry` still means "send it again"
      act({ type: 'session.retry' });
      for (const event of pass()) act(event);
      act({ type: 'review.open' });
      return [{ type: 'review.confirm' }];
    case 'restart':
      return [{ type: 'therapy.restart' }];
    case 'edit': {
      // each step acts before the next is worked out: the findings to pass are the draft's own
      act({ type: 'session.connect' });
      act({ type: 'workflow.start', workflow: 'doseChange' });
      act(draft());
      if (a.passFindings === true) for (const event of pass()) act(event);
      act({ type: 'review.open' });
      return [{ type: 'review.confirm' }];
    }
  }
}

function faultCommand(world: Door, a: FaultAction, catheterPerCm: Nanolitres): WorldCommand {
  const pump = world.state().pump;
  const catheter = (fault: Extract<WorldCommand, { type: 'fault.inject' }>['fault'] & { kind: 'catheter' }) =>
    ({ type: 'fault.inject', fault }) as const;
  switch (a.kind) {
    case 'catheterOcclusion':
      return catheter({
        kind: 'catheter',
        fault: { kind: 'occlusion', blockedPpm: Math.round((a.blockedPercent ?? 100) * 10_000) },
      });
    case 'catheterKink': {
      const periodMs = a.period ?? 6 * 3_600_000;
      return catheter({
        kind: 'catheter',
        fault: { kind: 'kink', periodMs, kinkedMs: Math.round((periodMs * (a.kinkedPercent ?? 50)) / 100) },
      });
    }
    case 'catheterDisconnect':
      return catheter({ kind: 'catheter', fault: { kind: 'disconnect' } });
    case 'catheterLeak': {
      const atVolume = Math.min(
        implantedCatheterVolume(a.atCm ?? 0, catheterPerCm),
        pump.catheterVolumeEntered,
      ) as Nanolitres;
      const escaping = a.escapePercent ?? 100;
      return catheter({
        kind: 'catheter',
        fault:
          escaping >= 100
            ? { kind: 'fracture', atVolume }
            : { kind: 'leak', atVolume, escapePpm: Math.round(escaping * 10_000) },
      });
    }
    case 'tipMigration':
      return catheter({ kind: 'catheter', fault: { kind: 'tipMigration', tip: a.tip ?? 'subdural' } });
    case 'motorStall':
      return { type: 'fault.inject', fault: { kind: 'motorStall', recoversAt: a.until ?? null } };
    case 'lowBatteryReset':
      return { type: 'fault.inject', fault: { kind: 'lowBatteryReset' } };
    case 'memoryError':
      return { type: 'fault.inject', fault: { kind: 'memoryError' } };
  }
}
