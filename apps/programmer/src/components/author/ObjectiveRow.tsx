import { getAt } from '../../authoring/draftPath.ts';
import { NEVER_WORDS, OBJECTIVE_EVENT_WORDS } from '../../authoring/exerciseWords.ts';
import { whenWords } from '../../format/exerciseTime.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { useDraft } from './DraftContext.tsx';
import { NumberField } from './NumberField.tsx';
import { TextField } from './TextField.tsx';
import { WhenField } from './WhenField.tsx';

const wordsOf = (list: readonly (readonly [string, string])[], name: unknown) =>
  list.find(([n]) => n === name)?.[1] ?? String(name);

/** The objective as one sentence: what, by when, for how many points. */
function sentence(o: Record<string, unknown>, timeOfDayAtStart: number): string {
  const points = `${typeof o.points === 'number' ? o.points : 10} points`;
  if (o.never !== undefined) return `Never: ${wordsOf(NEVER_WORDS, o.never).toLowerCase()}. ${points}.`;
  if (o.atEnd !== undefined)
    return `At the end: ${Object.entries(o.atEnd as Record<string, unknown>)
      .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
      .join(', ')}. ${points}.`;
  const window = [
    o.after === undefined ? '' : `not before ${whenWords(o.after, timeOfDayAtStart)}`,
    o.before === undefined ? '' : `by ${whenWords(o.before, timeOfDayAtStart)}`,
  ]
    .filter((w) => w !== '')
    .join(', ');
  return `${wordsOf(OBJECTIVE_EVENT_WORDS, o.event)}${window === '' ? '' : `, ${window}`}. ${points}.`;
}

/** One objective: its words, what counts, its window and its points. */
export function ObjectiveRow({ index }: { readonly index: number }) {
  const { doc, set, timeOfDayAtStart } = useDraft();
  const path = `training.objectives.${index}`;
  const o = (getAt(doc, path) ?? {}) as Record<string, unknown>;
  const kind = o.never !== undefined ? 'never' : o.atEnd !== undefined ? 'atEnd' : 'event';
  return (
    <li className="objective" data-testid={`objective-${index}`}>
      <p className="objective-sentence">{sentence(o, timeOfDayAtStart)}</p>
      <TextField path={`${path}.text`} label="What the trainee must do, in the debrief's words" />
      {kind === 'event' ? (
        <>
          <ChoiceField path={`${path}.event`} label="What counts" choices={OBJECTIVE_EVENT_WORDS} />
          <div className="when-pair">
            <WhenField path={`${path}.after`} label="Not before" optional hint="Leave the day empty: any time." />
            <WhenField path={`${path}.before`} label="By" optional hint="Leave the day empty: by the end." />
          </div>
          <TextField
            path={`${path}.detail`}
            label="Only with this detail"
            hint='e.g. "50 mcg" for a test dose; empty: any.'
          />
        </>
      ) : kind === 'never' ? (
        <ChoiceField path={`${path}.never`} label="What must never happen" choices={NEVER_WORDS} />
      ) : (
        <p className="muted">Judged on the pump and patient at the end, as written in the file.</p>
      )}
      <div className="item-head">
        <NumberField path={`${path}.points`} label="Worth" unit="points" hint="Empty: 10." />
        <button type="button" className="secondary" onClick={() => set(path, undefined)}>
          Remove this objective
        </button>
      </div>
    </li>
  );
}
