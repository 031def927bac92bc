import type { RecordSummary } from '@itps/scenarios';

const COLUMNS: readonly [string, (r: RecordSummary) => string][] = [
  ['record', (r) => r.id],
  ['trainee', (r) => r.traineeName],
  ['exercise', (r) => r.exerciseName],
  ['exercise file', (r) => r.exerciseFile],
  ['exercise version', (r) => r.exerciseVersion],
  ['class', (r) => r.classId ?? ''],
  ['started', (r) => r.startedAt],
  ['finished', (r) => r.finishedAt],
  ['score %', (r) => String(r.scorePercent)],
  ['passed', (r) => (r.passed ? 'yes' : 'no')],
];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a field a
 * spreadsheet would run as a formula (a trainee may type any name) is written as text.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The records as CSV, a header line first, lines ending CRLF. */
export function recordsCsv(records: readonly RecordSummary[]): string {
  const lines = [COLUMNS.map(([name]) => csvField(name)).join(',')];
  for (const record of records) lines.push(COLUMNS.map(([, read]) => csvField(read(record))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
