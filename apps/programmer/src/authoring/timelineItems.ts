import { FAULT_KIND_WORDS } from './exerciseWords.ts';

/** One marker on the editor's timeline: what it is, in words, and the path of its instant. */
export interface TimelineMarker {
  /** The path of its instant (`timeline.2.at`, `training.visitAt`). */
  readonly atPath: string;
  /** The path of its end, when it has one (a fault that stops). */
  readonly untilPath: string | null;
  readonly words: string;
  readonly kind: 'fault' | 'colleague' | 'visit' | 'other';
}

const faultWords = (kind: unknown) => FAULT_KIND_WORDS.find(([k]) => k === kind)?.[1] ?? 'A fault';

/** What a timeline action is, said as an educator would. */
export function actionWords(action: Readonly<Record<string, unknown>>): {
  words: string;
  kind: TimelineMarker['kind'];
} {
  switch (action.action) {
    case 'fault':
      return { words: faultWords(action.kind), kind: 'fault' };
    case 'refill':
      return {
        words: action.needle === 'pocket' ? "A colleague's refill, into the pocket" : "A colleague's refill",
        kind: 'colleague',
      };
    case 'needle':
      return { words: "A colleague's needle at the pump", kind: 'colleague' };
    case 'program':
      return { words: "A colleague's program change", kind: 'colleague' };
    case 'session':
      return { words: 'A colleague at the programmer', kind: 'colleague' };
    case 'bolus':
      return { words: "A colleague's bolus", kind: 'colleague' };
    case 'setLowReservoirAlarm':
      return { words: 'A colleague sets the low reservoir alarm', kind: 'colleague' };
    case 'interrogate':
      return { words: 'A colleague interrogates the pump', kind: 'colleague' };
    case 'mri':
      return { words: 'An MRI scan', kind: 'other' };
    case 'link':
      return { words: 'Telemetry trouble', kind: 'other' };
    default:
      return { words: 'Another event', kind: 'other' };
  }
}

/** The markers of an exercise: each timeline action, then the trainee's visit. */
export function timelineMarkers(doc: Readonly<Record<string, unknown>>): TimelineMarker[] {
  const timeline = Array.isArray(doc.timeline) ? (doc.timeline as Record<string, unknown>[]) : [];
  const markers: TimelineMarker[] = timeline.map((action, i) => ({
    atPath: `timeline.${i}.at`,
    untilPath: action.action === 'fault' && action.until !== undefined ? `timeline.${i}.until` : null,
    ...actionWords(action),
  }));
  const training = doc.training as Record<string, unknown> | undefined;
  if (training !== undefined)
    markers.push({
      atPath: 'training.visitAt',
      untilPath: null,
      words: 'The trainee arrives (the visit)',
      kind: 'visit',
    });
  return markers;
}
