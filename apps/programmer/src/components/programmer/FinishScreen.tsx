import type { DiffRow, DrugId } from '@itps/core';
import { useState } from 'react';
import { diffDrugs, formatDiffRow } from '../../format/therapy.ts';
import { useProgrammerAct } from '../../simulation/useProgrammerAct.ts';
import { useWhen } from '../../simulation/useWhen.ts';

/** The finish screen: every setting that will change, as it is in the pump and as it will be. */
export function FinishScreen({ diff, pumpDrug }: { readonly diff: readonly DiffRow[]; readonly pumpDrug: DrugId }) {
  const drugs = diffDrugs(diff, pumpDrug);
  const when = useWhen();
  const act = useProgrammerAct();
  const stops = diff.some((r) => r.field === 'therapy' && (r.new.mode === 'stopped' || r.new.mode === 'minimum'));
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <div className="screen">
      <h3>Review before updating the pump</h3>
      <table className="diff" data-testid="finish-diff">
        <caption>
          {stops
            ? 'The pump stops while it is updated and stays stopped when the update completes: no drug is delivered until therapy is restarted.'
            : 'The pump stops while it is updated and restarts when the update completes.'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">In the pump now</th>
            <th scope="col">After the update</th>
          </tr>
        </thead>
        <tbody>
          {diff
            .map((r) => formatDiffRow(r, when, drugs))
            .map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.old}</td>
                <td className="new">{row.new}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <div className="buttons">
        <button type="button" className="secondary" onClick={() => act({ type: 'review.back' })}>
          Back
        </button>
        <button
          type="button"
          onClick={() => void act({ type: 'review.confirm' }).then((r) => setRefusal(r.ok ? null : r.refusal.message))}
        >
          Confirm and update pump
        </button>
      </div>
      {refusal !== null && (
        <p className="error" role="alert" data-testid="finish-refused">
          {refusal}
        </p>
      )}
    </div>
  );
}
