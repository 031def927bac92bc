import type { RecordSummary } from '@itps/scenarios';
import validateStatement from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { csvField, recordsCsv } from '../src/records/recordsCsv.ts';
import { uuidV5, XAPI_EXTENSIONS, xapiStatements } from '../src/records/xapiStatements.ts';

const ana: RecordSummary = {
  id: '11111111-1111-4111-8111-111111111111',
  traineeId: '22222222-2222-4222-8222-222222222222',
  traineeName: 'Ana',
  classId: '33333333-3333-4333-8333-333333333333',
  seatId: '44444444-4444-4444-8444-444444444444',
  exerciseFile: 'flex-entry-error.scenario.yaml',
  exerciseName: 'Training: the drowsy patient',
  exerciseVersion: '15e692f7e78c',
  startedAt: '2026-11-30T09:00:00.000Z',
  finishedAt: '2026-11-30T09:12:30.500Z',
  scorePercent: 75,
  passed: true,
  events: [
    { at: 36_000_000, when: '2026-11-30T09:00:00.000Z', by: 'trainee', kind: 'join', detail: null, ok: true },
    {
      at: 36_000_000,
      when: '2026-11-30T09:01:00.000Z',
      by: 'instructor',
      kind: 'run',
      detail: '1 simulated hour a second',
      ok: true,
    },
    {
      at: 39_600_000,
      when: '2026-11-30T09:01:01.000Z',
      by: 'instructor',
      kind: 'fault',
      detail: 'Catheter occlusion (full)',
      ok: true,
    },
    { at: 45_000_000, when: '2026-11-30T09:12:30.500Z', by: 'instructor', kind: 'end', detail: null, ok: true },
  ],
  actions: [{ at: 40_500_000, type: 'clinical.suspectCatheter' }],
};

/** Every problem the maintained validator finds in a statement, in words (none for a valid one). */
const problems = (statement: unknown) =>
  validateStatement(statement).map((w) => `${w.path.join('.')}: ${w.constructor.name}`);

describe('recordsCsv', () => {
  it('quotes what needs quoting and writes a name a spreadsheet would run as text', () => {
    expect(csvField('Ana')).toBe('Ana');
    expect(csvField('O\'Neil, "Benny"')).toBe('"O\'Neil, ""Benny"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes a header and one CRLF line a record, with the faults injected, the instructor and the trainee', () => {
    expect(recordsCsv([ana])).toBe(
      'record,trainee,exercise,exercise file,exercise version,library exercise,library version,class,seat,started,finished,score %,passed,faults injected,instructor actions,trainee actions,device link\r\n' +
        '11111111-1111-4111-8111-111111111111,Ana,Training: the drowsy patient,flex-entry-error.scenario.yaml,15e692f7e78c,,,33333333-3333-4333-8333-333333333333,44444444-4444-4444-8444-444444444444,2026-11-30T09:00:00.000Z,2026-11-30T09:12:30.500Z,75,yes,' +
        'Catheter occlusion (full) at 11.00 h (2026-11-30T09:01:01.000Z),' +
        'run (1 simulated hour a second) at 10.00 h (2026-11-30T09:01:00.000Z); end at 12.50 h (2026-11-30T09:12:30.500Z),' +
        'Suspect a catheter problem at 11.25 h,' +
        'join at 10.00 h (2026-11-30T09:00:00.000Z)\r\n',
    );
  });

  it('names the library exercise and version a record was made on', () => {
    const library = { id: '55555555-5555-4555-8555-555555555555', version: 3 };
    const [header, row] = recordsCsv([{ ...ana, exerciseFile: `library/${library.id}`, library }]).split('\r\n');
    const cells = row?.split(',') ?? [];
    const at = (name: string) => cells[header?.split(',').indexOf(name) ?? -1];
    expect([at('exercise file'), at('library exercise'), at('library version')]).toEqual([
      'library/55555555-5555-4555-8555-555555555555',
      '55555555-5555-4555-8555-555555555555',
      '3',
    ]);
  });
});

describe('xapiStatements', () => {
  it('makes version 5 UUIDs as RFC 9562 does (its DNS example)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('says the trainee passed the exercise with its score, duration, version and story, under an id of class, seat and verb', () => {
    const [statement] = xapiStatements([ana]);
    expect(statement).toEqual({
      id: uuidV5(`${ana.classId}/${ana.seatId}/passed`),
      actor: { objectType: 'Agent', name: 'Ana', account: { homePage: 'https://itps.invalid/', name: ana.traineeId } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
      object: {
        objectType: 'Activity',
        id: 'https://itps.invalid/exercises/flex-entry-error.scenario.yaml',
        definition: {
          name: { 'en-US': 'Training: the drowsy patient' },
          type: 'http://adlnet.gov/expapi/activities/simulation',
        },
      },
      result: {
        score: { scaled: 0.75, raw: 75, min: 0, max: 100 },
        success: true,
        completion: true,
        duration: 'PT750.5S',
      },
      context: {
        platform: 'ITPS',
        registration: ana.classId,
        extensions: {
          [XAPI_EXTENSIONS.exerciseVersion]: '15e692f7e78c',
          [XAPI_EXTENSIONS.record]: ana.id,
          [XAPI_EXTENSIONS.seat]: ana.seatId,
          [XAPI_EXTENSIONS.faults]: [
            {
              kind: 'fault',
              at: 39_600_000,
              when: '2026-11-30T09:01:01.000Z',
              detail: 'Catheter occlusion (full)',
              ok: true,
            },
          ],
          [XAPI_EXTENSIONS.instructor]: [
            {
              kind: 'run',
              at: 36_000_000,
              when: '2026-11-30T09:01:00.000Z',
              detail: '1 simulated hour a second',
              ok: true,
            },
            { kind: 'end', at: 45_000_000, when: '2026-11-30T09:12:30.500Z', detail: null, ok: true },
          ],
          [XAPI_EXTENSIONS.link]: [
            { kind: 'join', at: 36_000_000, when: '2026-11-30T09:00:00.000Z', detail: null, ok: true },
          ],
          [XAPI_EXTENSIONS.trainee]: [{ type: 'clinical.suspectCatheter', at: 40_500_000 }],
        },
      },
      timestamp: '2026-11-30T09:12:30.500Z',
    });
    expect(problems(statement)).toEqual([]);
    expect(xapiStatements([{ ...ana, passed: false, scorePercent: 40 }])[0]?.verb.id).toBe(
      'http://adlnet.gov/expapi/verbs/failed',
    );
  });

  it('names the library exercise and its version in the context, in a statement the validator takes', () => {
    const library = { id: '55555555-5555-4555-8555-555555555555', version: 3 };
    const [statement] = xapiStatements([{ ...ana, exerciseFile: `library/${library.id}`, library }]);
    expect(statement?.object.id).toBe('https://itps.invalid/exercises/library%2F55555555-5555-4555-8555-555555555555');
    expect(statement?.context.extensions).toMatchObject({
      [XAPI_EXTENSIONS.libraryExercise]: library.id,
      [XAPI_EXTENSIONS.libraryVersion]: 3,
    });
    expect(problems(statement)).toEqual([]);
  });

  it('the validator refuses what a learning record store would (so a pass above means something)', () => {
    const [statement] = xapiStatements([ana]);
    expect(problems({ ...statement, id: 'not-a-uuid' })).not.toEqual([]);
    expect(problems({ ...statement, object: { ...statement?.object, id: 'not an iri' } })).not.toEqual([]);
    expect(problems({ ...statement, result: { ...statement?.result, score: { scaled: 7 } } })).not.toEqual([]);
  });
});
