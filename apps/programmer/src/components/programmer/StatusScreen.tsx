import {
  ALARM_NAMES,
  drugOf,
  type ForecastDate,
  type Milliseconds,
  type OpioidHistory,
  type ProgrammerDates,
  type PumpBeliefView,
  programOfView,
} from '@itps/core';

const OPIOID_HISTORY_WORDS: Readonly<Record<OpioidHistory, string>> = {
  naive: 'opioid-naive',
  tolerant: 'opioid-tolerant',
  unknown: 'opioid history not recorded',
};

/** The opioid history is shown once it is recorded, or while the pump holds an opioid (where it matters). */
const showsOpioidHistory = (view: PumpBeliefView): boolean =>
  view.opioidHistory !== 'unknown' ||
  [view.drug, ...view.admixed.map((a) => a.drug)].some((d) => drugOf(d).opioidRanges !== null);

import { doseNowWords, forecastWords } from '../../format/forecast.ts';
import { alarmLabels } from '../../format/labels.ts';
import { drugDoseLines, formatTherapy } from '../../format/therapy.ts';
import { formatMl, formatSolution } from '../../format/units.ts';
import { useDay, useWhen } from '../../simulation/useWhen.ts';

/** What the interrogation returned: the pump's belief, with the programmer's forecast dates. */
export function StatusScreen({
  view,
  dates,
  onChangeDose,
  onRefill,
  onOther,
  onFlex,
  onBridge,
  onReplace = null,
}: {
  view: PumpBeliefView;
  dates: ProgrammerDates | null;
  onChangeDose: () => void;
  onRefill: () => void;
  onOther: () => void;
  onFlex: () => void;
  onBridge: () => void;
  /** Opens the Replacement workflow; null when the pump as read gives no reason to replace it. */
  onReplace?: (() => void) | null;
}) {
  const clock = useWhen();
  const day = useDay();
  // every date as it stands at the interrogation: come already (since), to come, or not while halted
  const date = (
    d: ForecastDate | undefined,
    past: string,
    expected: string,
    write: (at: Milliseconds) => string = clock,
  ) => (d === undefined ? 'not known' : forecastWords(d, write, { past, expected }));
  const active = ALARM_NAMES.filter((n) => view.alarms[n]);
  return (
    <div className="screen status-screen">
      <h3>Pump status (interrogated {clock(view.now)})</h3>
      <p className="patient-line" data-testid="prog-patient">
        Patient: <strong>{view.patientId ?? 'not entered in the pump'}</strong>
        {showsOpioidHistory(view) && (
          <span data-testid="prog-opioid-history"> ({OPIOID_HISTORY_WORDS[view.opioidHistory]})</span>
        )}
      </p>
      <div className="home-tiles">
        <div className="tile">
          <span className="tile-label">Drug</span>
          <span className="tile-value" data-testid="prog-drug">
            {formatSolution([{ drug: view.drug, concentration: view.concentration }, ...view.admixed])}
          </span>
        </div>
        <div className="tile">
          <span className="tile-label">Therapy</span>
          <span className="tile-value" data-testid="prog-therapy">
            {formatTherapy(view.therapy, view.drug)}
          </span>
        </div>
        {view.admixed.length > 0 && (
          <div className="tile">
            <span className="tile-label">Each drug's 24-hour dose</span>
            <span className="tile-value" data-testid="prog-drug-doses">
              {drugDoseLines(programOfView(view)).join('; ')}
            </span>
          </div>
        )}
        <div className={`tile${dates?.doseNow.halted ? ' warning' : ''}`}>
          <span className="tile-label">Dose now</span>
          <span className="tile-value" data-testid="prog-dose-now">
            {dates === null ? 'not known' : doseNowWords(dates.doseNow, view.drug)}
          </span>
        </div>
        <div className={`tile${view.suspended ? ' warning' : ''}`}>
          <span className="tile-label">Pump state</span>
          <span className="tile-value" data-testid="prog-state">
            {view.suspended ? 'STOPPED (therapy suspended)' : view.state}
          </span>
        </div>
        <div className="tile">
          <span className="tile-label">Reservoir (calculated)</span>
          <span className="tile-value" data-testid="prog-reservoir">
            {formatMl(view.calculatedReservoir)}
          </span>
        </div>
        <div className={`tile${active.length > 0 ? ' warning' : ''}`}>
          <span className="tile-label">Active alarms</span>
          <span className="tile-value" data-testid="prog-alarms">
            {active.length === 0 ? 'none' : active.map((a) => alarmLabels[a]).join(', ')}
          </span>
        </div>
      </div>
      <h4>Dates that matter</h4>
      <dl className="figures dates">
        <dt>Low-reservoir alarm</dt>
        <dd data-testid="prog-low-alarm">
          at {formatMl(view.lowReservoirThreshold)}: {date(dates?.lowReservoir, 'sounding since', 'expected')}
        </dd>
        <dt>Reservoir empty</dt>
        <dd data-testid="prog-empty">{date(dates?.empty, 'since', 'expected')}</dd>
        <dt>Next refill by</dt>
        <dd data-testid="prog-refill">{date(dates?.refill, 'overdue since', '')}</dd>
        <dt>Elective replacement (ERI)</dt>
        <dd data-testid="prog-eri">{date(dates?.eri, 'reached', 'battery OK; expected about', day)}</dd>
        <dt>Replace the pump by</dt>
        <dd data-testid="prog-replace-by">
          {date(dates?.replace, 'overdue since', '', day)}
          {dates?.replace.status === 'past' ? ' (end of service: the pump has stopped for good)' : ''}
        </dd>
        <dt>Pump</dt>
        <dd>
          {view.modelName}, serial {view.serial}
        </dd>
      </dl>
      <div className="buttons workflow-tiles">
        <button type="button" onClick={onChangeDose}>
          Change dose
        </button>
        <button type="button" onClick={onRefill}>
          Refill
        </button>
        <button type="button" onClick={onFlex}>
          Flex schedule
        </button>
        <button type="button" onClick={onBridge}>
          Bridge bolus
        </button>
        <button type="button" onClick={onOther}>
          Bolus, alarm, catheter, MRI, stop and restart
        </button>
        {onReplace !== null && (
          <button type="button" onClick={onReplace}>
            Pump replacement
          </button>
        )}
      </div>
    </div>
  );
}
