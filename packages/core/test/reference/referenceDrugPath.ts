// The drug mass along the reference pump's fluid path, written apart from the product as plain
// BigInt arithmetic from the words of docs/architecture.md: the reservoir is one well-mixed batch
// (an injection makes a new batch of what was left plus what went in, mass added to mass); the
// pump tubing and the catheter are plug flow (what enters first leaves first); an injection into
// the catheter access port enters the catheter at the pump end and pushes the catheter's contents
// out of the tip. A part of a batch carries floor(mass x offset / volume) up to each offset, the
// documented rounding of a split, so the mass that reached the tip is exact to the picogram.
// Every drug is carried on its own: a batch holds a mass of each drug in it, a part of a batch takes
// floor(that drug's mass x offset / volume) of each, and mixing adds mass to mass drug by drug.

/** The mass of each drug (pg), by the drug's name; a drug not named has none. */
export type ReferenceMasses = Readonly<Record<string, bigint>>;

/** A fluid as a syringe holds it: its volume and each drug at its concentration (pg/nL). */
export interface ReferenceFluid {
  readonly volume: number;
  /** Baclofen alone at this concentration (pg/nL). */
  readonly concentration?: number;
  /** Each drug at its concentration (pg/nL); replaces `concentration`. */
  readonly solution?: readonly { readonly drug: string; readonly concentration: number }[];
}

/** A batch of well-mixed fluid, in nL and pg of each drug. */
interface Batch {
  readonly volume: bigint;
  readonly masses: ReferenceMasses;
}

/** The part of a batch between two offsets (nL from the batch's start). */
interface Piece {
  readonly batch: Batch;
  readonly from: bigint;
  readonly to: bigint;
}

const massUpTo = (b: Batch, drug: string, x: bigint): bigint =>
  b.volume === 0n ? 0n : ((b.masses[drug] ?? 0n) * x) / b.volume;
const whole = (b: Batch): Piece[] => (b.volume === 0n ? [] : [{ batch: b, from: 0n, to: b.volume }]);

/** Adds `more` into `into`, drug by drug (in place). */
function addInto(into: Record<string, bigint>, more: ReferenceMasses): void {
  for (const [drug, m] of Object.entries(more)) into[drug] = (into[drug] ?? 0n) + m;
}

/** Each drug's mass in a piece of a batch. */
function massesOf(p: Piece): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  for (const drug of Object.keys(p.batch.masses))
    out[drug] = massUpTo(p.batch, drug, p.to) - massUpTo(p.batch, drug, p.from);
  return out;
}

/** Each drug's mass in a volume of a fluid. */
function fluidMasses(f: ReferenceFluid): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  const parts = f.solution ?? [{ drug: 'baclofen', concentration: f.concentration ?? 0 }];
  for (const part of parts) addInto(out, { [part.drug]: BigInt(f.volume) * BigInt(part.concentration) });
  return out;
}

/** A mass given as one number is baclofen's. */
const asMasses = (m: bigint | ReferenceMasses): ReferenceMasses => (typeof m === 'bigint' ? { baclofen: m } : m);

/** The sum of every drug's mass (the one drug's, in a one-drug history). */
const sum = (m: ReferenceMasses): bigint => Object.values(m).reduce((a, b) => a + b, 0n);

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
  /** Each drug's mass that left the catheter tip into the spinal fluid, and the volume. */
  tipMasses: Record<string, bigint> = {};
  tipVolume = 0n;
  /** Each drug's mass put into the pump and the pocket since implant, and withdrawn by the syringe. */
  loadedMasses: Record<string, bigint>;
  aspiratedMasses: Record<string, bigint> = {};

  constructor(reservoir: ReferenceFluid, tubing: ReferenceFluid, catheter: ReferenceFluid) {
    const batch = (f: ReferenceFluid): Batch => ({ volume: BigInt(f.volume), masses: fluidMasses(f) });
    this.reservoir = batch(reservoir);
    this.tubing = whole(batch(tubing));
    this.catheter = whole(batch(catheter));
    this.loadedMasses = {};
    for (const b of [this.reservoir, batch(tubing), batch(catheter)]) addInto(this.loadedMasses, b.masses);
  }

  copy(): ReferenceDrugPath {
    const c = Object.create(ReferenceDrugPath.prototype) as ReferenceDrugPath;
    Object.assign(c, this);
    c.tubing = [...this.tubing];
    c.catheter = [...this.catheter];
    c.tipMasses = { ...this.tipMasses };
    c.loadedMasses = { ...this.loadedMasses };
    c.aspiratedMasses = { ...this.aspiratedMasses };
    return c;
  }

  /** Each drug's mass left in the reservoir. */
  get reservoirMasses(): Record<string, bigint> {
    const out: Record<string, bigint> = {};
    for (const [drug, m] of Object.entries(this.reservoir.masses))
      out[drug] = m - massUpTo(this.reservoir, drug, this.drawn);
    return out;
  }

  /** All drug that left the tip, every drug's mass added (in a one-drug history, that drug's). */
  get tipMass(): bigint {
    return sum(this.tipMasses);
  }

  /** All drug put in, every drug's mass added. */
  get loadedMass(): bigint {
    return sum(this.loadedMasses);
  }

  /** All drug withdrawn, every drug's mass added. */
  get aspiratedMass(): bigint {
    return sum(this.aspiratedMasses);
  }

  /** All drug left in the reservoir, every drug's mass added. */
  get reservoirMass(): bigint {
    return sum(this.reservoirMasses);
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
      addInto(this.tipMasses, massesOf(p));
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
    addInto(this.aspiratedMasses, massesOf(this.draw(volume)));
  }

  /** An injection (baclofen's mass, or each drug's) into the reservoir mixes with what is left, drug by drug. */
  injectReservoir(volume: bigint, mass: bigint | ReferenceMasses) {
    const masses = this.reservoirMasses;
    addInto(masses, asMasses(mass));
    this.reservoir = { volume: this.reservoir.volume - this.drawn + volume, masses };
    this.drawn = 0n;
    addInto(this.loadedMasses, asMasses(mass));
  }

  /** An injection into the catheter access port goes down the catheter and pushes its contents out of the tip. */
  injectPort(volume: bigint, mass: bigint | ReferenceMasses) {
    addInto(this.loadedMasses, asMasses(mass));
    this.intoCatheter(whole({ volume, masses: { ...asMasses(mass) } }));
  }

  /** An injection into the pocket: loaded, and gone to tissue. */
  injectPocket(mass: bigint | ReferenceMasses) {
    addInto(this.loadedMasses, asMasses(mass));
  }
}
