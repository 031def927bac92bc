import { useId, useState } from 'react';
import { docFromYaml } from '../../authoring/exerciseYaml.ts';

/** Opens a scenario-format YAML file (an engineer's, or one exported before) in the editor. */
export function ImportExercise({ onImport }: { readonly onImport: (doc: Record<string, unknown>) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Import a YAML file</h2>
      <p className="muted">An exercise file exported from ITPS, or one of the scenario files an engineer wrote.</p>
      <label htmlFor={id}>Exercise file</label>{' '}
      <input
        id={id}
        type="file"
        accept=".yaml,.yml,.json"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (file === undefined) return;
          const read = docFromYaml(await file.text(), file.name);
          if (read.ok) {
            setProblem(null);
            onImport(read.doc);
          } else setProblem(read.message);
        }}
      />
      {problem === null ? null : (
        <pre role="alert" className="error import-problem">
          {problem}
        </pre>
      )}
    </section>
  );
}
