import type { SeatSummary } from '@itps/scenarios';

/** The patient's stage in a clinician's words, "in danger" said in words too (not by colour alone). */
const OVERDOSE_WORDS: Readonly<Record<string, string>> = {
  drowsy: 'drowsy',
  somnolent: 'somnolent',
  respiratoryDepression: 'respiratory depression',
  coma: 'coma',
};

/** Whether the row must stand out: breathing depressed, unconscious, or severe withdrawal. */
export function patientInDanger(s: SeatSummary): boolean {
  const p = s.patient;
  return p != null && (p.overdose === 'respiratoryDepression' || p.overdose === 'coma' || p.withdrawal === 'severe');
}

/** The patient's stage as the console's row says it: "stable", "drowsy, early withdrawal", "In danger: respiratory depression". */
export function patientWords(s: SeatSummary): string {
  const p = s.patient;
  if (p == null) return 'no patient';
  const words = [
    p.overdose === 'none' ? null : (OVERDOSE_WORDS[p.overdose] ?? p.overdose),
    p.withdrawal === 'none' ? null : `${p.withdrawal} withdrawal`,
  ].filter((w) => w !== null);
  const said = words.length === 0 ? 'stable' : words.join(', ');
  return patientInDanger(s) ? `In danger: ${said}` : said;
}
