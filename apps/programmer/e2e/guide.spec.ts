import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, launchBrowser, screenshot, seriousAccessibilityViolations } from './browser.ts';

// The guided first use: a trainee who has never seen the programmer is walked through connecting
// and reading the status; the guide can be skipped and opened again.
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the guide on first use', () => {
  it('walks a first-time trainee through connecting and the status, then stays away until asked for (1440x900)', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${APP_URL}#/programmer`);
    const guide = page.getByTestId('guide');
    await guide.waitFor();
    expect(await guide.innerText()).toContain('Guide, step 1 of 5');
    // the first step is done by doing it: no Next until the pump is connected, and it says why
    expect(await guide.getByRole('button', { name: 'Next' }).count()).toBe(0);
    expect(await page.getByTestId('guide-waiting').innerText()).toContain('Connect and interrogate first');
    await screenshot(page, '53-guide-connect-1440x900');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Connect and interrogate' }).click();
    await guide.getByText('Guide, step 2 of 5').waitFor();
    expect(await guide.innerText()).toContain('Read the status');
    await guide.getByRole('button', { name: 'Next' }).click();
    expect(await guide.innerText()).toContain('The dates that matter');
    await screenshot(page, '54-guide-dates-1440x900');
    await guide.getByRole('button', { name: 'Back' }).click();
    expect(await guide.innerText()).toContain('Read the status');
    for (let i = 0; i < 3; i += 1) await guide.getByRole('button', { name: 'Next' }).click();
    expect(await guide.innerText()).toContain('Workflows, step by step');
    await guide.getByRole('button', { name: 'Finish the guide' }).click();
    expect(await page.getByTestId('guide').count()).toBe(0);
    await page.reload();
    await page.getByRole('button', { name: 'Show the guide' }).waitFor();
    expect(await page.getByTestId('guide').count()).toBe(0);
    await page.getByRole('button', { name: 'Show the guide' }).click();
    await page.getByTestId('guide').waitFor();
    await page.getByRole('button', { name: 'Skip the guide' }).click();
    expect(await page.getByTestId('guide').count()).toBe(0);
    await context.close();
  });

  it('is skipped from the keyboard alone (800x1280)', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
    const page = await context.newPage();
    await page.goto(`${APP_URL}#/programmer`);
    await page.getByTestId('guide').waitFor();
    await screenshot(page, '55-guide-800x1280');
    await page.getByRole('button', { name: 'Skip the guide' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Show the guide' }).waitFor();
    await context.close();
  });
});
