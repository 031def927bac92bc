import type { DrugId } from '../drug/drug.ts';
import { mulDiv } from '../units/mulDiv.ts';
import type { Nanolitres } from '../units/quantity.ts';
import { addToSink, type FlowResult, sinkOfTip } from './flowThroughPath.ts';
import { type Batch, type Fluid, massesOf, type Portion, tallyPortion } from './fluid.ts';
import type { PlugFlow } from './plugFlow.ts';
import type { Breach, CatheterCondition, FluidPath, SinkName, Sinks } from './pumpState.ts';

interface Piece {
  batch: Batch;
  from: number;
  to: number;
}

/** A tube in plug flow that is changed in place: the same joins and cuts as `pushThrough`. */
class PlugQueue {
  private readonly items: Piece[];
  private head = 0;

  constructor(tube: PlugFlow) {
    this.items = tube.map((p) => ({ batch: p.batch, from: p.from, to: p.to }));
  }

  /** Adds a piece at the inlet, joined to the last one when it continues it (as `appendPortions`). */
  append(p: Piece): void {
    if (p.to === p.from) return;
    const last = this.items.length > this.head ? this.items[this.items.length - 1] : undefined;
    if (last !== undefined && last.batch.id === p.batch.id && last.to === p.from) last.to = p.to;
    else this.items.push({ batch: p.batch, from: p.from, to: p.to });
  }

  /** Removes `volume` from the outlet into `out` (as `takeFromOutlet`). */
  take(volume: number, out: Piece[]): void {
    let remaining = volume;
    while (remaining > 0 && this.head < this.items.length) {
      const p = this.items[this.head] as Piece;
      const v = p.to - p.from;
      if (v <= remaining) {
        out.push(p);
        remaining -= v;
        this.head += 1;
      } else {
        out.push({ batch: p.batch, from: p.from, to: p.from + remaining });
        p.from += remaining;
        remaining = 0;
      }
    }
    // a queue that is mostly taken keeps its memory small
    if (this.head > 64 && this.head * 2 > this.items.length) {
      this.items.splice(0, this.head);
      this.head = 0;
    }
  }

  /** The tube as an immutable plug flow, outlet first. */
  toPlugFlow(): Portion[] {
    const tube: Portion[] = [];
    for (let i = this.head; i < this.items.length; i += 1) {
      const p = this.items[i] as Piece;
      tube.push({ batch: p.batch, from: p.from, to: p.to });
    }
    return tube;
  }
}

type Tally = Partial<Record<DrugId, number>>;

const fluid = (volume: number, tally: Tally): Fluid => ({ volume: volume as Nanolitres, masses: massesOf(tally) });

const volumeOf = (pieces: readonly Piece[], from = 0): number => {
  let v = 0;
  for (let i = from; i < pieces.length; i += 1) {
    const p = pieces[i] as Piece;
    v += p.to - p.from;
  }
  return v;
};

const tallyPieces = (tally: Tally, pieces: readonly Piece[]): void => {
  for (const p of pieces) tallyPortion(tally, p);
};

/**
 * A fluid path with a breach, pushed through many times in a row in place: each {@link push} leaves
 * the path, the sinks and the breach's split exactly as `flowThroughPath` from the pump tubing
 * would, without building a state per push. The steady advance pushes through a breach at every
 * instant the stepwise advance pushes it (the escaped share's mass depends on where the flow is
 * cut), so this is the cost it pays per instant.
 */
export class BreachedPath {
  private readonly tubing: PlugQueue;
  private readonly proximal: PlugQueue;
  private readonly catheter: PlugQueue;
  private readonly breach: Breach;
  private passed: number;
  private escaped: number;
  private readonly escapeSink: SinkName;
  private readonly tipSink: SinkName;
  private escapedVolume = 0;
  private readonly escapedMass: Tally = {};
  private tipVolume = 0;
  private readonly tipMass: Tally = {};
  private pushes = 0;
  // scratch lists, reused by every push
  private readonly arriving: Piece[] = [];
  private readonly leaving: Piece[] = [];

  constructor(
    private readonly path: FluidPath,
    private readonly sinks: Sinks,
    private readonly condition: CatheterCondition & { readonly breach: Breach },
  ) {
    this.tubing = new PlugQueue(path.tubing);
    this.proximal = new PlugQueue(path.catheterProximal);
    this.catheter = new PlugQueue(path.catheter);
    this.breach = condition.breach;
    this.passed = condition.breach.passed;
    this.escaped = condition.breach.escaped;
    this.escapeSink = condition.breach.kind === 'disconnect' ? 'pocket' : 'leak';
    this.tipSink = sinkOfTip[condition.tip];
  }

  /** Pushes `inflow` (at least 1 nL) in at the pump tubing: `flowThroughPath(…, [inflow], 'tubing')`. */
  push(inflow: Portion): void {
    this.pushes += 1;
    const { arriving, leaving } = this;
    arriving.length = 0;
    leaving.length = 0;
    const volume = inflow.to - inflow.from;
    this.tubing.append(inflow);
    this.tubing.take(volume, leaving);
    // what left the tubing (as much as went in) pushes the same volume out of the catheter before the breach
    for (const p of leaving) this.proximal.append(p);
    this.proximal.take(volume, arriving);
    const passed = this.passed + volumeOf(arriving);
    const escapedTotal = mulDiv(passed, this.breach.escapePpm, 1_000_000, 'floor');
    // the escaping share is the front of what arrives; the rest goes on down the catheter
    let cut = escapedTotal - this.escaped;
    let k = 0;
    while (cut > 0 && k < arriving.length) {
      const p = arriving[k] as Piece;
      const v = p.to - p.from;
      if (v <= cut) {
        tallyPortion(this.escapedMass, p);
        this.escapedVolume += v;
        cut -= v;
        k += 1;
      } else {
        const first = { batch: p.batch, from: p.from, to: p.from + cut };
        tallyPortion(this.escapedMass, first);
        this.escapedVolume += cut;
        arriving[k] = { batch: p.batch, from: p.from + cut, to: p.to };
        cut = 0;
      }
    }
    this.passed = passed;
    this.escaped = escapedTotal;
    const onward = volumeOf(arriving, k);
    if (onward > 0) {
      for (let i = k; i < arriving.length; i += 1) this.catheter.append(arriving[i] as Piece);
      leaving.length = 0;
      this.catheter.take(onward, leaving);
      this.tipVolume += volumeOf(leaving);
      tallyPieces(this.tipMass, leaving);
    }
  }

  /** The path (with `reservoir` as it now is), the sinks and the catheter's condition after every push. */
  result(reservoir: FluidPath['reservoir']): FlowResult {
    if (this.pushes === 0) return { path: { ...this.path, reservoir }, sinks: this.sinks, catheter: this.condition };
    let sinks = addToSink(this.sinks, this.escapeSink, fluid(this.escapedVolume, this.escapedMass));
    sinks = addToSink(sinks, this.tipSink, fluid(this.tipVolume, this.tipMass));
    return {
      path: {
        reservoir,
        tubing: this.tubing.toPlugFlow(),
        catheter: this.catheter.toPlugFlow(),
        catheterProximal: this.proximal.toPlugFlow(),
      },
      sinks,
      catheter: { ...this.condition, breach: { ...this.breach, passed: this.passed, escaped: this.escaped } },
    };
  }
}
