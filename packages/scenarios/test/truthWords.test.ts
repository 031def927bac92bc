import { describe, expect, it } from 'vitest';
import { startTraining } from '../src/index.ts';
import { smallScenario } from './smallScenario.ts';

// The debrief's hidden-truth lane in a clinician's words, for every fault and what colleagues did.
describe('the hidden truth in the debrief', () => {
  it('names each fault and each colleague action in clinical words, with clock times', () => {
    const s = smallScenario({
      duration: 'P1D',
      patient: { origin: 'spinal' },
      timeline: [
        { at: 'PT1H', action: 'fault', kind: 'catheterOcclusion', blockedPercent: 40, until: 'PT2H' },
        { at: 'PT1H', action: 'fault', kind: 'catheterKink', period: 'PT6H', kinkedPercent: 50, until: 'PT3H' },
        { at: 'PT3H', action: 'fault', kind: 'catheterDisconnect', until: 'PT4H' },
        { at: 'PT4H', action: 'fault', kind: 'catheterLeak', atCm: 10, escapePercent: 30, until: 'PT5H' },
        { at: 'PT5H', action: 'fault', kind: 'catheterLeak', atCm: 10, until: 'PT6H' },
        { at: 'PT6H', action: 'fault', kind: 'tipMigration', tip: 'subcutaneous', until: 'PT7H' },
        { at: 'PT7H', action: 'fault', kind: 'tipMigration', tip: 'epidural', until: 'PT8H' },
        { at: 'PT9H', action: 'program', therapy: { mode: 'flex', steps: [{ start: '00:00', doseMcgPerDay: 250 }] } },
        { at: 'PT10H', action: 'program', therapy: { mode: 'minimum' }, interrupt: 'afterSend' },
        { at: 'PT11H', action: 'program', therapy: { mode: 'stopped' }, interrupt: 'beforeSend' },
        { at: 'PT12H', action: 'bolus', kind: 'single', doseMcg: 10, duration: 'PT10M' },
        { at: 'PT13H', action: 'fault', kind: 'motorStall', until: 'PT14H' },
        { at: 'PT15H', action: 'fault', kind: 'lowBatteryReset' },
        { at: 'PT16H', action: 'fault', kind: 'memoryError' },
      ],
      training: { brief: 'b', objectives: [{ text: 'o', never: 'alarm.eos.raised' }] },
    });
    const truth = startTraining(s, { text: '', file: 'f' })
      .finish()
      .debrief.timeline.filter((e) => e.lane === 'truth')
      .map((e) => e.text);
    expect(truth).toEqual([
      'the catheter became blocked (40 %): the pump cannot tell, until day 0, 02:00',
      'the catheter kinked on and off: the pump cannot tell, until day 0, 03:00',
      'the catheter came off the pump: the drug went into the pocket, until day 0, 04:00',
      'the catheter leaked (30 % of the flow), until day 0, 05:00',
      'the catheter fractured: the drug went under the skin, until day 0, 06:00',
      'the catheter tip moved under the skin, until day 0, 07:00',
      'the catheter tip moved into the epidural space, until day 0, 08:00',
      'programmed by a colleague to a flex schedule of 1 step',
      'programmed by a colleague to the minimum rate, the session dropped after sending (the pump left stopped)',
      'programmed by a colleague to stopped, the session dropped before sending',
      'single bolus given by a colleague',
      'the pump motor stalled, until day 0, 14:00',
      'the pump reset on a low battery (minimum rate)',
      'the pump memory failed: it stopped for good',
    ]);
  });
});
