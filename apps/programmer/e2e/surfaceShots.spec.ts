import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, launchBrowser, screenshot, seriousAccessibilityViolations } from './browser.ts';

// Every surface at the three sizes a sim lab meets (a tablet's landscape and portrait, a laptop),
// during one exercise, each screenshot named after its surface and size, each checked with axe.
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
  { width: 1440, height: 900 },
] as const;

async function at(page: Page, size: (typeof SIZES)[number], surface: string, ready: () => Promise<unknown>) {
  await page.setViewportSize(size);
  await page.goto(`${APP_URL}#/${surface}`);
  await ready();
  await screenshot(page, `60-${surface === '' ? 'home' : surface}-${size.width}x${size.height}`);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

describe('every surface at 1280x800, 800x1280 and 1440x900', () => {
  it('home, instructor, programmer, bedside and debrief, during and after an exercise', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${APP_URL}#/instructor`);
    await page.getByLabel('Exercise', { exact: true }).selectOption({ label: 'a refill with a discrepancy' });
    await page.getByRole('button', { name: 'Start exercise' }).click();
    await page.getByTestId('training-name').waitFor();
    await page.getByRole('button', { name: 'Connect and interrogate' }).click();
    await page.getByTestId('prog-reservoir').waitFor();
    for (const size of SIZES) {
      await at(page, size, '', () =>
        page.getByRole('heading', { name: 'ITPS, the intrathecal pump simulator' }).waitFor(),
      );
      await at(page, size, 'instructor', () => page.getByTestId('training-name').waitFor());
      await at(page, size, 'programmer', () => page.getByTestId('prog-reservoir').waitFor());
      await at(page, size, 'bedside', () => page.getByTestId('patient-ashworth').waitFor());
    }
    await page.goto(`${APP_URL}#/bedside`);
    await page.getByRole('button', { name: 'Finish and debrief' }).click();
    await page.getByTestId('debrief-score').waitFor();
    for (const size of SIZES) await at(page, size, 'debrief', () => page.getByTestId('debrief-score').waitFor());
    await context.close();
  });
});
