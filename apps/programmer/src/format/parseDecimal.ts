/** The outcome of reading a typed field. */
export type Parsed = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/**
 * Reads a decimal number typed into a field. The message names the field, what was expected and
 * what was found.
 */
export function parseDecimal(label: string, text: string, range: { min: number; max: number; unit: string }): Parsed {
  const trimmed = text.trim();
  const expected = `expected a number from ${range.min} to ${range.max} ${range.unit}`;
  if (!/^\d+(\.\d+)?$/.test(trimmed)) {
    return { ok: false, message: `${label}: ${expected}, found ${trimmed === '' ? 'nothing' : `"${trimmed}"`}.` };
  }
  const value = Number(trimmed);
  if (value < range.min || value > range.max) {
    return { ok: false, message: `${label}: ${expected}, found ${trimmed} ${range.unit}.` };
  }
  return { ok: true, value };
}
