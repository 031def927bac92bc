import { TRAINING_TOPICS } from '@itps/scenarios';
import { getAt } from '../../authoring/draftPath.ts';
import { TOPIC_WORDS } from '../../authoring/exerciseWords.ts';
import { useDraft } from './DraftContext.tsx';
import { FieldFrame } from './FieldFrame.tsx';

/** What the exercise teaches: the topics the library is searched by (one or several), the package's own list. */
export function TopicField() {
  const { doc, set } = useDraft();
  const value = getAt(doc, 'training.topic');
  const chosen: readonly string[] = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const toggle = (topic: string) => {
    const next = chosen.includes(topic) ? chosen.filter((t) => t !== topic) : [...chosen, topic];
    set('training.topic', next.length === 0 ? undefined : next.length === 1 ? next[0] : next);
  };
  return (
    <FieldFrame path="training.topic" label="What it teaches">
      {({ id, describedBy }) => (
        <fieldset id={id} className="topics" aria-describedby={describedBy}>
          <legend className="visually-hidden">Topics</legend>
          {TRAINING_TOPICS.map((topic) => (
            <label key={topic} className="topic">
              <input type="checkbox" checked={chosen.includes(topic)} onChange={() => toggle(topic)} />{' '}
              {TOPIC_WORDS[topic]}
            </label>
          ))}
        </fieldset>
      )}
    </FieldFrame>
  );
}
