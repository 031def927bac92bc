import { exerciseMetaOf } from '../../authoring/exerciseMetaOf.ts';
import { topicWords } from '../../authoring/exerciseWords.ts';
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
            <span>
              {t.label}
              <TemplateMeta text={t.text} />
            </span>
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

/** A template's topics and difficulty, under its name. */
function TemplateMeta({ text }: { readonly text: string }) {
  const meta = exerciseMetaOf(text);
  if (meta === null || (meta.topics.length === 0 && meta.difficulty === null)) return null;
  const words = [meta.topics.map((t) => topicWords(t)).join(', '), meta.difficulty ?? ''].filter((w) => w !== '');
  return <span className="muted template-meta">{words.join(' · ')}</span>;
}
