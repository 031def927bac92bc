import { type PumpBeliefView, ptmReport, ptmWords } from '@itps/core';
import { useWhen } from '../../simulation/useWhen.ts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The interrogated pump's PTM report, beside its status: the settings, the presses of the last 24
 * hours by what the pump did with them (a patient pressing through the lockout has pain the basal
 * does not cover), the last bolus; and the way into the PTM settings of the dosing workflow.
 */
export function PtmStatus({ view, onPtm }: { view: PumpBeliefView; onPtm: () => void }) {
  const when = useWhen();
  const report = ptmReport(view);
  return (
    <div className="screen ptm-status">
      <h4>Patient's therapy manager (PTM)</h4>
      <p data-testid="prog-ptm">{ptmWords(report.settings, view.drug, view.concentration)}</p>
      {(report.settings !== null || report.total.presses > 0) && (
        <p data-testid="prog-ptm-report">
          Last 24 hours: {count(report.last24h.presses, 'press', 'presses')},{' '}
          {count(report.last24h.boluses, 'bolus', 'boluses')} given, {report.last24h.lockedOut} during the lockout,{' '}
          {report.last24h.dayLimit} at the day's limit
          {report.last24h.unavailable > 0 ? `, ${report.last24h.unavailable} refused by the pump` : ''}. Last bolus:{' '}
          {report.lastBolusAt === null ? 'none' : when(report.lastBolusAt)}.
        </p>
      )}
      {report.alarmIfEveryBolusAt !== null && (
        <p data-testid="prog-ptm-worst-case">
          If the patient uses every bolus allowed, the low-reservoir alarm comes by{' '}
          <strong>{when(report.alarmIfEveryBolusAt)}</strong> (the dates above count no patient bolus): plan the refill
          by then.
        </p>
      )}
      <div className="buttons">
        <button type="button" onClick={onPtm}>
          PTM settings
        </button>
      </div>
    </div>
  );
}
