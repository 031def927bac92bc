import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, launchBrowser, screenshot } from './browser.ts';

// The pump's alarms where the trainee is: its tones sound on the trainee's device whichever surface
// it shows (programmer or bedside), and the programmer names the alarms only once it has read the
// pump; the status screen's dates and dose now true in the state the exercise leaves the pump in.
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** A trainee's tablet at 800x1280 with an exercise started, its tones counted as they are played. */
async function tablet(exercise: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
  const page = await context.newPage();
  // every oscillator the app starts is one beep of a tone: count them
  await page.addInitScript(() => {
    const counted = globalThis as unknown as { beeps: number; AudioContext: typeof AudioContext };
    counted.beeps = 0;
    const Original = counted.AudioContext;
    counted.AudioContext = class extends Original {
      override createOscillator(): OscillatorNode {
        counted.beeps++;
        return super.createOscillator();
      }
    };
  });
  await page.goto(`${APP_URL}#/bedside`);
  await page.getByLabel('Exercise', { exact: true }).selectOption({ label: exercise });
  await page.getByRole('button', { name: 'Start exercise' }).click();
  await page.getByTestId('training-name').waitFor();
  return page;
}

const beeps = (page: Page) => page.evaluate(() => (globalThis as unknown as { beeps: number }).beeps);
const text = (page: Page, id: string) => page.getByTestId(id).innerText();
const open = async (page: Page, surface: 'programmer' | 'bedside') => {
  await page.evaluate((s) => {
    location.hash = `#/${s}`;
  }, surface);
  await page.locator(`.${surface}-surface`).waitFor();
};

describe('alarms where the trainee is', () => {
  it('the low-reservoir alarm: its tone at the programmer before any reading, its name once read, the same tone remembered at the bedside', async () => {
    const page = await tablet('the low-reservoir alarm');
    // the bedside sounds it first: a single tone, named as the room panel names it
    await expect.poll(() => text(page, 'alarm-summary')).toBe('Sounding: Low reservoir');
    await expect.poll(() => beeps(page)).toBeGreaterThan(0);
    const heardAtBedside = await beeps(page);
    await open(page, 'programmer');
    // at the programmer the trainee hears the tone; which alarm, only a reading tells
    expect(await text(page, 'heard-tones')).toContain(
      'At the patient: the pump is sounding its single tone (non-critical) alarm tone. Interrogate the pump to read which alarm.',
    );
    expect(await text(page, 'heard-tones')).not.toContain('Low reservoir');
    expect(await page.getByTestId('alarm-banner').count()).toBe(0);
    // the same sounder across both surfaces: moving to the programmer replays nothing
    expect(await beeps(page)).toBe(heardAtBedside);
    await screenshot(page, '60-programmer-heard-before-reading-800x1280');
    await page.getByRole('button', { name: 'Connect and interrogate' }).click();
    await page.getByText('Connected', { exact: true }).waitFor();
    expect(await text(page, 'alarm-banner')).toContain('Low reservoir alarm (non-critical, single tone): Refill soon');
    // the dates as they stand: the alarm sounding since it was raised, the refill overdue since then
    expect(await text(page, 'prog-low-alarm')).toMatch(/^at 2\.00 mL: sounding since /);
    expect(await text(page, 'prog-refill')).toMatch(/^overdue since /);
    expect(await text(page, 'prog-empty')).toMatch(/^expected /);
    expect(await text(page, 'prog-dose-now')).toBe('250.0 mcg/day');
    await screenshot(page, '61-programmer-alarm-read-800x1280');
    // a workflow keeps the alarms the reading reported in view
    await page.getByRole('button', { name: 'Refill' }).click();
    expect(await text(page, 'alarm-banner')).toContain('Low reservoir alarm');
    await screenshot(page, '62-programmer-refill-with-alarm-800x1280');
    await open(page, 'bedside');
    expect(await text(page, 'alarm-summary')).toBe('Sounding: Low reservoir');
    expect(await text(page, 'last-tone')).toContain('single tone (non-critical) for Low reservoir');
    expect(await beeps(page)).toBe(heardAtBedside);
    await screenshot(page, '63-bedside-same-tone-800x1280');
    await page.context().close();
  });

  it('a pump left stopped by an unfinished update: 0 mcg/day with its cause, no reservoir date while it delivers nothing', async () => {
    const page = await tablet('the update a colleague left unfinished');
    await open(page, 'programmer');
    await page.getByRole('button', { name: 'Connect and interrogate' }).click();
    await page.getByTestId('prog-dose-now').waitFor();
    expect(await text(page, 'prog-dose-now')).toBe('0 mcg/day: stopped, an update was begun and not completed');
    expect(await text(page, 'prog-low-alarm')).toMatch(
      /none while the pump delivers nothing \(\d+ days after therapy restarts\)$/,
    );
    await screenshot(page, '64-programmer-stopped-dates-800x1280');
    await page.context().close();
  });

  it('the elective replacement indicator: the tone at the programmer, ERI said as reached once read', async () => {
    const page = await tablet('the elective replacement indicator');
    await open(page, 'programmer');
    await expect.poll(() => text(page, 'heard-tones')).toContain('the pump is sounding its');
    await page.getByRole('button', { name: 'Connect and interrogate' }).click();
    await page.getByTestId('prog-eri').waitFor();
    expect(await text(page, 'prog-eri')).toMatch(/^reached /);
    expect(await text(page, 'prog-replace-by')).not.toContain('overdue');
    await screenshot(page, '65-programmer-eri-800x1280');
    await page.context().close();
  });
});
