import { describe, expect, it } from 'vitest';
import { describeFound, eventWords, expectedWords, failureLine, quoteShort } from '../src/index.ts';

// How a problem names what it found, and how a report names what it expected: short, whatever the input.
describe('problems and expectations in words', () => {
  it.each([
    [undefined, 'nothing'],
    [Number.NaN, 'NaN (not a number)'],
    [Number.POSITIVE_INFINITY, 'infinity (or a number too large)'],
    [Number.NEGATIVE_INFINITY, '-infinity (or a number too large)'],
    [Array.from({ length: 21 }, () => 0), 'a list of 21 entries'],
    [Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i])), 'a mapping of 21 fields'],
    ['x'.repeat(61), `${JSON.stringify('x'.repeat(50))}... (61 characters)`],
    [() => 1, '() => 1'],
    [{ a: 'y'.repeat(70) }, `${JSON.stringify({ a: 'y'.repeat(70) }).slice(0, 57)}...`],
    [12.5, '12.5'],
  ])('found %s reads as %s', (value, words) => {
    expect(describeFound(value)).toBe(words);
  });

  it('quotes text short', () => {
    expect(quoteShort('abc')).toBe('"abc"');
    expect(quoteShort('a\nb'.repeat(30), 10)).toBe(
      `${JSON.stringify('a\nb'.repeat(30).slice(0, 10))}... (90 characters)`,
    );
  });

  it('an expected value missing its tolerance or bound reads as zero, and a row without an instant has none', () => {
    expect(expectedWords({ near: 2 })).toBe('near 2 ± 0');
    expect(expectedWords({ min: 1 })).toBe('from 1 to 0');
    expect(
      failureLine({
        index: 3,
        at: null,
        subject: 'event bolus.completed',
        expected: 'once',
        found: 'never',
        passed: false,
      }),
    ).toBe('expect[3]: event bolus.completed: expected once, found never');
  });

  it('names an event it has no words for by its parts, never by a code', () => {
    expect(eventWords('alarm.newAlarm.raised')).toBe('Pump alarm raised');
    expect(eventWords('patient.overdose.unheard')).toBe('The patient reached an unrecognised overdose stage');
    expect(eventWords('pump.something.new')).toBe('pump something new');
  });
});
