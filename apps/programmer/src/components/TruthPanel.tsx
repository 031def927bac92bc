import type { CatheterCondition, InstructorView } from '@itps/core';
import { formatConcentration, formatMcg, formatMl } from '../format/units.ts';
import { useInstructorView } from '../simulation/WorldProvider.tsx';

function describeCondition(c: CatheterCondition): string {
  const parts: string[] = [];
  if (c.occlusionPpm > 0) parts.push(`occluded ${c.occlusionPpm / 10_000} %`);
  if (c.kink !== null)
    parts.push(`kinked ${Math.round(c.kink.kinkedMs / 60_000)} min in every ${Math.round(c.kink.periodMs / 60_000)}`);
  if (c.breach !== null) parts.push(`${c.breach.kind} (${c.breach.escapePpm / 10_000} % escapes)`);
  return parts.length === 0 ? 'patent' : parts.join(', ');
}

/** What is physically true. The pump cannot see any of this; only the instructor can. */
export function TruthPanel() {
  return <TruthFigures view={useInstructorView()} />;
}

/** The truth of one world's instructor view (the console's world, or a class seat's). */
export function TruthFigures({ view }: { readonly view: InstructorView }) {
  const { truth, patient } = view;
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
        <dt>Catheter condition</dt>
        <dd data-testid="truth-catheter">{describeCondition(truth.condition)}</dd>
        <dt>Leaked along the track</dt>
        <dd>{formatMcg(truth.sinks.leak)}</dd>
        <dt>Into the pocket</dt>
        <dd data-testid="truth-pocket">
          {formatMcg(truth.sinks.pocket)} in {formatMl(truth.sinks.pocket.volume)}
        </dd>
        <dt>Aspirated at refills</dt>
        <dd>
          {formatMcg(truth.sinks.aspirated)} in {formatMl(truth.sinks.aspirated.volume)}
        </dd>
        <dt>Taken out with replaced pumps</dt>
        <dd data-testid="truth-explanted">
          {formatMcg(truth.sinks.explanted)} in {formatMl(truth.sinks.explanted.volume)}
        </dd>
        <dt>Flow accuracy bias</dt>
        <dd>{(truth.biasPpm / 10_000).toFixed(2)} %</dd>
      </dl>
      <PatientTruth patient={patient} />
      <PainTruth pain={view.pain} />
    </section>
  );
}

/** The patient model's hidden figures: drug near the tip, effect against need, the stages. */
function PatientTruth({ patient }: { readonly patient: InstructorView['patient'] }) {
  if (patient === null) return null;
  const { state, parameters, status: p } = patient;
  return (
    <>
      <h3>Patient model</h3>
      <dl className="figures">
        <dt>Need ({parameters.origin} origin)</dt>
        <dd>{parameters.needMcgPerDay} mcg/day</dd>
        <dt>Baclofen in the CSF near the tip</dt>
        <dd data-testid="truth-csf">{p.csfMcg.toFixed(1)} mcg</dd>
        <dt>Effect relative to need</dt>
        <dd data-testid="truth-effect">{Math.round(p.relativeEffect * 100)} %</dd>
        <dt>Withdrawal stage</dt>
        <dd data-testid="truth-withdrawal">{p.withdrawal}</dd>
        <dt>Overdose stage</dt>
        <dd data-testid="truth-overdose">{p.overdose}</dd>
        <dt>Tolerance</dt>
        <dd>need × {state.tolerance.toFixed(2)}</dd>
      </dl>
    </>
  );
}

/** The pain patient model's hidden figures: their drug, need, effect against need, tolerance, the stages. */
function PainTruth({ pain }: { readonly pain: InstructorView['pain'] }) {
  if (pain === undefined) return null;
  const { status: p, patient } = pain;
  return (
    <>
      <h3>Pain patient model ({patient.drug})</h3>
      <dl className="figures">
        <dt>Need</dt>
        <dd>{patient.parameters.needMcgPerDay} mcg/day</dd>
        <dt>Effect relative to need</dt>
        <dd data-testid="truth-pain-effect">{Math.round(p.relativeEffect * 100)} %</dd>
        <dt>Pain score (exact)</dt>
        <dd>{p.painExact.toFixed(1)} of 10</dd>
        {patient.drug === 'morphine' ? (
          <>
            <dt>Sedation, respiratory depression</dt>
            <dd data-testid="truth-pain-stages">
              {p.sedation}, {p.respiratoryDepression}
            </dd>
            <dt>Opioid withdrawal</dt>
            <dd>{p.opioidWithdrawal}</dd>
            <dt>Tolerance</dt>
            <dd>need × {p.tolerance.toFixed(2)}</dd>
            <dt>Catheter-tip mass</dt>
            <dd>
              {p.granuloma} ({Math.round(patient.state.granuloma * 100)} % of its full size)
            </dd>
          </>
        ) : (
          <>
            <dt>Adverse effects</dt>
            <dd data-testid="truth-pain-stages">{p.neuropsychiatric}</dd>
            <dt>Creatine kinase</dt>
            <dd>{p.ckTimesUpperLimit} × the upper limit</dd>
          </>
        )}
      </dl>
    </>
  );
}
