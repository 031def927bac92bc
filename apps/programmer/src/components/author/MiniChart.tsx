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
  hidden,
  endLabel,
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
  /** The hidden faults, marked under the time axis where they begin. */
  readonly hidden: readonly { readonly at: number; readonly words: string }[];
  /** The last day, written at the end of the time axis ("day 37"). */
  readonly endLabel: string;
  readonly summary: string;
  readonly children?: (box: ChartBox) => ReactNode;
}) {
  const box: ChartBox = { xMax, yMin, yMax, width: W, height: H };
  return (
    <figure className="mini-chart">
      <figcaption>
        {title} <span className="muted">({unit})</span>
      </figcaption>
      <svg viewBox={`-28 -8 ${W + 40} ${H + 26}`} role="img" aria-label={`${title}: ${summary}`}>
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
        <text className="scale" x={0} y={H + 16} textAnchor="start">
          day 0
        </text>
        <text className="scale" x={W} y={H + 16} textAnchor="end">
          {endLabel}
        </text>
        <text className="scale visit-label" x={xOf(visitAt, box) - 2} y={2} textAnchor="end">
          visit
        </text>
        {hidden.map((h) => (
          <path key={`${h.at}-${h.words}`} className="hidden-fault" d={`M${xOf(h.at, box)} ${H + 1}l-4 7h8z`}>
            <title>{h.words}</title>
          </path>
        ))}
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
