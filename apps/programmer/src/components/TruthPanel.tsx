import { pumpTruthView } from '@itps/core';
import { useSelector } from '@xstate/react';
import { formatConcentration, formatMcg, formatMl } from '../format/units.ts';
import { useSimulation } from '../simulation/SimulationProvider.tsx';

/** What is physically true. The pump cannot see any of this; only the instructor can. */
export function TruthPanel() {
  const simulation = useSimulation();
  const truth = useSelector(simulation.pump, (s) => pumpTruthView(s.context.pump));
  return (
    <section className="panel truth" aria-labelledby="truth-title">
      <h2 id="truth-title">Truth (instructor only)</h2>
      <dl className="figures">
        <dt>Reservoir, actual</dt>
        <dd data-testid="truth-reservoir">
          {formatMl(truth.reservoir.volume)} at {formatConcentration(truth.reservoir)}
        </dd>
        <dt>Pump tubing</dt>
        <dd>
          {formatMl(truth.tubing.volume)} at {formatConcentration(truth.tubing)}
        </dd>
        <dt>Catheter</dt>
        <dd>
          {formatMl(truth.catheter.volume)} at {formatConcentration(truth.catheter)}
        </dd>
        <dt>Delivered to CSF</dt>
        <dd data-testid="truth-delivered">
          {formatMcg(truth.delivered)} in {formatMl(truth.delivered.volume)}
        </dd>
        <dt>Catheter tip</dt>
        <dd data-testid="truth-tip">{truth.condition.tip}</dd>
        <dt>Into the pocket</dt>
        <dd data-testid="truth-pocket">
          {formatMcg(truth.sinks.pocket)} in {formatMl(truth.sinks.pocket.volume)}
        </dd>
        <dt>Aspirated at refills</dt>
        <dd>
          {formatMcg(truth.sinks.aspirated)} in {formatMl(truth.sinks.aspirated.volume)}
        </dd>
        <dt>Flow accuracy bias</dt>
        <dd>{(truth.biasPpm / 10_000).toFixed(2)} %</dd>
      </dl>
    </section>
  );
}
