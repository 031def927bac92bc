import type { DraftFinding } from '@itps/core';

/**
 * The guard-rail findings on a draft, each with its severity in words: refusals are announced,
 * confirmations get a button until confirmed, and a value to type again says so.
 */
export function DraftFindings({
  findings,
  acknowledged,
  onConfirm,
}: {
  readonly findings: readonly DraftFinding[];
  readonly acknowledged: readonly string[];
  readonly onConfirm: (code: DraftFinding['code']) => void;
}) {
  // a code may come twice (the same rule on two admixed drugs): each finding is its own block
  return findings.map((f, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: findings are a fresh list each judgement, in the gate's order
    <div key={`${f.code}-${i}`} className={`finding ${f.severity}`} data-testid={`finding-${f.code}`}>
      <p role={f.severity === 'hard' ? 'alert' : undefined}>
        <strong>{f.severity === 'hard' ? 'Refused' : f.severity === 'confirm' ? 'Check' : 'Type it again'}:</strong>{' '}
        {f.message}
      </p>
      {f.severity === 'confirm' &&
        (acknowledged.includes(f.code) ? (
          <p className="ok">Confirmed.</p>
        ) : (
          <button type="button" onClick={() => onConfirm(f.code)}>
            Confirm this change
          </button>
        ))}
    </div>
  ));
}
