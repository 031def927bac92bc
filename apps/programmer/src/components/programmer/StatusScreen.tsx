import { ALARM_NAMES, type Milliseconds, type ProgrammerDates, type PumpBeliefView } from '@itps/core';
import { alarmLabels } from '../../format/labels.ts';
import { formatTherapy } from '../../format/therapy.ts';
import { formatMcgPerDay, formatMl } from '../../format/units.ts';
import { useWhen } from '../../simulation/useWhen.ts';
import { AlarmBanner } from './AlarmBanner.tsx';

/** What the interrogation returned: the pump's belief, with the programmer's forecast dates. */
export function StatusScreen({
  view,
  dates,
  onChangeDose,
  onRefill,
  onOther,
  onFlex,
  onBridge,
}: {
  view: PumpBeliefView;
  dates: ProgrammerDates | null;
  onChangeDose: () => void;
  onRefill: () => void;
  onOther: () => void;
  onFlex: () => void;
  onBridge: () => void;
}) {
  const clock = useWhen();
  const when = (ms: number | null) => (ms === null ? 'none' : clock(ms as Milliseconds));
  const active = ALARM_NAMES.filter((n) => view.alarms[n]);
  return (
    <div className="screen">
      <h3>Pump status (interrogated {clock(view.now)})</h3>
      <AlarmBanner view={view} />
      <dl className="figures">
        <dt>Pump</dt>
        <dd>
          {view.modelName}, serial {view.serial}
        </dd>
        <dt>Drug</dt>
        <dd data-testid="prog-drug">baclofen {view.concentration} mcg/mL</dd>
        <dt>Therapy</dt>
        <dd data-testid="prog-therapy">{formatTherapy(view.therapy)}</dd>
        <dt>Dose now</dt>
        <dd>{formatMcgPerDay(view.dose)}</dd>
        <dt>Pump state</dt>
        <dd data-testid="prog-state">{view.suspended ? 'STOPPED (therapy suspended)' : view.state}</dd>
        <dt>Reservoir (calculated)</dt>
        <dd data-testid="prog-reservoir">{formatMl(view.calculatedReservoir)}</dd>
        <dt>Low-reservoir alarm</dt>
        <dd>
          at {formatMl(view.lowReservoirThreshold)}, expected {when(dates?.lowReservoirAt ?? null)}
        </dd>
        <dt>Next refill by</dt>
        <dd data-testid="prog-refill">{when(dates?.refillBy ?? null)}</dd>
        <dt>Battery</dt>
        <dd>
          {view.eriAt === null ? 'OK' : `ERI since ${when(view.eriAt)}; replace by ${when(dates?.replaceBy ?? null)}`}
        </dd>
        <dt>Active alarms</dt>
        <dd data-testid="prog-alarms">{active.length === 0 ? 'none' : active.map((a) => alarmLabels[a]).join(', ')}</dd>
      </dl>
      <div className="buttons">
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
      </div>
    </div>
  );
}
