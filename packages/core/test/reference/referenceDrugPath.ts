// The drug mass along the reference pump's fluid path, written apart from the product as plain
// BigInt arithmetic from the words of docs/architecture.md: the reservoir is one well-mixed batch
// (an injection makes a new batch of what was left plus what went in, mass added to mass); the
// pump tubing and the catheter are plug flow (what enters first leaves first); an injection into
// the catheter access port enters the catheter at the pump end and pushes the catheter's contents
// out of the tip. A part of a batch carries floor(mass x offset / volume) up to each offset, the
// documented rounding of a split, so the mass that reached the tip is exact to the picogram.

/** A batch of well-mixed fluid, in nL and pg. */
interface Batch {
  readonly volume: bigint;
  readonly mass: bigint;
}

/** The part of a batch between two offsets (nL from the batch's start). */
interface Piece {
  readonly batch: Batch;
  readonly from: bigint;
  readonly to: bigint;
}

const massUpTo = (b: Batch, x: bigint): bigint => (b.volume === 0n ? 0n : (b.mass * x) / b.volume);
const massOf = (p: Piece): bigint => massUpTo(p.batch, p.to) - massUpTo(p.batch, p.from);
const whole = (b: Batch): Piece[] => (b.volume === 0n ? [] : [{ batch: b, from: 0n, to: b.volume }]);

/** Takes `volume` from the outlet end (index 0) of a plug-flow tube: what came out, in order. */
function takeFromOutlet(tube: Piece[], volume: bigint): Piece[] {
  const out: Piece[] = [];
  let left = volume;
  while (left > 0n && tube.length > 0) {
    const p = tube[0] as Piece;
    const size = p.to - p.from;
    if (size <= left) {
      out.push(p);
      tube.shift();
      left -= size;
    } else {
      out.push({ batch: p.batch, from: p.from, to: p.from + left });
      tube[0] = { batch: p.batch, from: p.from + left, to: p.to };
      left = 0n;
    }
  }
  return out;
}

/** Where every picogram put into the reference pump is: reservoir, tubing, catheter or a sink. */
export class ReferenceDrugPath {
  reservoir: Batch;
  /** nL of the reservoir's batch that have left it since it was last mixed. */
  drawn = 0n;
  /** Plug flow, index 0 at the catheter connector. */
  tubing: Piece[];
  /** Plug flow, index 0 at the tip. */
  catheter: Piece[];
  /** Mass that left the catheter tip into the spinal fluid, and its volume. */
  tipMass = 0n;
  tipVolume = 0n;
  /** Mass put into the pump and the pocket since implant, and mass withdrawn by the syringe. */
  loadedMass: bigint;
  aspiratedMass = 0n;

  constructor(
    reservoir: { volume: number; concentration: number },
    tubing: { volume: number; concentration: number },
    catheter: { volume: number; concentration: number },
  ) {
    const batch = (f: { volume: number; concentration: number }): Batch => ({
      volume: BigInt(f.volume),
      mass: BigInt(f.volume) * BigInt(f.concentration),
    });
    this.reservoir = batch(reservoir);
    this.tubing = whole(batch(tubing));
    this.catheter = whole(batch(catheter));
    this.loadedMass = this.reservoir.mass + batch(tubing).mass + batch(catheter).mass;
  }

  copy(): ReferenceDrugPath {
    const c = Object.create(ReferenceDrugPath.prototype) as ReferenceDrugPath;
    Object.assign(c, this);
    c.tubing = [...this.tubing];
    c.catheter = [...this.catheter];
    return c;
  }

  /** The mass left in the reservoir. */
  get reservoirMass(): bigint {
    return this.reservoir.mass - massUpTo(this.reservoir, this.drawn);
  }

  private draw(volume: bigint): Piece {
    let to = this.drawn + volume;
    if (to > this.reservoir.volume) to = this.reservoir.volume;
    const piece = { batch: this.reservoir, from: this.drawn, to };
    this.drawn = to;
    return piece;
  }

  private intoCatheter(pieces: Piece[]) {
    const volume = pieces.reduce((s, p) => s + (p.to - p.from), 0n);
    this.catheter.push(...pieces);
    for (const p of takeFromOutlet(this.catheter, volume)) {
      this.tipMass += massOf(p);
      this.tipVolume += p.to - p.from;
    }
  }

  /** `volume` nL leaves the reservoir: it pushes as much out of the tubing, and that out of the tip. */
  flow(volume: bigint) {
    if (volume <= 0n) return;
    const piece = this.draw(volume);
    this.tubing.push(piece);
    this.intoCatheter(takeFromOutlet(this.tubing, piece.to - piece.from));
  }

  /** The syringe withdraws `volume` nL from the reservoir. */
  aspirate(volume: bigint) {
    if (volume <= 0n) return;
    this.aspiratedMass += massOf(this.draw(volume));
  }

  /** An injection into the reservoir mixes with what is left by mass. */
  injectReservoir(volume: bigint, mass: bigint) {
    this.reservoir = { volume: this.reservoir.volume - this.drawn + volume, mass: this.reservoirMass + mass };
    this.drawn = 0n;
    this.loadedMass += mass;
  }

  /** An injection into the catheter access port goes down the catheter and pushes its contents out of the tip. */
  injectPort(volume: bigint, mass: bigint) {
    this.loadedMass += mass;
    this.intoCatheter(whole({ volume, mass }));
  }

  /** An injection into the pocket: loaded, and gone to tissue. */
  injectPocket(mass: bigint) {
    this.loadedMass += mass;
  }
}
