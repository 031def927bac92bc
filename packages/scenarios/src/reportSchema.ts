import * as z from 'zod';
import type { Problem } from './problem.ts';
import type { ScenarioReport } from './report.ts';
import { zodProblems } from './zodProblems.ts';

const record = z.record(z.string(), z.unknown());

/** What `itps diff` reads of a saved report (report.json or `run --json`); other fields may be there. */
const reportFileSchema = z.looseObject({
  format: z.literal('itps-report/1'),
  name: z.string(),
  seed: z.number(),
  durationMs: z.number(),
  passed: z.boolean(),
  expectations: z.array(z.looseObject({ index: z.number(), passed: z.boolean() })),
  violations: z.array(z.looseObject({ requirement: z.string(), at: z.number(), message: z.string() })),
  events: z.array(z.looseObject({ at: z.number(), type: z.string() })),
  refusals: z.array(z.looseObject({ at: z.number(), message: z.string() })),
  final: z.looseObject({ belief: record, truth: record, patient: record.optional() }),
});

/** Reads a saved report as plain data, or says what is wrong with it (where, expected, found). */
export function readReport(
  root: unknown,
  file: string,
): { ok: true; report: ScenarioReport } | { ok: false; problems: Problem[] } {
  const parsed = reportFileSchema.safeParse(root);
  if (!parsed.success) return { ok: false, problems: zodProblems(file, root, parsed.error.issues) };
  return { ok: true, report: parsed.data as unknown as ScenarioReport };
}
