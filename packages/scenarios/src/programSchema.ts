import * as z from 'zod';

/** A whole number from 0 to the largest safe integer (every base-unit quantity). */
export const wholeSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A pump's therapy as plain data (doses in pg/day, flex steps by minute of the day). */
export const therapySchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('simple'), dose: wholeSchema }),
  z.strictObject({
    mode: z.literal('flex'),
    steps: z
      .array(z.strictObject({ startMinute: wholeSchema, dose: wholeSchema }))
      .min(1)
      .max(48),
  }),
  z.strictObject({ mode: z.literal('minimum') }),
  z.strictObject({ mode: z.literal('stopped') }),
]);

/** The patient's therapy manager as plain data (dose in pg, times in ms). */
export const ptmSettingsSchema = z.strictObject({
  bolusDose: wholeSchema,
  bolusDurationMs: wholeSchema,
  lockoutMs: wholeSchema,
  maxPerDay: z.number().int().min(0).max(1000),
});

/** A drug of the library by its id. */
export const drugIdSchema = z.enum(['baclofen', 'morphine', 'ziconotide']);

/** A pump program as plain data (concentrations in mcg/mL): the lead drug, at most three admixed, the therapy. */
export const programSchema = z.strictObject({
  drug: drugIdSchema,
  concentration: wholeSchema,
  admixed: z
    .array(z.strictObject({ drug: drugIdSchema, concentration: wholeSchema }))
    .max(3)
    .optional(),
  therapy: therapySchema,
  ptm: ptmSettingsSchema.optional(),
});
