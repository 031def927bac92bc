import { exerciseDocument, exerciseFromYaml, exerciseToYaml, formatProblem, validateScenario } from '@itps/scenarios';
import { orderedTimeline } from './orderedTimeline.ts';

/** A YAML file read into the editor's plain document (canonical, durations as text), or why it cannot be. */
export function docFromYaml(
  text: string,
  file: string,
): { readonly ok: true; readonly doc: Record<string, unknown> } | { readonly ok: false; readonly message: string } {
  const parsed = exerciseFromYaml(text, file);
  if (!parsed.ok) return { ok: false, message: parsed.problems.slice(0, 5).map(formatProblem).join('\n') };
  return { ok: true, doc: exerciseDocument(parsed.scenario) as Record<string, unknown> };
}

/** The exercise being edited as its YAML file (the timeline in time order), or null while it is not valid. */
export function yamlOfDoc(doc: Readonly<Record<string, unknown>>): string | null {
  const parsed = validateScenario(orderedTimeline(doc).doc, 'exercise');
  return parsed.ok ? exerciseToYaml(parsed.scenario) : null;
}

/** A file name for an exercise's YAML: its title in lower case words. */
export function yamlFileName(doc: Readonly<Record<string, unknown>>): string {
  const name = typeof doc.name === 'string' ? doc.name.replace(/^Training:\s*/i, '') : 'exercise';
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || 'exercise'}.scenario.yaml`;
}
