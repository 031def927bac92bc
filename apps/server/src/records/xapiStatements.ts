import { createHash } from 'node:crypto';
import type { RecordSummary } from '@itps/scenarios';

/** ADL's verbs for a finished, scored attempt. */
const VERBS = {
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
} as const;

/** An xAPI statement (1.0.3) as a learning record store takes it. */
export interface XapiStatement {
  readonly id: string;
  readonly actor: {
    readonly objectType: 'Agent';
    readonly name: string;
    readonly account: { readonly homePage: string; readonly name: string };
  };
  readonly verb: (typeof VERBS)[keyof typeof VERBS];
  readonly object: {
    readonly objectType: 'Activity';
    readonly id: string;
    readonly definition: {
      readonly name: { readonly 'en-US': string };
      readonly type: 'http://adlnet.gov/expapi/activities/simulation';
    };
  };
  readonly result: {
    readonly score: { readonly scaled: number; readonly raw: number; readonly min: 0; readonly max: 100 };
    readonly success: boolean;
    readonly completion: true;
    readonly duration: string;
  };
  readonly context: {
    readonly platform: 'ITPS';
    readonly registration?: string;
    readonly extensions: Record<string, string>;
  };
  readonly timestamp: string;
}

/** A stable UUID (version 5 layout) from a record's id, so exporting twice gives the same statement ids. */
function statementId(recordId: string): string {
  const hex = createHash('sha1').update(`itps-statement:${recordId}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** ISO 8601 duration in seconds, as xAPI's result.duration wants it. */
function duration(from: string, to: string): string {
  const seconds = Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);
  return `PT${Math.round(seconds * 100) / 100}S`;
}

/**
 * The records as xAPI statements: the trainee (an account on this ITPS server) passed or failed the
 * exercise (a simulation activity, its version in the context), with the score.
 */
export function xapiStatements(records: readonly RecordSummary[], homePage: string): XapiStatement[] {
  const base = homePage.replace(/\/+$/, '');
  return records.map((r) => ({
    id: statementId(r.id),
    actor: { objectType: 'Agent', name: r.traineeName, account: { homePage: base, name: r.traineeId } },
    verb: r.passed ? VERBS.passed : VERBS.failed,
    object: {
      objectType: 'Activity',
      id: `${base}/exercises/${encodeURIComponent(r.exerciseFile)}`,
      definition: {
        name: { 'en-US': r.exerciseName },
        type: 'http://adlnet.gov/expapi/activities/simulation',
      },
    },
    result: {
      score: { scaled: r.scorePercent / 100, raw: r.scorePercent, min: 0, max: 100 },
      success: r.passed,
      completion: true,
      duration: duration(r.startedAt, r.finishedAt),
    },
    context: {
      platform: 'ITPS',
      ...(r.classId === null ? {} : { registration: r.classId }),
      extensions: {
        [`${base}/xapi/exercise-version`]: r.exerciseVersion,
        [`${base}/xapi/record`]: r.id,
      },
    },
    timestamp: r.finishedAt,
  }));
}
