import { TRAINING_DIFFICULTIES, TRAINING_TOPICS } from '@itps/scenarios';
import type { LibraryFilter } from '../../authoring/exerciseLibrary.ts';
import { TOPIC_WORDS } from '../../authoring/exerciseWords.ts';

/** The library's search: words in the title, a topic, a difficulty, the retired ones too or not. */
export function LibrarySearch({
  filter,
  onChange,
}: {
  readonly filter: LibraryFilter;
  readonly onChange: (filter: LibraryFilter) => void;
}) {
  return (
    <div className="library-search">
      <label>
        Search <input type="search" value={filter.q} onChange={(e) => onChange({ ...filter, q: e.target.value })} />
      </label>
      <label>
        Topic{' '}
        <select value={filter.topic} onChange={(e) => onChange({ ...filter, topic: e.target.value })}>
          <option value="">any</option>
          {TRAINING_TOPICS.map((t) => (
            <option key={t} value={t}>
              {TOPIC_WORDS[t]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Difficulty{' '}
        <select value={filter.difficulty} onChange={(e) => onChange({ ...filter, difficulty: e.target.value })}>
          <option value="">any</option>
          {TRAINING_DIFFICULTIES.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={filter.retired}
          onChange={(e) => onChange({ ...filter, retired: e.target.checked })}
        />{' '}
        Show retired
      </label>
    </div>
  );
}
