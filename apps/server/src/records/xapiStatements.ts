import { createHash } from 'node:crypto';
import type { ClassEvent, RecordSummary, TraineeAction } from '@itps/scenarios';

/**
 * The namespace of every IRI ITPS writes (activities, extensions, the trainees' accounts): a fixed
 * name under the reserved `.invalid` domain, never the server's address, so the same record gives the
 * same statement whatever address the server is reached at (a learning record store refuses a
 * statement id it has seen with other content).
 */
export const XAPI_NAMESPACE = 'https://itps.invalid/';
/** The UUID namespace statement ids are made in (uuid version 5, RFC 9562). */
const STATEMENT_NAMESPACE = 'b8a5c7f2-2f4e-4c1b-9a55-1f3e0c6d2a91';

/** ADL's verbs for a finished, scored attempt. */
const VERBS = {
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
} as const;

/** The extensions' IRIs. */
export const XAPI_EXTENSIONS = {
  exerciseVersion: `${XAPI_NAMESPACE}xapi/exercise-version`,
  libraryExercise: `${XAPI_NAMESPACE}xapi/library-exercise`,
  libraryVersion: `${XAPI_NAMESPACE}xapi/library-version`,
  record: `${XAPI_NAMESPACE}xapi/record`,
  seat: `${XAPI_NAMESPACE}xapi/seat`,
  faults: `${XAPI_NAMESPACE}xapi/faults-injected`,
  instructor: `${XAPI_NAMESPACE}xapi/instructor-actions`,
  trainee: `${XAPI_NAMESPACE}xapi/trainee-actions`,
  link: `${XAPI_NAMESPACE}xapi/device-link`,
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
    readonly extensions: Record<string, unknown>;
  };
  readonly timestamp: string;
}

/** A version 5 UUID (RFC 9562: SHA-1 of the namespace's bytes and the name) of `name`. */
export function uuidV5(name: string, namespace: string = STATEMENT_NAMESPACE): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** ISO 8601 duration in seconds, as xAPI's result.duration wants it. */
function duration(from: string, to: string): string {
  const seconds = Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);
  return `PT${Math.round(seconds * 100) / 100}S`;
}

const eventOf = (e: ClassEvent) => ({ kind: e.kind, at: e.at, when: e.when, detail: e.detail, ok: e.ok });
const actionOf = (a: TraineeAction) => ({
  type: a.type,
  at: a.at,
  ...(a.detail === undefined ? {} : { detail: a.detail }),
});

/**
 * The records as xAPI statements: the trainee (an account in ITPS's namespace) passed or failed the
 * exercise (a simulation activity, its version in the context), with the score, and what happened
 * in it: the faults the instructor injected (what, when), the instructor's other actions, the
 * trainee's actions and their device's link. A statement's id is a version 5 UUID of its class, seat
 * and verb (of the record when it has no seat), so exporting again gives the same statement.
 */
export function xapiStatements(records: readonly RecordSummary[]): XapiStatement[] {
  return records.map((r) => {
    const verb = r.passed ? VERBS.passed : VERBS.failed;
    const events = r.events ?? [];
    const of = (kinds: readonly ClassEvent['kind'][]) => events.filter((e) => kinds.includes(e.kind)).map(eventOf);
    return {
      id: uuidV5(
        r.seatId == null
          ? `record/${r.id}/${verb.display['en-US']}`
          : `${r.classId}/${r.seatId}/${verb.display['en-US']}`,
      ),
      actor: { objectType: 'Agent', name: r.traineeName, account: { homePage: XAPI_NAMESPACE, name: r.traineeId } },
      verb,
      object: {
        objectType: 'Activity',
        id: `${XAPI_NAMESPACE}exercises/${encodeURIComponent(r.exerciseFile)}`,
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
          [XAPI_EXTENSIONS.exerciseVersion]: r.exerciseVersion,
          ...(r.library == null
            ? {}
            : { [XAPI_EXTENSIONS.libraryExercise]: r.library.id, [XAPI_EXTENSIONS.libraryVersion]: r.library.version }),
          [XAPI_EXTENSIONS.record]: r.id,
          ...(r.seatId == null ? {} : { [XAPI_EXTENSIONS.seat]: r.seatId }),
          [XAPI_EXTENSIONS.faults]: of(['fault']),
          [XAPI_EXTENSIONS.instructor]: of(['run', 'pause', 'end', 'remove']),
          [XAPI_EXTENSIONS.link]: of(['join', 'leave', 'back', 'finish']),
          [XAPI_EXTENSIONS.trainee]: (r.actions ?? []).map(actionOf),
        },
      },
      timestamp: r.finishedAt,
    };
  });
}
