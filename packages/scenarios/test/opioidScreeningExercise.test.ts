import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bedsideView, type Milliseconds } from '@itps/core';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenario, startTraining } from '../src/index.ts';
import { TRAINING_DIR } from './trainingHarness.ts';

// The opioid screening trial as a trainee plays it at the bedside: a single intrathecal dose of
// morphine, examinations through the day and at 24 hours, the decision. The figures are the core's
// opioid trial for this patient (opioid-naive, needs 0.5 mg/day, pain 7): 0.5 mg takes the pain to
// 2.3 at 8.65 h, breathing stays at 16; a pump starts at 0.5 mg/day.
const HOUR = 3_600_000;
const file = 'opioid-screening-trial.scenario.yaml';
const parsed = parseScenario(readFileSync(join(TRAINING_DIR, file), 'utf8'), file);
if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
const scenario = parsed.scenario;

function play(script: (t: ReturnType<typeof startTraining>, examine: () => string) => void) {
  const training = startTraining(scenario, { text: '', file });
  const examine = () => {
    const p = bedsideView(training.world.state()).pain;
    if (p === undefined) throw new Error('no patient treated for pain');
    const finding = `pain ${p.painScore}, ${p.sedationLevel}, ${p.respiratoryRatePerMin}/min, pupils ${p.pupils}`;
    training.apply({ type: 'clinical.act', action: 'clinical.examine', detail: finding });
    return finding;
  };
  script(training, examine);
  return training.finish().debrief;
}
const at = (t: ReturnType<typeof startTraining>, h: number) =>
  t.apply({ type: 'time.advance', to: (h * HOUR) as Milliseconds });

describe('the opioid screening trial exercise', () => {
  it('follows the protocol: 0.5 mg, examined at onset, peak and 24 h, a pump at 0.5 mg/day scores 100 %', () => {
    const findings: string[] = [];
    const debrief = play((t, examine) => {
      findings.push(examine());
      expect(t.apply({ type: 'patient.testDose', doseMcg: 500, drug: 'morphine' }).ok).toBe(true);
      for (const h of [2, 9, 24]) {
        at(t, h);
        findings.push(examine());
      }
      t.apply({ type: 'clinical.act', action: 'clinical.recommendImplant', detail: '0.5 mg/day' });
    });
    // pain 7 before; a little better at 2 h; 2 of 10 at the peak, breathing untouched; 5 by 24 h
    expect(findings).toEqual([
      'pain 7, alert, 16/min, pupils normal',
      'pain 5, alert, 16/min, pupils small',
      'pain 2, alert, 16/min, pupils small',
      'pain 5, alert, 16/min, pupils small',
    ]);
    expect(debrief.items.filter((r) => !r.passed)).toEqual([]);
    expect(debrief.scorePercent).toBe(100);
  });

  it('four times the trial dose (2 mg) slows her breathing at the peak, and costs the points that matter', () => {
    const debrief = play((t, examine) => {
      expect(t.apply({ type: 'patient.testDose', doseMcg: 2000, drug: 'morphine' }).ok).toBe(true);
      at(t, 2);
      examine();
      // 0.5 mg peaks at 1.5 times the need, so 2 mg at 6: 16 - 2 x (6 - 2.5) = 9 a minute, hard to rouse
      at(t, 9);
      expect(examine()).toBe('pain 1, hardToRouse, 9/min, pupils pinpoint');
    });
    const failed = debrief.items.filter((r) => !r.passed).map((r) => r.text);
    expect(failed).toEqual(
      expect.arrayContaining([
        'Trial dose of 0.5 mg this morning',
        'No respiratory depression from the trial dose',
        'Respiratory depression reached',
      ]),
    );
  });
});
