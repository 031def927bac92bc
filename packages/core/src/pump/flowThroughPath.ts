import { mulDiv } from '../units/mulDiv.ts';
import type { Nanolitres } from '../units/quantity.ts';
import { addFluids, type Fluid, type Portion } from './fluid.ts';
import { plugFlowContents, pushThrough, takeFromOutlet } from './plugFlow.ts';
import type { CatheterCondition, FluidPath, SinkName, Sinks, TipLocation } from './pumpState.ts';

/** Where fluid leaving the catheter tip ends up, by tip location. */
export const sinkOfTip: Readonly<Record<TipLocation, SinkName>> = {
  intrathecal: 'csf',
  subdural: 'subdural',
  epidural: 'epidural',
  subcutaneous: 'pocket',
};

const total = (portions: readonly Portion[]): Fluid => plugFlowContents(portions);

/**
 * The sinks with `fluid` added to one of them; built field by field (not with a computed-key spread)
 * so every Sinks object keeps one shape.
 */
export function addToSink(sinks: Sinks, name: SinkName, fluid: Fluid): Sinks {
  if (fluid.volume === 0) return sinks;
  return {
    csf: name === 'csf' ? addFluids(sinks.csf, fluid) : sinks.csf,
    pocket: name === 'pocket' ? addFluids(sinks.pocket, fluid) : sinks.pocket,
    epidural: name === 'epidural' ? addFluids(sinks.epidural, fluid) : sinks.epidural,
    subdural: name === 'subdural' ? addFluids(sinks.subdural, fluid) : sinks.subdural,
    leak: name === 'leak' ? addFluids(sinks.leak, fluid) : sinks.leak,
    aspirated: name === 'aspirated' ? addFluids(sinks.aspirated, fluid) : sinks.aspirated,
    explanted: name === 'explanted' ? addFluids(sinks.explanted, fluid) : sinks.explanted,
  };
}

/** The fluid path, sinks and catheter condition after a flow step. */
export interface FlowResult {
  readonly path: FluidPath;
  readonly sinks: Sinks;
  readonly catheter: CatheterCondition;
}

/**
 * Pushes portions through the fluid path in plug flow, from `entry` (the pump tubing for fluid from
 * the reservoir, the catheter for an injection into the catheter access port) to wherever it leaves:
 * the tip's site, or a breach on the way. A breach lets a share of what reaches it escape; the
 * escaped volume is `floor(passed x share)` of the cumulative volume, so it is exact however the flow
 * is cut into steps.
 */
export function flowThroughPath(
  path: FluidPath,
  sinks: Sinks,
  catheter: CatheterCondition,
  inflow: readonly Portion[],
  entry: 'tubing' | 'catheter',
): FlowResult {
  let tubing = path.tubing;
  let stream: readonly Portion[] = inflow;
  if (entry === 'tubing') {
    const through = pushThrough(tubing, stream);
    tubing = through.tube;
    stream = through.out;
  }
  let proximal = path.catheterProximal;
  let condition = catheter;
  let nextSinks = sinks;
  const { breach } = catheter;
  if (breach !== null) {
    const through = pushThrough(proximal, stream);
    proximal = through.tube;
    const arriving = total(through.out).volume;
    const passed = breach.passed + arriving;
    const escapedTotal = mulDiv(passed, breach.escapePpm, 1_000_000, 'floor');
    const split = takeFromOutlet(through.out, (escapedTotal - breach.escaped) as Nanolitres);
    nextSinks = addToSink(nextSinks, breach.kind === 'disconnect' ? 'pocket' : 'leak', total(split.out));
    stream = split.tube;
    condition = { ...catheter, breach: { ...breach, passed, escaped: escapedTotal } };
  }
  const throughCatheter = pushThrough(path.catheter, stream);
  nextSinks = addToSink(nextSinks, sinkOfTip[catheter.tip], total(throughCatheter.out));
  return {
    path: { reservoir: path.reservoir, tubing, catheter: throughCatheter.tube, catheterProximal: proximal },
    sinks: nextSinks,
    catheter: condition,
  };
}
