import { useDraft } from './DraftContext.tsx';

/** Adds an event to the timeline, placed at the visit (or the start), to be moved where it belongs. */
export function TimelineAdd({ count }: { readonly count: number }) {
  const { doc, set } = useDraft();
  const training = doc.training as Record<string, unknown> | undefined;
  const at = typeof training?.visitAt === 'string' ? training.visitAt : 'P0D';
  const reservoir = (doc.pump as { reservoir?: Record<string, unknown> } | undefined)?.reservoir ?? {};
  const add = (event: Record<string, unknown>) => set(`timeline.${count}`, { at, ...event });
  return (
    <div className="buttons">
      <button type="button" className="secondary" onClick={() => add({ action: 'fault', kind: 'catheterKink' })}>
        Add a fault
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          add({
            action: 'refill',
            withdrawMl: 'all',
            volumeMl: reservoir.volumeMl ?? 20,
            concentrationMcgPerMl: reservoir.concentrationMcgPerMl ?? 500,
          })
        }
      >
        Add a colleague's refill
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() => add({ action: 'program', therapy: (doc.pump as { therapy?: unknown } | undefined)?.therapy })}
      >
        Add a colleague's program change
      </button>
      <button type="button" className="secondary" onClick={() => add({ action: 'mri', duration: 'PT1H', fieldT: 1.5 })}>
        Add an MRI scan
      </button>
    </div>
  );
}
