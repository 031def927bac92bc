import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { APP_URL, screenshot, seriousAccessibilityViolations, setUpAppPage } from './browser.ts';

// The bedside of a patient treated for pain, on a trainee's tablet (800 x 1280): a morphine pump at
// 2.5 mg/day into an opioid-naive patient who needs 0.5 mg/day, five times the need from the start.
const SCENARIO = `format: itps-scenario/1
name: "Morphine at five times the need"
duration: P2D
pump:
  model: synchromed-ii-20
  reservoir: { volumeMl: 20, drug: morphine, concentrationMgPerMl: 1 }
  catheter: { implantedLengthCm: 40 }
  therapy: { mode: simple, doseMgPerDay: 2.5 }
patient: { condition: pain, opioidHistory: naive, opioidNeedMgPerDay: 0.5 }
`;

const app = setUpAppPage({ width: 800, height: 1280 });
let page: Page;
beforeEach(() => {
  page = app.page();
});

describe('the bedside of a patient on morphine', () => {
  it('shows the pain score when asked, wakefulness, breathing and pupils: never a stage or a drug level', async () => {
    await page.getByLabel('From a file (YAML or JSON)').setInputFiles({
      name: 'morphine-five-times.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(SCENARIO),
    });
    await page.getByTestId('scenario-loaded').waitFor();
    await page.goto(`${APP_URL}#/bedside`);
    await page.getByRole('heading', { name: 'Patient treated for pain' }).waitFor();
    const text = (id: string) => page.getByTestId(id).innerText();
    // q = 2.5 / 0.5 = 5: hard to rouse (from 4), 16 - 2 x (5 - 2.5) = 11 breaths a minute, pinpoint pupils
    expect(await text('pain-sedation')).toBe('hard to rouse');
    expect(await text('pain-breathing')).toBe('11 breaths/min');
    expect(await text('pain-pupils')).toBe('pinpoint');
    expect(await text('pain-signs')).toContain('slow breathing');
    await page.getByRole('button', { name: 'Ask about pain' }).click();
    // 7 x 0.75 / (0.75 + 5) = 0.9: the patient says 1
    expect(await text('pain-score')).toBe('1 of 10');
    const body = await page.innerText('body');
    for (const hidden of [/respiratoryDepression/, /tolerance/i, /granuloma/i, /relative/i, /mcg in the csf/i])
      expect(body).not.toMatch(hidden);
    await screenshot(page, '60-bedside-pain-800x1280');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // the instructor's console has the model's stages the bedside never shows
    await page.goto(`${APP_URL}#/instructor`);
    expect(await text('truth-pain-stages')).toBe('hardToRouse, early');
    expect(await text('truth-pain-effect')).toBe('500 %');
    // a saved session keeps the pain patient: exported, the world started over, imported back
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export session' }).click(),
    ]);
    const saved = (await download.path()) as string;
    await page.getByRole('button', { name: 'Start over' }).click();
    await page.getByRole('button', { name: 'Yes, start over' }).click();
    await page.getByLabel('Import a session file').setInputFiles(saved);
    await page.getByText(/^Session loaded from/).waitFor();
    await page.goto(`${APP_URL}#/bedside`);
    await page.getByRole('heading', { name: 'Patient treated for pain' }).waitFor();
    expect(await text('pain-breathing')).toBe('11 breaths/min');
  });

  it('runs the opioid screening trial: 0.5 mg, examined at onset, at the deepest effect and at 24 h, a pump at 0.5 mg/day', async () => {
    await page.goto(`${APP_URL}#/bedside`);
    await page
      .getByLabel('Exercise', { exact: true })
      .selectOption({ label: 'the opioid screening trial before a pain pump' });
    await page.getByRole('button', { name: 'Start exercise' }).click();
    await page.getByRole('heading', { name: 'Intrathecal morphine trial' }).waitFor();
    // nothing about a pump before there is one, nor the baclofen trial's panel
    expect(await page.getByRole('heading', { name: 'Screening trial', exact: true }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Alarm tones' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Give 0.5 mg of morphine now' }).click();
    await page.getByTestId('opioid-trial-doses').getByText('500 mcg of morphine at Mon 2 Mar 2026, 08:00').waitFor();
    const exams = page.getByTestId('opioid-trial-exams');
    const examineAfter = async (waits: string[], at: string) => {
      for (const w of waits) await page.getByRole('button', { name: w }).click();
      await page.getByRole('button', { name: 'Examine now' }).click();
      await exams.getByText(at).waitFor();
    };
    await examineAfter(['Wait 1 hour', 'Wait 1 hour'], 'Mon 2 Mar 2026, 10:00');
    await examineAfter(['Wait 4 hours', 'Wait 1 hour', 'Wait 1 hour', 'Wait 1 hour'], 'Mon 2 Mar 2026, 17:00');
    // the deepest effect (8.65 h): pain 2 of 10, breathing untouched
    expect(await exams.innerText()).toContain('pain 2 of 10; alert; 16 breaths/min; pupils small');
    await screenshot(page, '61-opioid-trial-800x1280');
    await examineAfter(['Wait until 08:00 tomorrow'], 'Tue 3 Mar 2026, 08:00');
    // twice the trial dose is baclofen's rule, not morphine's: the gate asks before 1 mg/day
    await page.getByLabel('Pump to start at (mg/day)').fill('1');
    expect(await page.getByTestId('opioid-trial-why').innerText()).toContain(
      'more than the largest trial dose given (0.5 mg)',
    );
    expect(await page.getByRole('button', { name: 'Recommend a pump implant' }).isDisabled()).toBe(true);
    await page.getByLabel('Pump to start at (mg/day)').fill('0.5');
    await page.getByRole('button', { name: 'Recommend a pump implant' }).click();
    await page.getByTestId('opioid-trial-decision').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Finish and debrief' }).click();
    expect(await page.getByTestId('debrief-score').innerText()).toMatch(/^Score 100 %.*passed/s);
    await screenshot(page, '62-opioid-trial-debrief-800x1280');
  });
});
