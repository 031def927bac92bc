import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, launchBrowser, screenshot, seriousAccessibilityViolations } from './browser.ts';

// The screening trial, where every patient's story starts: at the bedside, before any pump.
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const FORBIDDEN = [/truth/i, /instructor/i, /csf/i, /mcg\/mL/i, /effect relative/i, /overdose stage/i, /tolerance/i];
const pageText = async (page: Page) => `${await page.content()}\n${await page.innerText('body')}`;

async function wait2h(page: Page, times = 1) {
  for (let i = 0; i < times; i += 1) await page.getByRole('button', { name: 'Wait 2 hours' }).click();
}

describe('the screening trial at the bedside', () => {
  it.each([
    { width: 800, height: 1280, name: '800x1280' },
    { width: 1280, height: 800, name: '1280x800' },
  ])(
    'a trainee gives 50 mcg, examines every 2 h, gives 75 mcg the next morning and recommends a pump at 150 mcg/day ($name)',
    async (viewport) => {
      const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
      const page = await context.newPage();
      await page.goto(`${APP_URL}#/bedside`);
      await page.getByLabel('Exercise', { exact: true }).selectOption({ label: 'the screening trial before a pump' });
      await page.getByRole('button', { name: 'Start exercise' }).click();
      await page.getByRole('heading', { name: 'Screening trial', exact: true }).waitFor();
      expect(await page.getByTestId('training-brief').innerText()).toContain('screening trial');
      expect(await page.getByTestId('patient-ashworth').innerText()).toContain('3');
      // nothing about a pump before there is one
      expect(await page.getByRole('button', { name: 'Suspect a pump failure' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Alarm tones' }).count()).toBe(0);

      await page.getByRole('button', { name: 'Give 50 mcg now' }).click();
      await page.getByTestId('screening-doses').getByText('50 mcg at Mon 2 Mar 2026, 08:00').waitFor();
      for (let i = 0; i < 4; i += 1) {
        await wait2h(page);
        await page.getByRole('button', { name: 'Examine now' }).click();
      }
      const exams = page.getByTestId('screening-exams');
      await exams.getByText('Mon 2 Mar 2026, 16:00').waitFor();
      // 50 mcg softens him, but his grade stays 3 all day: not a positive response
      expect(await exams.innerText()).toContain('Ashworth 3; nothing unusual');
      expect(await exams.innerText()).not.toContain('Ashworth 2');
      await screenshot(page, `50-screening-day0-${viewport.name}`);

      await page.getByRole('button', { name: 'Wait until 08:00 tomorrow' }).click();
      await page.getByLabel('Dose', { exact: true }).selectOption('75');
      await page.getByRole('button', { name: 'Give 75 mcg now' }).click();
      await wait2h(page, 2);
      await page.getByRole('button', { name: 'Examine now' }).click();
      await exams.getByText('Tue 3 Mar 2026, 12:00').waitFor();
      expect(await exams.innerText()).toContain('Ashworth 2; nothing unusual');
      // a decision needs its starting dose, and the disabled button says why beside it
      expect(await page.getByRole('button', { name: 'Recommend a pump implant' }).isDisabled()).toBe(true);
      expect(await page.getByTestId('screening-why').innerText()).toBe('Enter the starting daily dose first.');
      // more than twice the largest test dose (75 mcg) is confirmed first: the one gate's word
      await page.getByLabel('Pump to start at (mcg/day)').fill('1500');
      expect(await page.getByTestId('screening-why').innerText()).toContain('more than twice the largest test dose');
      expect(await page.getByRole('button', { name: 'Recommend a pump implant' }).isDisabled()).toBe(true);
      await page.getByLabel('Pump to start at (mcg/day)').fill('150');
      await page.getByRole('button', { name: 'Recommend a pump implant' }).click();
      await page.getByTestId('screening-decision').waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      const text = await pageText(page);
      for (const word of FORBIDDEN) expect(text).not.toMatch(word);
      await screenshot(page, `51-screening-decided-${viewport.name}`);

      // the programmer has nothing to program: no pump yet
      const programmer = await context.newPage();
      await programmer.goto(`${APP_URL}#/programmer`);
      await programmer.getByTestId('no-pump').waitFor();

      await page.getByRole('button', { name: 'Finish and debrief' }).click();
      expect(await page.getByTestId('debrief-score').innerText()).toMatch(/^Score 100 %.*passed/s);
      expect(await page.getByTestId('debrief-lesson').innerText()).toContain(
        'twice the effective test dose, 150 mcg/day',
      );
      await screenshot(page, `52-screening-debrief-${viewport.name}`);
      await context.close();
    },
  );

  it('works from the keyboard alone', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${APP_URL}#/bedside`);
    await page.getByLabel('Exercise', { exact: true }).selectOption({ label: 'the screening trial before a pump' });
    await page.getByRole('button', { name: 'Start exercise' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Screening trial', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Give 50 mcg now' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('screening-doses').getByText('50 mcg at').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('screening-exams').getByText('Mon 2 Mar 2026, 08:00').waitFor();
    await context.close();
  });
});
