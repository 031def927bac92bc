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

/** A pump program as plain data (concentration in mcg/mL). */
export const programSchema = z.strictObject({
  drug: z.literal('baclofen'),
  concentration: wholeSchema,
  therapy: therapySchema,
  ptm: ptmSettingsSchema.optional(),
});
