import type { ReactNode } from 'react';
import { type ChartBox, linePath, xOf } from '../../authoring/chartGeometry.ts';

/** One line of a small chart: its points (x in ms, y in the chart's unit), its words and its look. */
export interface ChartLine {
  readonly label: string;
  readonly points: readonly { readonly x: number; readonly y: number | null }[];
  readonly look: 'real' | 'set' | 'patient';
}

const W = 240;
const H = 70;

/**
 * A small chart of a preview course: its lines over the exercise, the visit marked, the scale's top
 * and bottom written; what it shows is also said in words for a screen reader.
 */
export function MiniChart({
  title,
  unit,
  lines,
  xMax,
  yMin = 0,
  yMax,
  visitAt,
  summary,
  children,
}: {
  readonly title: string;
  readonly unit: string;
  readonly lines: readonly ChartLine[];
  readonly xMax: number;
  readonly yMin?: number;
  readonly yMax: number;
  readonly visitAt: number;
  readonly summary: string;
  readonly children?: (box: ChartBox) => ReactNode;
}) {
  const box: ChartBox = { xMax, yMin, yMax, width: W, height: H };
  return (
    <figure className="mini-chart">
      <figcaption>
        {title} <span className="muted">({unit})</span>
      </figcaption>
      <svg viewBox={`-28 -6 ${W + 34} ${H + 18}`} role="img" aria-label={`${title}: ${summary}`}>
        {children?.(box)}
        <line className="axis" x1={0} y1={H} x2={W} y2={H} />
        <line className="axis" x1={0} y1={0} x2={0} y2={H} />
        <text className="scale" x={-4} y={6} textAnchor="end">
          {yMax}
        </text>
        <text className="scale" x={-4} y={H} textAnchor="end">
          {yMin}
        </text>
        <line className="visit" x1={xOf(visitAt, box)} y1={0} x2={xOf(visitAt, box)} y2={H} />
        {lines.map((l) => (
          <path key={l.label} className={`line look-${l.look}`} d={linePath(l.points, box)} />
        ))}
      </svg>
      <ul className="legend">
        {lines.map((l) => (
          <li key={l.label} className={`look-${l.look}`}>
            {l.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
