import { describe, expect, it } from 'vitest';
import { problemPlace, problemWords } from './problemWords.ts';

describe('problemWords', () => {
  it("says the instants of a message as days and clock times, without the file's field names", () => {
    expect(
      problemWords(
        'When the step is done: expected a time at or after the visit (training.visitAt, P35D): the trainee starts there; found P28DT1H.',
      ),
    ).toBe(
      'When the step is done: expected a time at or after the visit (day 35, 00:00): the trainee starts there; found day 28, 01:00.',
    );
    expect(problemWords('When it happens: expected a time within the duration (P30D); found PT2H.')).toBe(
      'When it happens: expected a time within the duration (day 30, 00:00); found day 0, 02:00.',
    );
  });

  it('leaves words that only look like durations alone', () => {
    expect(problemWords('Patient SIM-P2D and a PDF')).toBe('Patient SIM-P2D and a PDF');
  });

  it('names where a problem is: an event, a step of the right plan, an objective', () => {
    expect(problemPlace('timeline.0.at')).toBe('Event 1');
    expect(problemPlace('training.plan.1.at')).toBe('The right plan, step 2');
    expect(problemPlace('training.objectives[2].before')).toBe('Objective 3');
    expect(problemPlace('pump.reservoir.volumeMl')).toBeNull();
  });
});
