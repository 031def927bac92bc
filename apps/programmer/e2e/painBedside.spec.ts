import { readFileSync } from 'node:fs';
import { createOpioidParameters } from '@itps/core';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { APP_URL, screenshot, seriousAccessibilityViolations, setUpAppPage } from './browser.ts';

// The bedside of a patient treated for pain, on a trainee's tablet (800 x 1280). Until the scenario
// format holds morphine, the world is the app's own (250 mcg/day) saved, given a patient on
// morphine whose need is a fifth of that dose (the one mass the fluid path carries read as
// morphine's), and loaded back: five times the need, so drowsy and breathing slower.
const app = setUpAppPage({ width: 800, height: 1280 });
let page: Page;
beforeEach(() => {
  page = app.page();
});

describe('the bedside of a patient on morphine', () => {
  it('shows the pain score when asked, wakefulness, breathing and pupils: never a stage or a drug level', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export session' }).click(),
    ]);
    const session = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    session.world.input.painPatient = createOpioidParameters({ history: 'naive', needMcgPerDay: 50 });
    await page.getByLabel('Import a session file').setInputFiles({
      name: 'pain-session.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(session)),
    });
    await page.getByText(/^Session loaded from/).waitFor();
    await page.goto(`${APP_URL}#/bedside`);
    await page.getByRole('heading', { name: 'Patient treated for pain' }).waitFor();
    const text = (id: string) => page.getByTestId(id).innerText();
    // q = 250 / 50 = 5: hard to rouse (from 4), 16 - 2 x (5 - 2.5) = 11 breaths a minute, pinpoint pupils
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
  });
});
