import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, launchBrowser, screenshot, seriousAccessibilityViolations } from './browser.ts';

// The patient's therapy manager end to end, one world in three windows of one browser: the
// instructor loads a morphine pump for an opioid-tolerant patient; on the trainee's programmer
// (800x1280) the clinician programs PTM through the one gate and the finish screen; at the bedside
// (800x1280) the patient presses the handheld twice inside the lockout; the programmer's PTM report
// and the event log show one bolus and one lockout.
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
afterEach(async () => {
  await context.close();
});

// morphine 10 mg/mL (stock) at 2 mg/day, the patient recorded in the pump as opioid tolerant, no PTM yet
const SCENARIO = `format: itps-scenario/1
name: Morphine for an opioid-tolerant patient, no PTM yet
duration: P7D
startsAt: 2026-03-02T09:00
pump:
  model: synchromed-ii-20
  patientId: "J. Doe, SIM-0042"
  patientOpioidHistory: tolerant
  reservoir: { volumeMl: 20, drug: morphine, concentrationMgPerMl: 10 }
  catheter: { implantedLengthCm: 40 }
  therapy: { mode: simple, doseMgPerDay: 2 }
expect:
  - at: PT0S
    that: { pump.mode: simple }
`;

const textOf = (page: Page, id: string) => page.getByTestId(id).innerText();

describe("the patient's therapy manager", () => {
  it('the clinician programs PTM for a tolerant patient; two presses inside the lockout: one bolus, one lockout', async () => {
    context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
    const instructor = await context.newPage();
    await instructor.goto(`${APP_URL}#/instructor`);
    await instructor.getByLabel('From a file (YAML or JSON)').setInputFiles({
      name: 'tolerant-morphine.scenario.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(SCENARIO),
    });
    await expect
      .poll(() => textOf(instructor, 'scenario-loaded'))
      .toBe('Loaded: Morphine for an opioid-tolerant patient, no PTM yet');

    // the trainee's programmer: the pump as interrogated, no PTM
    const programmer = await context.newPage();
    await programmer.goto(`${APP_URL}#/programmer`);
    await programmer.locator('.programmer-surface').waitFor();
    const skip = programmer.getByRole('button', { name: 'Skip the guide' });
    if ((await skip.count()) > 0) await skip.click();
    const press = (name: string) => programmer.getByRole('button', { name, exact: true }).click();
    await press('Connect and interrogate');
    await expect.poll(() => textOf(programmer, 'session-state')).toBe('Connected');
    expect(await textOf(programmer, 'prog-drug')).toBe('morphine 10 mg/mL');
    expect(await textOf(programmer, 'prog-ptm')).toBe('off');

    // PTM settings in the dosing workflow, in mg: 0.2 mg over 20 min, 2 h lockout, 4 in 24 hours
    await press('PTM settings');
    await programmer.getByLabel('Dose per bolus (mg)').fill('0.2');
    await programmer.getByLabel('Given over (min)').fill('20');
    await programmer.getByLabel('Lockout from one bolus to the next (min)').fill('120');
    await programmer.getByLabel('Most boluses in any 24 hours').fill('4');
    await press('Check PTM settings');
    // a tolerant patient, 0.2 mg a bolus, 2 + 4 x 0.2 = 2.8 mg in 24 hours: nothing for the gate to ask
    await expect.poll(() => programmer.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(false);
    await screenshot(programmer, '90-ptm-settings-800x1280');
    // a field typed over after the check: the review waits for the check again
    await programmer.getByLabel('Dose per bolus (mg)').fill('0.3');
    await expect.poll(() => programmer.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(true);
    await programmer.getByLabel('Dose per bolus (mg)').fill('0.2');
    await expect.poll(() => programmer.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(false);
    await press('Review changes');
    const diff = await textOf(programmer, 'finish-diff');
    expect(diff).toContain(
      "Patient's therapy manager (PTM)\toff\t0.2 mg over 20 min; lockout 2 h; at most 4 in 24 hours",
    );
    expect(diff).toContain('Most in 24 hours, every patient bolus used\tno PTM\t2.8 mg/day');
    await screenshot(programmer, '91-ptm-review-800x1280');
    expect(await seriousAccessibilityViolations(programmer)).toEqual([]);
    await press('Confirm and update pump');
    await expect.poll(() => textOf(programmer, 'session-notice')).toContain('Pump updated and verified');
    expect(await textOf(programmer, 'prog-ptm')).toBe('0.2 mg over 20 min; lockout 2 h; at most 4 in 24 hours');

    // the bedside: the patient's handheld, green; two presses a few seconds apart
    const bedside = await context.newPage();
    await bedside.goto(`${APP_URL}#/bedside`);
    await bedside.getByTestId('ptm-light').waitFor();
    expect(await textOf(bedside, 'ptm-light')).toBe('Bolus available');
    await screenshot(bedside, '92-ptm-handheld-available-800x1280');
    await bedside.getByRole('button', { name: 'Press for a bolus' }).click();
    await expect.poll(() => textOf(bedside, 'ptm-answer')).toBe('Bolus started.');
    await expect.poll(() => textOf(bedside, 'ptm-light')).toBe('Bolus not available');
    await bedside.getByRole('button', { name: 'Press for a bolus' }).click();
    await expect
      .poll(() => textOf(bedside, 'ptm-answer'))
      .toBe('Not available yet: too soon after the last bolus. Nothing was given.');
    await screenshot(bedside, '93-ptm-handheld-locked-out-800x1280');
    expect(await seriousAccessibilityViolations(bedside)).toEqual([]);

    // the programmer reads the pump again: its PTM report has one bolus and one press in the lockout
    await press('End session');
    await press('Connect and interrogate');
    await expect.poll(() => textOf(programmer, 'session-state')).toBe('Connected');
    expect(await textOf(programmer, 'prog-ptm-report')).toMatch(
      /^Last 24 hours: 2 presses, 1 bolus given, 1 during the lockout, 0 at the day's limit\. Last bolus: /,
    );
    // 18 mL to the alarm at 0.2 mL/day basal + 4 x 0.02 mL = 0.28 mL/day: 64.3 days, not the 90 of the basal alone
    expect(await textOf(programmer, 'prog-ptm-worst-case')).toContain('(day 64)');
    expect(await textOf(programmer, 'prog-refill')).toContain('(day 90)');
    await screenshot(programmer, '94-ptm-report-800x1280');

    // and the pump's event log, as the instructor's console lists it
    await expect.poll(() => textOf(instructor, 'event-log')).toContain('Patient bolus refused: lockout');
    const log = await textOf(instructor, 'event-log');
    expect(log.match(/Patient bolus given \(PTM\)/g)?.length).toBe(1);
    expect(log.match(/Patient bolus refused: lockout/g)?.length).toBe(1);
    await screenshot(instructor, '95-ptm-event-log-800x1280');
  });
});
