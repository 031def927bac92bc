import type { DrugId } from '../drug/drug.ts';
import { drugOf } from '../drug/drugLibrary.ts';
import type { PumpInput } from '../pump/createPumpState.ts';
import { getDeviceProfile } from '../pump/deviceProfile.ts';
import { drugsIn, type Fluid, massOf } from '../pump/fluid.ts';

/**
 * A syringe's drugs as a scenario's needle writes them, each in its own unit: the first drug as
 * `drug` and its concentration, the others as `admixture`; null when a concentration is no whole
 * mcg/mL in its drug's range.
 */
const partFields = (drug: DrugId, concentration: number): Fields =>
  drugOf(drug).doseUnit === 'mg'
    ? { drug, concentrationMgPerMl: concentration / 1000 }
    : { drug, concentrationMcgPerMl: concentration };

/** A daily dose (pg/day) in the field that fits the lead drug's unit. */
const doseField = (drug: DrugId, dose: number): Fields =>
  drugOf(drug).doseUnit === 'mg' ? { doseMgPerDay: dose / 1_000_000_000 } : { doseMcgPerDay: dose / 1_000_000 };

function solutionFields(f: Fluid): Fields | null {
  const parts: Fields[] = [];
  for (const drug of drugsIn(f.masses)) {
    const c = massOf(f, drug) / f.volume;
    const lib = drugOf(drug);
    if (!Number.isInteger(c) || c < lib.minConcentration || c > lib.maxConcentration) return null;
    parts.push(lib.doseUnit === 'mg' ? { drug, concentrationMgPerMl: c / 1000 } : { drug, concentrationMcgPerMl: c });
  }
  const [lead, ...admixture] = parts;
  if (lead === undefined) return null;
  return { ...lead, ...(admixture.length > 0 ? { admixture } : {}) };
}

import type { World } from '../sim/world.ts';
import type { ClinicianEvent, CommandResult, WorldCommand } from '../sim/worldCommand.ts';

/** A command that went through a world's door, and the world's time when it did. */
export interface RecordedCommand {
  readonly at: number;
  readonly command: WorldCommand;
}

/**
 * A world that keeps every command sent through its door, with the instant it was sent: wrap the
 * world a model-based run acts on, and turn its record into a scenario file with
 * {@link replayScenario} when the run fails.
 */
export function recordWorld(world: World): { readonly world: World; readonly commands: RecordedCommand[] } {
  const commands: RecordedCommand[] = [];
  // only commands move time, and every result says when it ended: the next command starts then
  let now = world.state().now;
  return {
    commands,
    world: {
      apply: (command: WorldCommand): CommandResult => {
        commands.push({ at: now, command });
        const result = world.apply(command);
        now = result.at;
        return result;
      },
      state: () => world.state(),
      persist: () => world.persist(),
    },
  };
}

/** An ISO 8601 duration of days, hours, minutes and seconds (to the millisecond). */
function isoDuration(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `P${days || !time ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

type Fields = { [key: string]: string | number | boolean | readonly Fields[] };
/** One YAML flow mapping; strings double-quoted (JSON strings are YAML strings), a list of mappings in brackets. */
const flow = (fields: Fields): string =>
  `{ ${Object.entries(fields)
    .map(
      ([k, v]) =>
        `${k}: ${typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? `[ ${v.map(flow).join(', ')} ]` : String(v)}`,
    )
    .join(', ')} }`;
const ml = (nl: number): number => nl / 1_000_000;
const mcg = (pg: number): number => pg / 1_000_000;
const sites = { reservoir: 'reservoir', pocket: 'pocket', catheterAccessPort: 'cap' } as const;
const faultNames = {
  occlusion: 'catheterOcclusion',
  kink: 'catheterKink',
  disconnect: 'catheterDisconnect',
  leak: 'catheterLeak',
  fracture: 'catheterLeak',
  tipMigration: 'tipMigration',
} as const;
const sessionSteps: Partial<Record<ClinicianEvent['type'], string>> = {
  'session.connect': 'connect',
  'session.disconnect': 'disconnect',
  'review.open': 'review',
  'review.back': 'back',
  'review.confirm': 'confirm',
  'workflow.cancel': 'cancel',
  'session.verify': 'verify',
  'session.retry': 'retry',
  'therapy.restart': 'restart',
};

/** What a replay needs besides the commands: the world's pump and origin, the run's seed and end. */
export interface ReplaySource {
  readonly name: string;
  readonly pump: PumpInput;
  /** The world's spasticity origin; a scenario without a patient plays a spinal one. */
  readonly origin?: string;
  /** The instant the run ended (the scenario's duration). */
  readonly endsAt: number;
  /** Requirements the scenario runner should judge after every step (`checks:`). */
  readonly checks?: readonly string[];
}

/**
 * A scenario file (format 1, YAML) that replays a run recorded with {@link recordWorld}: the same
 * pump, the world's seed as the scenario's, each command as a timeline action at the instant it was
 * sent. A command with no scenario equivalent is written as a comment saying so, where it was, so
 * the reader knows the replay differs there; so is anything of the pump the format cannot say.
 */
export function replayScenario(source: ReplaySource, recorded: readonly RecordedCommand[]): string {
  const { pump } = source;
  const profile = getDeviceProfile(pump.profileId);
  const notes: string[] = [];
  // the timeline in order: an action's fields (mutable: a fault's end is written into it later) or a comment line
  const timeline: (string | Fields)[] = [];
  const openFaults: { kind: string; fields: Fields }[] = [];
  let lastPut: Fields | null = null;
  const put = (_at: number, fields: Fields) => {
    timeline.push(fields);
    lastPut = fields;
  };
  const comment = (at: number, what: string) => {
    timeline.push(`  # at ${isoDuration(at)}: ${what}`);
  };
  let previous: RecordedCommand | null = null;
  for (const entry of recorded) {
    const { at, command } = entry;
    const last = previous;
    previous = entry;
    switch (command.type) {
      case 'time.advance':
        break;
      case 'programmer.act': {
        const e = command.event;
        const step = sessionSteps[e.type];
        if (step !== undefined) put(at, { at: isoDuration(at), action: 'session', do: step });
        else if (e.type === 'workflow.start' && e.workflow === 'doseChange')
          put(at, { at: isoDuration(at), action: 'session', do: 'doseChange' });
        else if (e.type === 'finding.confirm' || e.type === 'draft.reenter') {
          // the clinician passing the findings one by one: the format passes them all at once
          const same =
            last !== null &&
            last.at === at &&
            last.command.type === 'programmer.act' &&
            (last.command.event.type === 'finding.confirm' || last.command.event.type === 'draft.reenter');
          if (!same) put(at, { at: isoDuration(at), action: 'session', do: 'passFindings' });
        } else if (e.type === 'draft.change') {
          const { draft } = e;
          const program = draft.update.program;
          const simpleOnly =
            program !== undefined &&
            program.therapy.mode === 'simple' &&
            Object.keys(draft.update).length === 1 &&
            draft.bolus === null;
          if (simpleOnly && program.therapy.mode === 'simple')
            put(at, {
              at: isoDuration(at),
              action: 'session',
              do: 'draft',
              doseMcgPerDay: mcg(program.therapy.dose),
              concentrationMcgPerMl: program.concentration,
              ...(draft.bridgeDecision === null ? {} : { bridge: draft.bridgeDecision }),
            });
          else
            comment(
              at,
              `no scenario equivalent: a draft of ${JSON.stringify(draft.update)} (a session draft is a simple dose)`,
            );
        } else comment(at, `no scenario equivalent: the programmer event ${JSON.stringify(e)}`);
        break;
      }
      case 'link.set':
        put(at, {
          at: isoDuration(at),
          action: 'link',
          distanceCm: command.conditions.distanceCm,
          interference: command.conditions.interference,
        });
        break;
      case 'link.drop':
        put(at, {
          at: isoDuration(at),
          action: 'link',
          dropNext: command.count,
          dropAfter: command.afterDelivered ?? 0,
          lose: command.part ?? 'message',
        });
        break;
      case 'link.disturb':
        put(at, {
          at: isoDuration(at),
          action: 'link',
          disturbNext: command.count,
          disturbAfter: command.afterDelivered ?? 0,
          disturb: command.fault,
        });
        break;
      case 'fault.inject': {
        const f = command.fault;
        const base = { at: isoDuration(at), action: 'fault' };
        let fields: Fields | null = null;
        if (f.kind === 'catheter') {
          const c = f.fault;
          const kind = faultNames[c.kind];
          if (c.kind === 'occlusion') fields = { ...base, kind, blockedPercent: c.blockedPpm / 10_000 };
          else if (c.kind === 'kink')
            fields = { ...base, kind, period: isoDuration(c.periodMs), kinkedPercent: (c.kinkedMs * 100) / c.periodMs };
          else if (c.kind === 'disconnect') fields = { ...base, kind };
          else if (c.kind === 'fracture') fields = { ...base, kind, atCm: c.atVolume / profile.catheterVolumePerCm };
          else if (c.kind === 'leak')
            fields = {
              ...base,
              kind,
              atCm: c.atVolume / profile.catheterVolumePerCm,
              escapePercent: c.escapePpm / 10_000,
            };
          else fields = { ...base, kind, tip: c.tip };
        } else if (f.kind === 'motorStall') {
          if (f.recoversAt === 'drawn')
            comment(
              at,
              'no scenario equivalent: a motor stall whose recovery is drawn (the format ends a stall at `until` or never)',
            );
          else
            fields = {
              ...base,
              kind: 'motorStall',
              ...(f.recoversAt === null ? {} : { until: isoDuration(f.recoversAt) }),
            };
        } else fields = { ...base, kind: f.kind };
        if (fields !== null) {
          put(at, fields);
          if (f.kind === 'catheter') openFaults.push({ kind: String(fields.kind), fields });
        }
        break;
      }
      case 'fault.end': {
        const kind = faultNames[command.kind];
        const open = [...openFaults].reverse().find((o) => o.kind === kind && o.fields.until === undefined);
        if (open === undefined) comment(at, `the ${command.kind} ends, but the file started none: left out`);
        else {
          open.fields.until = isoDuration(at);
          const before = lastPut as Fields | null;
          if (before !== null && before !== open.fields && before.at === isoDuration(at))
            comment(
              at,
              `the ${open.kind} ends after the actions above at this instant; a scenario ends a fault before the actions of its instant, so the replay may differ here`,
            );
        }
        break;
      }
      case 'mri.scan':
        put(at, {
          at: isoDuration(at),
          action: 'mri',
          duration: isoDuration(command.scan.durationMs),
          fieldT: command.scan.fieldMilliTesla / 1000,
          ...(command.scan.recoveryDelayMs === 'drawn'
            ? {}
            : { recoveryDelay: isoDuration(command.scan.recoveryDelayMs) }),
        });
        break;
      case 'visit.needle': {
        const v = command.visit;
        const c = v.inject.volume === 0 ? 1 : massOf(v.inject, 'baclofen') / v.inject.volume;
        const others = drugsIn(v.inject.masses).filter((d) => d !== 'baclofen');
        const fields = others.length === 0 ? null : solutionFields(v.inject);
        if (others.length > 0 && fields === null)
          comment(
            at,
            `no scenario equivalent: a needle with ${drugsIn(v.inject.masses).join(' and ')} at concentrations the format cannot write (whole mcg/mL in each drug's range)`,
          );
        else if (fields !== null)
          put(at, {
            at: isoDuration(at),
            action: 'needle',
            withdrawMl: v.aspirate === 'all' ? 'all' : ml(v.aspirate),
            volumeMl: ml(v.inject.volume),
            ...fields,
            site: sites[v.site],
          });
        else if (!Number.isInteger(c) || c < 1 || c > 2000)
          comment(at, `no scenario equivalent: a needle with fluid at ${c} mcg/mL (the format takes whole mcg/mL)`);
        else
          put(at, {
            at: isoDuration(at),
            action: 'needle',
            withdrawMl: v.aspirate === 'all' ? 'all' : ml(v.aspirate),
            volumeMl: ml(v.inject.volume),
            concentrationMcgPerMl: c,
            site: sites[v.site],
          });
        break;
      }
      case 'pump.interrogate':
        put(at, { at: isoDuration(at), action: 'interrogate' });
        break;
      case 'bolus.start':
        put(at, {
          at: isoDuration(at),
          action: 'bolus',
          kind: command.bolus.kind,
          volumeMl: ml(command.bolus.volume),
          duration: isoDuration(command.bolus.durationMs),
        });
        break;
      default:
        comment(at, `no scenario equivalent: the world command ${JSON.stringify(command)}`);
    }
  }
  const t = pump.program.therapy;
  const therapy: Fields =
    t.mode === 'simple'
      ? { mode: 'simple', ...doseField(pump.program.drug, t.dose) }
      : t.mode === 'flex'
        ? { mode: 'flex' }
        : { mode: t.mode };
  const flexSteps =
    t.mode === 'flex'
      ? `, steps: [${t.steps
          .map((s) => {
            const hhmm = `${String(Math.floor(s.startMinute / 60)).padStart(2, '0')}:${String(s.startMinute % 60).padStart(2, '0')}`;
            return flow({ start: hhmm, ...doseField(pump.program.drug, s.dose) });
          })
          .join(', ')}]`
      : '';
  if (pump.actualConcentration !== undefined)
    notes.push('the reservoir really holds another concentration than the program says: not sayable in the format');
  if (source.origin !== undefined && source.origin !== 'spinal')
    notes.push(`the world's origin is ${source.origin}: a scenario without a patient plays a spinal one`);
  const tod = pump.timeOfDayAtStart;
  if (tod % 60_000 !== 0) notes.push(`t = 0 is at ${tod} ms after midnight: the format says whole minutes`);
  const startsAt = `2026-01-01T${String(Math.floor(tod / 3_600_000)).padStart(2, '0')}:${String(Math.floor(tod / 60_000) % 60).padStart(2, '0')}`;
  const pumpFields: string[] = [
    `  model: ${pump.profileId}`,
    `  accuracy: ${pump.accuracy}`,
    `  ageAtStart: ${isoDuration(pump.ageAtStart)}`,
    ...(pump.reservoirDeadSpace === undefined ? [] : [`  reservoirDeadSpaceMl: ${ml(pump.reservoirDeadSpace)}`]),
    ...(pump.pumpTubingVolume === undefined ? [] : [`  pumpTubingVolumeMl: ${ml(pump.pumpTubingVolume)}`]),
    ...(pump.patientId === undefined ? [] : [`  patientId: ${JSON.stringify(pump.patientId)}`]),
    ...(pump.patientOpioidHistory === undefined ? [] : [`  patientOpioidHistory: ${pump.patientOpioidHistory}`]),
    `  reservoir: ${flow({
      volumeMl: ml(pump.reservoirVolume),
      ...partFields(pump.program.drug, pump.program.concentration),
      ...((pump.program.admixed ?? []).length > 0
        ? { admixture: (pump.program.admixed ?? []).map((p) => partFields(p.drug, p.concentration)) }
        : {}),
    })}`,
    ...(pump.lowReservoirThreshold === undefined ? [] : [`  lowReservoirAlarmMl: ${ml(pump.lowReservoirThreshold)}`]),
    `  catheter: ${flow({
      implantedLengthCm: pump.catheterVolume / profile.catheterVolumePerCm,
      primedWith: pump.primedWith,
      ...(pump.tip === undefined ? {} : { tip: pump.tip }),
    })}`,
    `  therapy: ${flow(therapy).replace(/ }$/, `${flexSteps} }`)}`,
  ];
  const timelineLines = timeline.map((entry) => (typeof entry === 'string' ? entry : `  - ${flow(entry)}`));
  return [
    `# ${source.name}`,
    '# Replays a failing model-based run: run it with `itps run FILE` (never for clinical use).',
    ...notes.map((n) => `# Not replayed: ${n}.`),
    'format: itps-scenario/1',
    `name: ${JSON.stringify(source.name)}`,
    `seed: ${pump.seed}`,
    `duration: ${isoDuration(Math.max(1, source.endsAt))}`,
    `startsAt: ${startsAt}`,
    'pump:',
    ...pumpFields,
    ...(timelineLines.length === 0 ? ['timeline: []'] : ['timeline:', ...timelineLines]),
    ...(source.checks === undefined || source.checks.length === 0 ? [] : [`checks: [${source.checks.join(', ')}]`]),
    '',
  ].join('\n');
}
