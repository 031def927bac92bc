import type { WorldCommand } from '@itps/core';
import * as z from 'zod';
import { formatProblem } from '../problem.ts';
import { programSchema, wholeSchema } from '../programSchema.ts';
import { zodProblems } from '../zodProblems.ts';

const WORKFLOWS = [
  'refill',
  'doseChange',
  'flexSchedule',
  'bolus',
  'alarmThreshold',
  'stopRestart',
  'mriPreparation',
  'catheterData',
  'alarmTest',
  'bridgeBolus',
  'ptm',
  'replacement',
] as const;

const update = z.strictObject({
  program: programSchema.optional(),
  calculatedReservoir: wholeSchema.optional(),
  lowReservoirThreshold: wholeSchema.optional(),
  catheterVolumeEntered: wholeSchema.optional(),
});
const bolus = z.strictObject({
  kind: z.enum(['single', 'priming', 'bridge']),
  volume: wholeSchema,
  durationMs: wholeSchema,
});
const draft = z.strictObject({
  update,
  bolus: bolus.nullable(),
  alarmTest: z.boolean(),
  bridgeDecision: z.enum(['bridge', 'none']).nullable(),
  replacementCatheter: z.enum(['kept', 'new']).optional(),
});
const code = z.string().min(1).max(200);

/** What a clinician does on the programmer: the session's clinician events, nothing a pump or link says. */
const clinicianEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('session.connect') }),
  z.strictObject({ type: z.literal('refill.aspirate') }),
  z.strictObject({
    type: z.literal('refill.inject'),
    volume: wholeSchema.max(40_000_000),
    concentration: z.number().int().min(1).max(100_000),
    // what the syringe really holds, when not the program's drug alone: each drug once, lead first
    solution: z
      .array(
        z.strictObject({
          drug: z.enum(['baclofen', 'morphine', 'ziconotide']),
          concentration: z.number().int().min(1).max(100_000),
        }),
      )
      .min(1)
      .max(3)
      .refine((parts) => new Set(parts.map((p) => p.drug)).size === parts.length, 'each drug once')
      .optional(),
  }),
  z.strictObject({ type: z.literal('session.disconnect') }),
  z.strictObject({ type: z.literal('workflow.start'), workflow: z.enum(WORKFLOWS) }),
  z.strictObject({ type: z.literal('workflow.cancel') }),
  z.strictObject({ type: z.literal('draft.change'), draft }),
  z.strictObject({ type: z.literal('finding.confirm'), code }),
  z.strictObject({ type: z.literal('draft.reenter'), draft }),
  z.strictObject({ type: z.literal('review.open') }),
  z.strictObject({ type: z.literal('review.back') }),
  z.strictObject({ type: z.literal('review.confirm') }),
  z.strictObject({ type: z.literal('session.verify') }),
  z.strictObject({ type: z.literal('session.retry') }),
  z.strictObject({ type: z.literal('therapy.restart') }),
  z.strictObject({ type: z.literal('replacement.readNew') }),
]);

/**
 * What a trainee's device may ask of their world in a class: an act on the programmer (a refill's
 * needle acts among them, so the session holds what the needle did), a test dose by lumbar
 * puncture, a bedside act, a press of the patient's PTM handheld, the surgeon's steps at a pump replacement. A bare needle outside the programmer's refill is not a trainee's command. Time, faults, the link and scenario steps are the
 * instructor's and the server's, so they are not here.
 */
export const traineeCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('programmer.act'), event: clinicianEvent }),
  // the world bounds each drug's trial dose (baclofen 200 mcg, morphine 2000 mcg); this bounds the message
  z.strictObject({
    type: z.literal('patient.testDose'),
    doseMcg: z.number().int().min(1).max(2000),
    drug: z.enum(['baclofen', 'morphine']).optional(),
  }),
  // the patient's handheld at the bedside (the trainee presses it for the patient); never the programmer's
  z.strictObject({ type: z.literal('ptm.press') }),
  // the surgeon's steps at a pump replacement, on the trainee's word (the world refuses what does not apply)
  z.strictObject({
    type: z.literal('pump.replace'),
    replacement: z.strictObject({
      profileId: z.enum(['synchromed-ii-20', 'synchromed-ii-40', 'prometra-ii-20']),
      catheter: z.enum(['kept', 'new']),
      newCatheterVolume: wholeSchema.max(1_000_000).optional(),
    }),
  }),
  z.strictObject({ type: z.literal('pump.connect') }),
  z.strictObject({
    type: z.literal('clinical.act'),
    action: z.string().min(1).max(100),
    detail: z.string().max(500).optional(),
  }),
]);

/** A trainee's command, checked whole: the command, or what was wrong with it (path, expected, found). */
export type TraineeCommandCheck =
  | { readonly ok: true; readonly command: WorldCommand }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Checks what a trainee's device sent as a command before it may touch a world. */
export function parseTraineeCommand(value: unknown): TraineeCommandCheck {
  const parsed = traineeCommandSchema.safeParse(value);
  if (parsed.success) return { ok: true, command: parsed.data as WorldCommand };
  return { ok: false, problems: zodProblems('command', value, parsed.error.issues).map(formatProblem) };
}
