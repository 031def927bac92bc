import { docFromYaml } from '../../authoring/exerciseYaml.ts';
import { TRAINING_LIBRARY } from '../../library.ts';

/** The shipped exercises, read-only: "Use as template" opens a copy to change and save as your own. */
export function TemplateList({ onUse }: { readonly onUse: (doc: Record<string, unknown>) => void }) {
  return (
    <section className="panel" aria-labelledby="templates-title">
      <h2 id="templates-title">Start from a shipped exercise</h2>
      <p className="muted">These come with ITPS and stay as they are; a template opens a copy for you to change.</p>
      <ul className="template-list" data-testid="templates">
        {TRAINING_LIBRARY.map((t) => (
          <li key={t.file}>
            <span>{t.label}</span>
            <button
              type="button"
              className="secondary"
              aria-label={`Use as template: ${t.label}`}
              onClick={() => {
                const read = docFromYaml(t.text, t.file);
                if (read.ok) onUse(read.doc);
              }}
            >
              Use as template
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
