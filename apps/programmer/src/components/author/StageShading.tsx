import { type ChartBox, xOf } from '../../authoring/chartGeometry.ts';
import { type StageSegment, stageLabel } from '../../authoring/stageSegments.ts';

/** The shade's class of a stage: its colour in author.css. */
export const shadeClass = (s: Pick<StageSegment, 'kind' | 'stage'>): string => `shade-${s.kind}-${s.stage}`;

/** The patient's danger stages shaded behind a chart's lines, each named in words on hover. */
export function StageShading({
  segments,
  box,
}: {
  readonly segments: readonly StageSegment[];
  readonly box: ChartBox;
}) {
  return (
    <>
      {segments.map((s) => (
        <rect
          key={`${s.kind}-${s.stage}-${s.from}`}
          className={`stage ${shadeClass(s)}`}
          x={xOf(s.from, box)}
          y={0}
          width={Math.max(1, xOf(s.to, box) - xOf(s.from, box))}
          height={box.height}
        >
          <title>{stageLabel(s)}</title>
        </rect>
      ))}
    </>
  );
}

/** The key to the shades a chart shows: one swatch per stage met, in words. */
export function ShadeKey({ segments }: { readonly segments: readonly StageSegment[] }) {
  const seen = [...new Map(segments.map((s) => [shadeClass(s), s])).values()];
  if (seen.length === 0) return null;
  return (
    <ul className="legend shade-key">
      {seen.map((s) => (
        <li key={shadeClass(s)} className={`shade ${shadeClass(s)}`}>
          {stageLabel(s)}
        </li>
      ))}
    </ul>
  );
}
