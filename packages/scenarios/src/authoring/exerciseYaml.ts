import { stringify } from 'yaml';
import { formatDuration } from '../duration.ts';
import { type ParseResult, parseScenario } from '../parseScenario.ts';
import type { ScenarioFile, ScenarioSource } from '../scenarioSchema.ts';

/**
 * Every key the format knows, in the order an exported exercise writes them: the scenario's own
 * order at the top (format, name, …, training), then an entry's instant and kind first in every
 * list. A key not listed (none today) follows in alphabetical order.
 */
const KEY_ORDER = [
  '$schema',
  'format',
  'name',
  'seed',
  'duration',
  'startsAt',
  'at',
  'action',
  'do',
  'text',
  'event',
  'never',
  'atEnd',
  'detail',
  'after',
  'before',
  'between',
  'that',
  'model',
  'patientId',
  'ageAtStart',
  'accuracy',
  'reservoirDeadSpaceMl',
  'pumpTubingVolumeMl',
  'reservoir',
  'lowReservoirAlarmMl',
  'catheter',
  'newCatheterLengthCm',
  'fill',
  'therapy',
  'priming',
  'origin',
  'variation',
  'needMcgPerDay',
  'csfHalfLifeH',
  'baselineAshworth',
  'kind',
  'mode',
  'steps',
  'start',
  'doseMcgPerDay',
  'doseMcg',
  'withdrawMl',
  'volumeMl',
  'drug',
  'concentrationMcgPerMl',
  'needle',
  'site',
  'entered',
  'bridgeBolus',
  'bridge',
  'interrupt',
  'until',
  'period',
  'blockedPercent',
  'kinkedPercent',
  'atCm',
  'escapePercent',
  'tip',
  'implantedLengthCm',
  'volumeMlPerCm',
  'primedWith',
  'fieldT',
  'recoveryDelay',
  'passFindings',
  'distanceCm',
  'interference',
  'dropNext',
  'dropAfter',
  'lose',
  'disturbNext',
  'disturbAfter',
  'disturb',
  'near',
  'within',
  'min',
  'max',
  'points',
  'pump',
  'patient',
  'timeline',
  'expect',
  'checks',
  'training',
  'visitAt',
  'phase',
  'topic',
  'difficulty',
  'brief',
  'lesson',
  'silentFault',
  'detectedBy',
  'objectives',
  'plan',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

/** Keys whose numbers are durations in a validated scenario (written back as ISO 8601 text). */
const DURATIONS = new Set([
  'at',
  'duration',
  'until',
  'period',
  'recoveryDelay',
  'visitAt',
  'ageAtStart',
  'after',
  'before',
]);
/** Keys whose values are observables' names, never durations: `that` and `atEnd` maps. */
const OBSERVABLE_MAPS = new Set(['that', 'atEnd']);

const clock = (ms: number): string => {
  const minutes = Math.round(ms / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

/** A validated value back in the file's units, keys in canonical order. */
function toSource(value: unknown, key: string | null, inside: string | null): unknown {
  if (Array.isArray(value)) {
    if (key === 'between') return value.map((v) => (typeof v === 'number' ? formatDuration(v) : v));
    return value.map((v) => toSource(v, null, key));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([k, v]) => v !== undefined && !(k === 'timeOfDayAtStart' && key === null && inside === null))
      .sort(([a], [b]) => (RANK.get(a) ?? KEY_ORDER.length) - (RANK.get(b) ?? KEY_ORDER.length) || a.localeCompare(b))
      .map(([k, v]) => [k, OBSERVABLE_MAPS.has(k) ? sortedMap(v) : toSource(v, k, inside === 'steps' ? 'step' : key)]);
    return Object.fromEntries(entries);
  }
  if (typeof value === 'number' && key !== null) {
    if (key === 'start' && inside === 'step') return clock(value);
    if (DURATIONS.has(key)) return formatDuration(value);
  }
  return value;
}

/** An observable map (`that`, `atEnd`): its keys sorted, its values as they are. */
function sortedMap(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, v !== null && typeof v === 'object' ? toSource(v, null, 'value') : v]),
  );
}

/**
 * A validated exercise back as the plain document a file holds (durations as ISO 8601 text, flex
 * starts as HH:MM), keys in canonical order: what the editor edits and {@link checkExerciseFields}
 * judges.
 */
export function exerciseDocument(scenario: ScenarioFile): ScenarioSource {
  return toSource(scenario, null, null) as ScenarioSource;
}

/**
 * An exercise as scenario-format YAML, canonical: keys in a fixed order, durations in their
 * shortest ISO 8601 form, block style, no comments (those of an imported file are not kept). The
 * same scenario always gives the same bytes, and reading them back gives the same scenario. Pure.
 */
export function exerciseToYaml(scenario: ScenarioFile): string {
  return stringify(exerciseDocument(scenario), { lineWidth: 0, minContentWidth: 0 });
}

/** Reads an exercise from scenario-format YAML (or JSON): {@link parseScenario}, problems named against `file`. */
export function exerciseFromYaml(text: string, file: string): ParseResult {
  return parseScenario(text, file);
}
