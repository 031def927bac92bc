import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, launchBrowser, screenshot, seriousAccessibilityViolations } from './browser.ts';

// The surfaces at their own addresses, and one world shared by the browser's windows: the
// instructor's console in one window, the trainee's programmer and bedside in others.
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Words that belong to the truth, the model or the instructor's controls: never on a trainee's page. */
const FORBIDDEN = [
  /truth/i,
  /instructor/i,
  /occlu/i,
  /inject a fault/i,
  /catheter condition/i,
  /delivered to (the )?csf/i,
  /withdrawal stage/i,
  /overdose stage/i,
  /effect relative to need/i,
  /patient model/i,
  /tolerance/i,
];

const pageText = async (page: Page) => `${await page.content()}\n${await page.innerText('body')}`;

describe('surfaces, each at its own address', () => {
  it('opens on a home page naming each surface, with the not-for-clinical-use banner', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(APP_URL);
    await page.getByRole('heading', { name: 'ITPS, the intrathecal pump simulator' }).waitFor();
    expect(await page.innerText('.banner')).toContain('not for clinical use');
    for (const name of ['Clinician programmer', 'Bedside', "Instructor's console", 'Debrief'])
      expect(await page.getByRole('link', { name }).count()).toBe(1);
    await screenshot(page, '40-home-1280x800');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('shares one world between the instructor’s window and the trainee’s: a fault the instructor injects is nowhere on the trainee’s screens', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // the instructor opens the console first: that window holds the world
    const instructor = await context.newPage();
    await instructor.goto(`${APP_URL}#/instructor`);
    await instructor
      .getByLabel('Exercise', { exact: true })
      .selectOption({ label: 'the update a colleague left unfinished' });
    await instructor.getByRole('button', { name: 'Start exercise' }).click();
    await instructor.getByTestId('training-name').waitFor();
    await instructor.getByRole('button', { name: 'Catheter occlusion (full)', exact: true }).click();
    await instructor.getByText('Started: Catheter occlusion (full)').waitFor();
    expect(await instructor.getByTestId('truth-catheter').innerText()).toBe('occluded 100 %');

    // the trainee's tablet, another window of the same browser
    const trainee = await context.newPage();
    await trainee.setViewportSize({ width: 800, height: 1280 });
    await trainee.goto(`${APP_URL}#/programmer`);
    await trainee.getByRole('button', { name: 'Connect and interrogate' }).click();
    await trainee.getByText('Connected', { exact: true }).waitFor();
    expect(await trainee.getByTestId('prog-state').innerText()).toContain('STOPPED');
    const text = await pageText(trainee);
    for (const word of FORBIDDEN) expect(text).not.toMatch(word);
    await screenshot(trainee, '41-trainee-programmer-800x1280');

    // the instructor sees the trainee's session in the same world
    await expect
      .poll(async () => instructor.getByTestId('session-state').innerText(), { timeout: 10_000 })
      .toBe('Connected');
    await screenshot(instructor, '42-instructor-console-1280x800');

    // the bedside: signs and vital signs, no stages, no truth
    const bedside = await context.newPage();
    await bedside.setViewportSize({ width: 800, height: 1280 });
    await bedside.goto(`${APP_URL}#/bedside`);
    await bedside.getByTestId('training-name').waitFor();
    await bedside.getByTestId('patient-ashworth').waitFor();
    const bedsideText = await pageText(bedside);
    for (const word of FORBIDDEN) expect(bedsideText).not.toMatch(word);
    await bedside.getByRole('button', { name: 'Suspect a pump failure' }).click();
    // the connection made in the programmer's window and the suspicion at the bedside: one exercise, one record
    await expect.poll(async () => bedside.getByTestId('training-actions').innerText()).toBe('2 actions recorded.');
    // the instructor follows the trainee's actions as they happen, newest first, in clinical words
    await expect
      .poll(async () => instructor.getByTestId('action-timeline').innerText())
      .toMatch(/Suspect a pump failure[\s\S]*Programmer connected to the pump/);
    await screenshot(bedside, '43-bedside-800x1280');
    expect(await seriousAccessibilityViolations(bedside)).toEqual([]);
    expect(await seriousAccessibilityViolations(trainee)).toEqual([]);
    await context.close();
  });

  it('says there is no debrief until an exercise is finished, then shows it on its own page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${APP_URL}#/debrief`);
    await page.getByTestId('no-debrief').waitFor();
    await page.goto(`${APP_URL}#/bedside`);
    await page
      .getByLabel('Exercise', { exact: true })
      .selectOption({ label: 'the update a colleague left unfinished' });
    await page.getByRole('button', { name: 'Start exercise' }).click();
    await page.getByRole('button', { name: 'Finish and debrief' }).click();
    await page.getByTestId('debrief-score').waitFor();
    await page.goto(`${APP_URL}#/debrief`);
    await page.getByTestId('debrief-score').waitFor();
    expect(await page.getByTestId('debrief-score').innerText()).toContain('not passed');
    await screenshot(page, '44-debrief-1280x800');
    await context.close();
  });
});
