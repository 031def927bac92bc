/** A chart's box: the data's ranges and the drawing's size (SVG units). */
export interface ChartBox {
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
  readonly width: number;
  readonly height: number;
}

/** The x of a data x (0 to xMax) in the drawing. */
export const xOf = (x: number, box: ChartBox): number => (box.xMax <= 0 ? 0 : (x / box.xMax) * box.width);

/** The y of a data y in the drawing (up is more). */
export function yOf(y: number, box: ChartBox): number {
  const range = box.yMax - box.yMin;
  return range <= 0 ? box.height : box.height - ((y - box.yMin) / range) * box.height;
}

/** An SVG path through the points, broken where a value is missing (null). */
export function linePath(points: readonly { readonly x: number; readonly y: number | null }[], box: ChartBox): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${xOf(p.x, box).toFixed(1)} ${yOf(p.y, box).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** The top of a scale that holds every value: the largest, rounded up to 1, 2 or 5 times a power of ten (at least `floor`). */
export function niceMax(values: readonly number[], floor = 1): number {
  const top = Math.max(floor, ...values.filter((v) => Number.isFinite(v)));
  const power = 10 ** Math.floor(Math.log10(top));
  return ([1, 2, 5, 10].map((m) => m * power).find((n) => n >= top) ?? top) as number;
}
