import type { FieldProblem, PreviewCourse } from '@itps/scenarios';

/** What the page asks the preview worker: run this exercise document. */
export interface PreviewAsk {
  readonly id: number;
  readonly doc: Readonly<Record<string, unknown>>;
}

/** One course as the worker sends it (without the run record). */
export type SentCourse = Omit<PreviewCourse, 'run'>;

/** The worker's answer: both courses and the unpassable problems, or why there is none. */
export type PreviewAnswer =
  | {
      readonly id: number;
      readonly ok: true;
      readonly preview: { readonly idle: SentCourse; readonly plan: SentCourse | null };
      readonly unpassable: readonly FieldProblem[];
      readonly visitAt: number;
      /** The hidden faults of the timeline: when each begins, in words. */
      readonly hidden: readonly { readonly at: number; readonly words: string }[];
      readonly duration: number;
      readonly timeOfDayAtStart: number;
    }
  | { readonly id: number; readonly ok: false; readonly why: 'invalid' | 'failed'; readonly message?: string };
