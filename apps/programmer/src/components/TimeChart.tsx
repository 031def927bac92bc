import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** One line of a {@link TimeChart}. */
export interface ChartLine {
  readonly label: string;
  readonly color: string;
  readonly dash?: boolean;
  /** Drawn as steps (a programmed dose, a stage) rather than a slope. */
  readonly stepped?: boolean;
}

/**
 * Tick labels of the time axis in the unit the span reads best in (seconds, minutes, hours, days),
 * with as many decimals as the tick spacing needs, so no two labels read the same.
 */
export function timeTicks(u: uPlot, splits: number[]): string[] {
  const span = (u.scales.x?.max ?? 1) - (u.scales.x?.min ?? 0);
  const [perDay, unit] =
    span < 2 / 1440 ? [86_400, 's'] : span < 2 / 24 ? [1440, 'min'] : span < 2 ? [24, 'h'] : [1, 'd'];
  const step = splits.length > 1 ? Math.abs((splits[1] ?? 0) - (splits[0] ?? 0)) * perDay : 1;
  // the fewest decimals (up to 3) that write the spacing itself exactly: 7.2 min apart needs one
  let decimals = 0;
  while (decimals < 3 && Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) > 1e-6) decimals += 1;
  return splits.map((d) => `${(d * perDay).toFixed(decimals)} ${unit}`);
}

/** The value axis spans at least 2 % of its values, so a nearly flat line is drawn flat, not as noise. */
function valueRange(_u: uPlot, min: number | null, max: number | null): [number, number] {
  const lo = min ?? 0;
  const hi = max ?? 1;
  const least = Math.max(Math.abs(hi) * 0.02, 1e-3);
  if (hi - lo >= least) return [Math.min(0, lo), hi + (hi - lo) * 0.05];
  const mid = (hi + lo) / 2;
  return [Math.min(0, mid - least / 2), mid + least / 2];
}

/**
 * A plot over simulated days (uPlot): one x axis in days, the lines given, and a text summary for
 * screen readers since a canvas says nothing. The plot is made once and its data replaced on update.
 */
export function TimeChart({
  title,
  unit,
  days,
  lines,
  values,
  summary,
  height = 180,
}: {
  readonly title: string;
  readonly unit: string;
  readonly days: readonly number[];
  readonly lines: readonly ChartLine[];
  readonly values: readonly (readonly (number | null)[])[];
  readonly summary: string;
  readonly height?: number;
}) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = lines.map((l) => `${l.label}${l.color}`).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the plot is rebuilt only when its lines change; data updates go through setData below
  useEffect(() => {
    const el = host.current;
    if (el === null) return;
    const width = Math.max(280, el.clientWidth || 480);
    const made = new uPlot(
      {
        width,
        height,
        scales: { x: { time: false }, y: { range: valueRange } },
        axes: [
          { label: 'time since start', values: timeTicks },
          { label: unit, values: (_u: uPlot, splits: number[]) => splits.map((v) => String(Number(v.toPrecision(4)))) },
        ],
        legend: { show: true },
        series: [
          { label: 'day', value: (_u: uPlot, d: number | null) => (d === null ? '–' : `day ${d.toFixed(2)}`) },
          ...lines.map((l) => ({
            label: l.label,
            stroke: l.color,
            width: 2,
            ...(l.dash ? { dash: [6, 4] } : {}),
            ...(l.stepped && uPlot.paths.stepped ? { paths: uPlot.paths.stepped({ align: 1 }) } : {}),
          })),
        ],
      },
      [[], ...lines.map(() => [])],
      el,
    );
    plot.current = made;
    // the plot follows its container's width (a tablet turned, a window resized), never wider
    const resize = new ResizeObserver(() => {
      const w = Math.max(280, el.clientWidth);
      if (Math.abs(w - made.width) > 1) made.setSize({ width: w, height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      made.destroy();
      plot.current = null;
    };
  }, [shape, height, unit]);
  useEffect(() => {
    plot.current?.setData([days as number[], ...(values as (number | null)[][])]);
  }, [days, values]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={host} role="img" aria-label={`${title}: ${summary}`} />
    </figure>
  );
}
