import { type ClassEvent, eventWords, type RecordSummary } from '@itps/scenarios';

/** A simulated instant as hours since the exercise's t = 0 (the debrief's clock is the scenario's). */
const hours = (at: number) => `${(at / 3_600_000).toFixed(2)} h`;

/** Class events of some kinds, in a cell: what, at the exercise's time, the real instant, refused ones said. */
const eventsCell = (r: RecordSummary, kinds: readonly ClassEvent['kind'][]) =>
  (r.events ?? [])
    .filter((e) => kinds.includes(e.kind))
    .map(
      (e) =>
        `${e.kind === 'fault' ? e.detail : `${e.kind}${e.detail === null ? '' : ` (${e.detail})`}`} at ${hours(e.at)} (${e.when})${e.ok ? '' : ', refused by the pump'}`,
    )
    .join('; ');

const COLUMNS: readonly [string, (r: RecordSummary) => string][] = [
  ['record', (r) => r.id],
  ['trainee', (r) => r.traineeName],
  ['exercise', (r) => r.exerciseName],
  ['exercise file', (r) => r.exerciseFile],
  ['exercise version', (r) => r.exerciseVersion],
  ['library exercise', (r) => r.library?.id ?? ''],
  ['library version', (r) => (r.library == null ? '' : String(r.library.version))],
  ['class', (r) => r.classId ?? ''],
  ['seat', (r) => r.seatId ?? ''],
  ['started', (r) => r.startedAt],
  ['finished', (r) => r.finishedAt],
  ['score %', (r) => String(r.scorePercent)],
  ['passed', (r) => (r.passed ? 'yes' : 'no')],
  ['faults injected', (r) => eventsCell(r, ['fault'])],
  ['instructor actions', (r) => eventsCell(r, ['run', 'pause', 'end', 'remove'])],
  [
    'trainee actions',
    (r) =>
      (r.actions ?? [])
        .map((a) => `${eventWords(a.type)}${a.detail === undefined ? '' : ` (${a.detail})`} at ${hours(a.at)}`)
        .join('; '),
  ],
  ['device link', (r) => eventsCell(r, ['join', 'leave', 'back', 'finish'])],
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
