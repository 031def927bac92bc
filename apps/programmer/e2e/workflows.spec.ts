import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { APP_URL, screenshot, seriousAccessibilityViolations, setUpAppPage } from './browser.ts';

const app = setUpAppPage({ width: 1280, height: 1000 });
const text = app.text;
let page: Page;
beforeEach(() => {
  page = app.page();
});
const connect = async () => {
  await page.getByRole('button', { name: 'Connect and interrogate' }).click();
  await expect(text('session-state')).resolves.toBe('Connected');
};

describe('the flex schedule editor', () => {
  it('draws the 24 hours as steps are typed, shows the total beside the current one, refuses a bad time, and programs the pump', async () => {
    await connect();
    await page.getByRole('button', { name: 'Flex schedule' }).click();
    expect(await text('flex-total')).toBe('24-hour total: 250 mcg (now 250 mcg, +0 %)');
    await page.getByLabel('Step 1 dose (mcg/day)').fill('200');
    await page.getByRole('button', { name: 'Add step' }).click();
    await page.getByLabel('Step 2 starts at (HH:MM)').fill('08:00');
    await page.getByLabel('Step 2 dose (mcg/day)').fill('300');
    await page.getByRole('button', { name: 'Add step' }).click();
    await page.getByLabel('Step 3 starts at (HH:MM)').fill('25:00');
    await page.getByLabel('Step 3 dose (mcg/day)').fill('200');
    await page.getByRole('button', { name: 'Check schedule' }).click();
    expect(await text('flex-errors')).toBe('Step 3 start: expected a time HH:MM from 00:00 to 23:59, found "25:00".');
    expect(await page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(true);
    await page.getByLabel('Step 3 starts at (HH:MM)').fill('20:00');
    // 200 x 8 h + 300 x 12 h + 200 x 4 h over 24 h
    expect(await text('flex-total')).toBe('24-hour total: 250 mcg (now 250 mcg, +0 %)');
    const chart = await page.getByTestId('flex-chart').getAttribute('aria-label');
    expect(chart).toContain('08:00 to 20:00: 300 mcg/day, 150 mcg in these hours');
    await page.getByRole('button', { name: 'Check schedule' }).click();
    await screenshot(page, '40-flex-editor');
    await page.getByRole('button', { name: 'Review changes' }).click();
    const diff = await text('finish-diff');
    expect(diff).toContain('Simple continuous, 250.0 mcg/day');
    expect(diff).toContain('Flex');
    await page.getByRole('button', { name: 'Confirm and update pump' }).click();
    await expect(text('session-state')).resolves.toBe('Connected');
    expect(await text('prog-therapy')).toContain('Flex');
  });

  it('flags a dose per hour typed as per day through the 24-hour total, and asks for confirmation', async () => {
    await connect();
    await page.getByRole('button', { name: 'Flex schedule' }).click();
    await page.getByLabel('Step 1 dose (mcg/day)').fill('250');
    await page.getByRole('button', { name: 'Add step' }).click();
    await page.getByLabel('Step 2 starts at (HH:MM)').fill('08:00');
    await page.getByLabel('Step 2 dose (mcg/day)').fill('1440');
    await page.getByRole('button', { name: 'Add step' }).click();
    await page.getByLabel('Step 3 starts at (HH:MM)').fill('20:00');
    await page.getByLabel('Step 3 dose (mcg/day)').fill('250');
    await page.getByRole('button', { name: 'Check schedule' }).click();
    await expect(text('finding-flex.totalChange')).resolves.toContain('not per hour');
    // 250 x 8 h + 1440 x 12 h + 250 x 4 h over 24 h
    expect(await text('flex-total')).toBe('24-hour total: 845 mcg (now 250 mcg, +238 %)');
    await screenshot(page, '41-flex-per-hour');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

describe('the bridge bolus screen', () => {
  it('plans the bridge from the previous concentration and sends it through the finish screen', async () => {
    await connect();
    await page.getByRole('button', { name: 'Bridge bolus' }).click();
    await page.getByLabel('Previous concentration (mcg/mL)').fill('500');
    await page.getByRole('button', { name: 'Plan bridge bolus' }).click();
    await expect(page.getByText(/there is nothing to bridge/).isVisible()).resolves.toBe(true);
    await page.getByLabel('Previous concentration (mcg/mL)').fill('2000');
    await page.getByRole('button', { name: 'Plan bridge bolus' }).click();
    const plan = await text('bridge-plan');
    expect(plan).toContain('0.125 mL/day');
    await screenshot(page, '42-bridge-bolus');
    await page.getByRole('button', { name: 'Review changes' }).click();
    expect(await text('finish-diff')).toContain('bridge');
    await page.getByRole('button', { name: 'Confirm and update pump' }).click();
    await expect(text('session-state')).resolves.toBe('Connected');
    expect(await text('pump-mode')).toBe('bolus');
  });
});

/** Moves the keyboard focus with Tab until the focused element's accessible name matches, then returns. */
async function tabTo(name: RegExp | string, limit = 250): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (el === null) return '';
      const labelled = el.getAttribute('aria-label');
      const byFor = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
      return (labelled ?? byFor ?? el.textContent ?? '').trim();
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  await screenshot(page, 'keyboard-failure');
  throw new Error(`keyboard: could not reach ${name} with Tab`);
}
const press = async (name: RegExp | string) => {
  await tabTo(name);
  await page.keyboard.press('Enter');
};
/** Confirms, by keyboard, every finding the screen asks to confirm (a stop, a priming bolus, a restart, a discrepancy). */
const confirmFindings = async () => {
  while ((await page.getByRole('button', { name: 'Confirm this change' }).count()) > 0)
    await press('Confirm this change');
};
const type = async (name: RegExp | string, value: string) => {
  await tabTo(name);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
};

describe('keyboard only (Tab, Enter, typing; no pointer)', () => {
  it('runs every programmer workflow: dose change, flex schedule, bridge bolus, refill, single and priming boluses, alarm threshold, alarm test, catheter data, stop and restart', async () => {
    await press('Connect and interrogate');
    await expect(text('session-state')).resolves.toBe('Connected');
    // dose change with a soft-limit confirmation
    await press('Change dose');
    await type('New daily dose (mcg/day)', '330');
    await page.keyboard.press('Enter');
    await press('Confirm this change');
    await press('Review changes');
    await press('Confirm and update pump');
    await expect(text('prog-therapy')).resolves.toBe('Simple continuous, 330.0 mcg/day');
    // flex schedule
    await press('Flex schedule');
    await press('Add step');
    await type('Step 2 starts at (HH:MM)', '12:00');
    await type('Step 2 dose (mcg/day)', '330');
    await press('Check schedule');
    await press('Review changes');
    await press('Confirm and update pump');
    await expect(text('prog-therapy')).resolves.toContain('Flex');
    // bridge bolus
    await press('Bridge bolus');
    await type('Previous concentration (mcg/mL)', '2000');
    await press('Plan bridge bolus');
    await press('Review changes');
    await press('Confirm and update pump');
    await expect(text('pump-mode')).resolves.toBe('bolus');
    // refill
    await press('Refill');
    await press('Aspirate the reservoir');
    await type('Volume injected (mL)', '15');
    await press('Inject and calculate');
    await confirmFindings();
    await press('Review changes');
    await press('Confirm and update pump');
    await expect(text('session-state')).resolves.toBe('Connected');
    // single bolus, alarm threshold, alarm test, stop and restart
    for (const [open, prepare] of [
      ['Bolus, alarm, catheter, MRI, stop and restart', 'Prepare single bolus'],
      ['Bolus, alarm, catheter, MRI, stop and restart', 'Prepare alarm change'],
      ['Bolus, alarm, catheter, MRI, stop and restart', 'Prepare alarm test'],
      ['Bolus, alarm, catheter, MRI, stop and restart', 'Prepare catheter data'],
      ['Bolus, alarm, catheter, MRI, stop and restart', 'Prepare priming bolus (tubing and catheter)'],
      ['Bolus, alarm, catheter, MRI, stop and restart', 'Prepare stop therapy'],
    ] as const) {
      await press(open);
      await press(prepare);
      await confirmFindings();
      await press('Review changes');
      await press('Confirm and update pump');
      await expect(text('session-state')).resolves.toBe('Connected');
    }
    expect(await text('pump-state')).toBe('stopped');
    await press('Bolus, alarm, catheter, MRI, stop and restart');
    await type('Restart simple continuous at (mcg/day)', '330');
    await press('Prepare restart');
    await confirmFindings();
    await press('Review changes');
    await press('Confirm and update pump');
    await expect(text('session-state')).resolves.toBe('Connected');
    expect(await text('pump-state')).toBe('running');
    await screenshot(page, '43-keyboard-only');
  });

  it("runs every workflow on the trainee's own programmer (#/programmer), where only the programmer's screens tell the outcome", async () => {
    await page.goto(`${APP_URL}#/programmer`);
    await press('Skip the guide');
    await press('Connect and interrogate');
    await expect(text('session-state')).resolves.toBe('Connected');
    await press('Change dose');
    await type('New daily dose (mcg/day)', '330');
    await page.keyboard.press('Enter');
    await press('Confirm this change');
    await press('Review changes');
    await press('Confirm and update pump');
    await expect(text('prog-therapy')).resolves.toBe('Simple continuous, 330.0 mcg/day');
    await press('Flex schedule');
    await press('Add step');
    await type('Step 2 starts at (HH:MM)', '12:00');
    await type('Step 2 dose (mcg/day)', '330');
    await press('Check schedule');
    await press('Review changes');
    await press('Confirm and update pump');
    await expect(text('prog-therapy')).resolves.toContain('Flex');
    await press('Bridge bolus');
    await type('Previous concentration (mcg/mL)', '2000');
    await press('Plan bridge bolus');
    await press('Review changes');
    await press('Confirm and update pump');
    await expect(text('session-state')).resolves.toBe('Connected');
    await press('Refill');
    await press('Aspirate the reservoir');
    await type('Volume injected (mL)', '15');
    await press('Inject and calculate');
    await confirmFindings();
    await press('Review changes');
    await press('Confirm and update pump');
    await expect(text('session-state')).resolves.toBe('Connected');
    for (const prepare of [
      'Prepare alarm change',
      'Prepare alarm test',
      'Prepare catheter data',
      'Prepare stop therapy',
    ]) {
      await press('Bolus, alarm, catheter, MRI, stop and restart');
      await press(prepare);
      await confirmFindings();
      await press('Review changes');
      await press('Confirm and update pump');
      await expect(text('session-state')).resolves.toBe('Connected');
    }
    expect(await text('prog-state')).toMatch(/stop/i);
    await press('Bolus, alarm, catheter, MRI, stop and restart');
    await type('Restart simple continuous at (mcg/day)', '330');
    await press('Prepare restart');
    await confirmFindings();
    await press('Review changes');
    await press('Confirm and update pump');
    await expect(text('prog-state')).resolves.toBe('running');
    await screenshot(page, '45-keyboard-only-programmer');
  });

  it('runs a training exercise: start, clinical actions, finish and debrief', async () => {
    await tabTo('Exercise');
    await page.keyboard.press('End');
    await press('Start exercise');
    await expect(page.getByTestId('training-brief').isVisible()).resolves.toBe(true);
    await press('Suspect withdrawal');
    await press('Finish and debrief');
    await expect(text('debrief-score')).resolves.toMatch(/^Score \d+ %/);
  });
});

describe('a scenario that drives the programmer', () => {
  it('plays session and link actions from a scenario file (a shrunk REQ-SES-02 counterexample) onto the app’s own programmer', async () => {
    const yaml = [
      'format: itps-scenario/1',
      'name: REQ-SES-02 counterexample',
      'duration: P2D',
      'pump: { model: synchromed-ii-20, reservoir: { volumeMl: 18, drug: baclofen, concentrationMcgPerMl: 500 }, catheter: { implantedLengthCm: 40 }, therapy: { mode: simple, doseMcgPerDay: 25 } }',
      'timeline:',
      '  - { at: PT1H, action: link, dropNext: 1, dropAfter: 3 }',
      '  - { at: PT1H, action: session, do: edit, doseMcgPerDay: 100, bridge: none, passFindings: true }',
      'checks: [REQ-SES-02]',
    ].join('\n');
    await page.getByLabel('From a file (YAML or JSON)').setInputFiles({
      name: 'REQ-SES-02.scenario.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(yaml),
    });
    // the file is read asynchronously
    await page.getByText('Loaded: REQ-SES-02 counterexample').waitFor();
    await page.getByRole('button', { name: '+1 hour' }).click();
    await page.getByTestId('incomplete-warning').waitFor();
    expect(await text('pump-state')).toBe('stopped');
    await screenshot(page, '44-scenario-drives-programmer');
  });
});
