import {
  checkExerciseFields,
  type ExerciseMeta,
  exerciseMeta,
  type FieldProblem,
  fieldProblemOf,
  parseScenarioDocument,
  type ScenarioFile,
  unpassableProblems,
  utf8Bytes,
  validateScenario,
} from '@itps/scenarios';

/** The largest exercise the library keeps (UTF-8 bytes of its YAML); the shipped ones are under 4 KB. */
export const MAX_LIBRARY_YAML_BYTES = 256 * 1024;

/** An exercise's YAML checked for the library: the scenario, what lists show of it and its warnings; or its problems. */
export type LibraryCheck =
  | {
      readonly ok: true;
      readonly scenario: ScenarioFile;
      readonly meta: ExerciseMeta;
      readonly warnings: readonly FieldProblem[];
    }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

/**
 * Checks an exercise's YAML before the library keeps it, as the editor does while it is written:
 * the format's own reading and schema (limits first), the drug library's limits field by field, and
 * what makes it impossible to pass. Any error refuses it, with every problem (warnings too); a save
 * with warnings only is kept and told them.
 */
export function checkLibraryYaml(yaml: string, file = 'exercise.yaml'): LibraryCheck {
  const bytes = utf8Bytes(yaml);
  if (bytes > MAX_LIBRARY_YAML_BYTES)
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: `The exercise: expected at most ${MAX_LIBRARY_YAML_BYTES} bytes of YAML; found ${bytes} bytes.`,
          severity: 'error',
        },
      ],
    };
  const doc = parseScenarioDocument(yaml, file);
  if (!doc.ok) return { ok: false, problems: doc.problems.map((p) => fieldProblemOf(p)) };
  const fields = checkExerciseFields(doc.root);
  const parsed = validateScenario(doc.root, file);
  if (fields.some((p) => p.severity === 'error') || !parsed.ok) return { ok: false, problems: fields };
  const unpassable = unpassableProblems(parsed.scenario);
  const all = [...fields, ...unpassable];
  if (unpassable.some((p) => p.severity === 'error')) return { ok: false, problems: all };
  return { ok: true, scenario: parsed.scenario, meta: exerciseMeta(parsed.scenario), warnings: all };
}
