import type { RecordSummary } from '@itps/scenarios';
import { describe, expect, it } from 'vitest';
import { csvField, recordsCsv } from '../src/records/recordsCsv.ts';
import { xapiStatements } from '../src/records/xapiStatements.ts';

const ana: RecordSummary = {
  id: '11111111-1111-4111-8111-111111111111',
  traineeId: '22222222-2222-4222-8222-222222222222',
  traineeName: 'Ana',
  classId: '33333333-3333-4333-8333-333333333333',
  exerciseFile: 'flex-entry-error.scenario.yaml',
  exerciseName: 'Training: the drowsy patient',
  exerciseVersion: '15e692f7e78c',
  startedAt: '2026-11-30T09:00:00.000Z',
  finishedAt: '2026-11-30T09:12:30.500Z',
  scorePercent: 75,
  passed: true,
};

describe('recordsCsv', () => {
  it('quotes what needs quoting and writes a name a spreadsheet would run as text', () => {
    expect(csvField('Ana')).toBe('Ana');
    expect(csvField('O\'Neil, "Benny"')).toBe('"O\'Neil, ""Benny"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes a header and one CRLF line a record', () => {
    expect(recordsCsv([ana])).toBe(
      'record,trainee,exercise,exercise file,exercise version,class,started,finished,score %,passed\r\n' +
        '11111111-1111-4111-8111-111111111111,Ana,Training: the drowsy patient,flex-entry-error.scenario.yaml,15e692f7e78c,33333333-3333-4333-8333-333333333333,2026-11-30T09:00:00.000Z,2026-11-30T09:12:30.500Z,75,yes\r\n',
    );
  });
});

describe('xapiStatements', () => {
  it('says the trainee passed the exercise with its score, duration and version, under a stable id', () => {
    const [statement] = xapiStatements([ana], 'http://10.0.0.5:4173/');
    expect(statement).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      actor: { objectType: 'Agent', name: 'Ana', account: { homePage: 'http://10.0.0.5:4173', name: ana.traineeId } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
      object: {
        objectType: 'Activity',
        id: 'http://10.0.0.5:4173/exercises/flex-entry-error.scenario.yaml',
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
          'http://10.0.0.5:4173/xapi/exercise-version': '15e692f7e78c',
          'http://10.0.0.5:4173/xapi/record': ana.id,
        },
      },
      timestamp: '2026-11-30T09:12:30.500Z',
    });
    expect(xapiStatements([ana], 'http://10.0.0.5:4173/')[0]?.id).toBe(statement?.id);
    expect(xapiStatements([{ ...ana, passed: false, scorePercent: 40 }], 'http://h/')[0]?.verb.id).toBe(
      'http://adlnet.gov/expapi/verbs/failed',
    );
  });
});
