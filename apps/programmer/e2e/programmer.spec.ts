import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { screenshot, seriousAccessibilityViolations, setUpAppPage } from './browser.ts';

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
const enterDose = async (mcg: string) => {
  await page.getByRole('button', { name: 'Change dose' }).click();
  await page.getByLabel('New daily dose (mcg/day)').fill(mcg);
  await page.getByRole('button', { name: 'Check dose' }).click();
};

describe('clinician programmer in Chromium', () => {
  it('connects and shows what the pump believes, with the forecast dates', async () => {
    await connect();
    expect(await text('prog-reservoir')).toBe('20.00 mL');
    expect(await text('prog-therapy')).toBe('Simple continuous, 250.0 mcg/day');
    expect(await text('prog-refill')).toBe('day 36, 08:00');
    // a new battery at 0.5 mL/day: 7,665,000,000 units at 3,500,000 a day is 2190 days, then 90 to EOS
    expect(await text('prog-eri')).toBe('battery OK; expected about day 2190');
    expect(await text('prog-replace-by')).toBe('day 2280');
    await screenshot(page, '10-programmer-status');
  });

  it('changes a dose past the titration limit only after confirmation, through the finish screen, and verifies', async () => {
    await connect();
    await enterDose('330');
    // the wizard shows where the clinician is: step 1 of 3, New dose
    expect(await page.getByTestId('wizard-steps').getAttribute('aria-label')).toBe('Step 1 of 3');
    expect(await page.locator('.wizard-step[aria-current="step"]').innerText()).toContain('New dose');
    await expect(text('finding-dose.titrationStep')).resolves.toContain('+32 %');
    expect(await page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Confirm this change' }).click();
    await page.getByRole('button', { name: 'Review changes' }).click();
    const diff = await text('finish-diff');
    expect(diff).toContain('Simple continuous, 250.0 mcg/day');
    expect(diff).toContain('Simple continuous, 330.0 mcg/day');
    // the dates that change with it: (20 - 2) mL at 0.5 mL/day is day 36; at 0.66 mL/day, 18 mL lasts 27.27 days (27 d 6 h 32.7 min)
    expect(diff).toContain('Low-reservoir alarm expected\tday 36, 08:00\tday 27, 14:32');
    expect(diff).toContain('Refill by\tday 36, 08:00\tday 27, 14:32');
    // and the battery: 3,660,000 units a day at 0.66 mL/day reach ERI at 7,665,000,000 / 3,660,000 = 2094.3 days
    expect(diff).toContain('Elective replacement (ERI) expected\tday 2190\tday 2094');
    expect(await page.getByTestId('wizard-steps').getAttribute('aria-label')).toBe('Step 2 of 3');
    await screenshot(page, '11-finish-screen');
    await page.getByRole('button', { name: 'Confirm and update pump' }).click();
    await expect(text('session-state')).resolves.toBe('Connected');
    // a clear ending: the pump was updated, and the programmer checked it by reading it back
    expect(await text('session-notice')).toBe('Pump updated and verified at day 0, 08:00.');
    expect(await text('prog-therapy')).toBe('Simple continuous, 330.0 mcg/day');
    expect(await text('pump-dose')).toBe('330.0 mcg/day');
  });

  it('catches a decimal slip: a tenfold cut must be typed again and confirmed as the large cut it is', async () => {
    await connect();
    await enterDose('25');
    await expect(text('finding-dose.tenfoldChange')).resolves.toContain('check the decimal point');
    expect(await text('finding-dose.largeDecrease')).toContain('a large cut risks withdrawal');
    expect(await page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(true);
    await page.getByLabel('Type the new daily dose again (mcg/day)').fill('25');
    await page.getByRole('button', { name: 'Check re-entry' }).click();
    await expect(page.getByText('Re-entry matches.').isVisible()).resolves.toBe(true);
    // typed again is not enough: the cut itself is confirmed too
    expect(await page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Confirm this change' }).click();
    await screenshot(page, '12-decimal-slip');
    expect(await page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(false);
  });

  it('keeps a tenfold slip (100 to 1000 mcg/day) from the pump until it is typed again and its titration confirmed', async () => {
    // first a planned cut to 100 mcg/day (confirmed as a large cut), sent and verified
    await connect();
    await enterDose('100');
    await page.getByRole('button', { name: 'Confirm this change' }).click();
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: 'Confirm and update pump' }).click();
    await expect(text('session-state')).resolves.toBe('Connected');
    expect(await text('pump-dose')).toBe('100.0 mcg/day');
    // then the slip: 1000 typed for 100
    await enterDose('1000');
    expect(await text('finding-dose.tenfoldChange')).toContain('10 times the current 100 mcg/day');
    expect(await text('finding-dose.titrationStep')).toContain('+900 %');
    await page.getByLabel('Type the new daily dose again (mcg/day)').fill('1000');
    await page.getByRole('button', { name: 'Check re-entry' }).click();
    await expect(page.getByText('Re-entry matches.').isVisible()).resolves.toBe(true);
    expect(await page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(true);
    expect(await text('pump-dose')).toBe('100.0 mcg/day');
    await page.getByRole('button', { name: 'Confirm this change' }).click();
    expect(await page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(false);
  });

  it('keeps the incomplete-session warning up after a dropped update until therapy is restarted', async () => {
    await connect();
    await page.getByRole('button', { name: 'Drop the link during the next update' }).click();
    await enterDose('300');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: 'Confirm and update pump' }).click();
    await expect(page.getByTestId('incomplete-warning').isVisible()).resolves.toBe(true);
    expect(await text('session-notice')).toContain('link dropped');
    expect(await text('pump-state')).toBe('stopped');
    await page.getByRole('button', { name: 'Connect and interrogate' }).click();
    await expect(text('session-state')).resolves.toBe('Update not verified');
    await screenshot(page, '13-incomplete-session');
    // the restart is confirmed first, in clinical words: the pump has delivered nothing meanwhile
    expect(await page.getByRole('button', { name: 'Restart therapy (previous program)' }).isDisabled()).toBe(true);
    expect(await text('finding-therapy.restart')).toContain('tolerance falls');
    await page.getByRole('button', { name: 'Confirm this change' }).click();
    await page.getByRole('button', { name: 'Restart therapy (previous program)' }).click();
    await expect(text('session-state')).resolves.toBe('Connected');
    expect(await page.getByTestId('incomplete-warning').count()).toBe(0);
    expect(await text('pump-state')).toBe('running');
  });

  it('warns of an incomplete session when the pump’s answer to the session start is lost (REQ-SES-02)', async () => {
    await connect();
    await enterDose('300');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: "Lose the pump's answer to the next message" }).click();
    await page.getByRole('button', { name: 'Confirm and update pump' }).click();
    await expect(page.getByTestId('incomplete-warning').isVisible()).resolves.toBe(true);
    expect(await text('pump-state')).toBe('stopped');
    expect(await text('pump-dose')).toBe('250.0 mcg/day');
    await page.getByRole('button', { name: 'Connect and interrogate' }).click();
    await expect(text('session-state')).resolves.toBe('Update not verified');
    await screenshot(page, '14-lost-acknowledgement');
    // verifying says what the pump is doing, never nothing
    await page.getByRole('button', { name: 'Verify pump' }).click();
    await expect(text('session-notice')).resolves.toContain('The pump is STOPPED');
    // sending again is reviewed again: the change comes back to the finish screen first
    await page.getByRole('button', { name: 'Send the update again' }).click();
    await expect(text('session-state')).resolves.toBe('Connected: editing');
    await page.getByRole('button', { name: 'Review changes' }).click();
    expect(await text('finish-diff')).toContain('300.0 mcg/day');
    await page.getByRole('button', { name: 'Confirm and update pump' }).click();
    await expect(text('session-state')).resolves.toBe('Connected');
    expect(await page.getByTestId('incomplete-warning').count()).toBe(0);
    expect(await text('pump-dose')).toBe('300.0 mcg/day');
  });

  it('closes a session left idle as simulated time passes, so a refill reads the pump afresh (28 days later)', async () => {
    await connect();
    expect(await text('prog-reservoir')).toBe('20.00 mL');
    for (let week = 0; week < 4; week += 1) await page.getByRole('button', { name: '+1 week' }).click();
    await expect(text('session-state')).resolves.toBe('Not connected');
    expect(await text('session-notice')).toContain('closed after 5 minutes without activity');
    expect(await page.getByRole('button', { name: 'Refill' }).count()).toBe(0);
    await connect();
    // 28 days at 0.5 mL/day: the refill expects what is there now, not what was there at day 0
    expect(await text('prog-reservoir')).toBe('6.00 mL');
    await page.getByRole('button', { name: 'Refill' }).click();
    expect(await text('refill-expected')).toBe('6.00 mL');
  });

  it('will not let a refill be cancelled once the needle acted: says what is hidden, records it, and stops the pump', async () => {
    await connect();
    await page.getByRole('button', { name: 'Refill' }).click();
    await page.getByRole('button', { name: 'Aspirate the reservoir' }).click();
    expect(await text('refill-syringe')).toBe('The syringe shows 18.60 mL.');
    await page.getByLabel('Volume injected (mL)').fill('18');
    await page.getByLabel('Concentration injected (mcg/mL)').fill('2000');
    await page.getByRole('button', { name: 'Inject and calculate' }).click();
    // the review is not possible yet, and it says why beside the button
    expect(await page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(true);
    expect(await text('review-blocked')).toContain('Choose a bridge bolus or no bridge');
    await page.getByRole('button', { name: 'Cancel' }).click();
    // 1.4 mL of 500 and 18 mL of 2000 make about 1892 mcg/mL where the pump believes 500
    const warning = await text('refill-abandon');
    expect(warning).toContain('cannot be undone');
    expect(warning).toContain('about 1892 mcg/mL: the pump would deliver 3.8 times the programmed dose');
    expect(await text('session-state')).toBe('Connected: editing');
    await screenshot(page, '15-refill-abandoned');
    // the refill cannot be left by ending the session either
    await page.getByRole('button', { name: 'End session' }).click();
    expect(await text('programmer-refused')).toContain('cannot be cancelled');
    await page.getByRole('button', { name: 'Stop the pump until it is refilled' }).click();
    // a stop is confirmed in clinical words, like any other change
    expect(await text('finding-therapy.stop')).toContain('Withdrawal usually begins within 1 to 3 days');
    // the stop records what is in the reservoir with it: the 2000 mcg/mL injected, mixed with the dead space's 500
    expect(await text('finding-refill.residualMixing')).toContain('about 1891.8 mcg/mL');
    while ((await page.getByRole('button', { name: 'Confirm this change' }).count()) > 0)
      await page.getByRole('button', { name: 'Confirm this change' }).first().click();
    await page.getByRole('button', { name: 'Review changes' }).click();
    expect(await text('finish-diff')).toContain('19.40 mL');
    await page.getByRole('button', { name: 'Confirm and update pump' }).click();
    await expect(text('session-state')).resolves.toBe('Connected');
    expect(await text('pump-state')).toBe('stopped');
    expect(await text('pump-mode')).toBe('stopped');
    // the pump now knows the strength it holds, so a restart cannot run it at a quarter of the belief
    expect(await text('prog-drug')).toContain('2000');
  });

  it('holds a bolus to its limit in mcg, keeps the queued value after Back, and asks before a second change replaces it', async () => {
    await connect();
    await page.getByRole('button', { name: 'Bolus, alarm, catheter, MRI, stop and restart' }).click();
    await page.getByLabel('Bolus dose (mcg)').fill('500');
    await page.getByRole('button', { name: 'Prepare single bolus' }).click();
    // 500 mcg is above the library's 300 mcg for one bolus: refused, and the review says why
    expect(await text('finding-bolus.aboveHardLimit')).toContain('A bolus of 500 mcg is above');
    expect(await page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(true);
    expect(await text('review-blocked')).toContain('Refused: A bolus of 500 mcg');
    await page.getByLabel('Bolus dose (mcg)').fill('150');
    await page.getByRole('button', { name: 'Prepare single bolus' }).click();
    // a second change asks before it replaces the first
    await page.getByTestId('replace-prepared').waitFor();
    expect(await text('prepared')).toContain('500.0 mcg');
    await page.getByRole('button', { name: 'Replace the prepared change' }).click();
    expect(await text('prepared')).toContain('150.0 mcg (0.30 mL) over 60 min');
    await page.getByRole('button', { name: 'Confirm this change' }).click();
    await page.getByRole('button', { name: 'Review changes' }).click();
    expect(await text('finish-diff')).toContain('150.0 mcg (0.30 mL) over 60 min');
    await page.getByRole('button', { name: 'Back' }).click();
    // back on the screen, the field shows what is queued
    expect(await page.getByLabel('Bolus dose (mcg)').inputValue()).toBe('150');
    await page.getByRole('button', { name: 'Prepare alarm change' }).click();
    await page.getByTestId('replace-prepared').waitFor();
    await page.getByRole('button', { name: 'Keep the prepared change' }).click();
    expect(await text('prepared')).toContain('150.0 mcg');
  });

  it('says when the communicator is out of range', async () => {
    await page.getByLabel(/Communicator distance/).fill('500');
    await page.getByRole('button', { name: 'Connect and interrogate' }).click();
    await expect(text('session-notice')).resolves.toContain('out of range');
  });
});

describe('accessibility (axe-core)', () => {
  it('has no serious or critical violations on the status, dose-change and finish screens', async () => {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await connect();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await enterDose('330');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirm this change' }).click();
    await page.getByRole('button', { name: 'Review changes' }).click();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

describe('refill wizard', () => {
  it('finds more in the reservoir than expected after a silent occlusion, flags it, and records the refill', async () => {
    await page.getByRole('button', { name: 'Catheter occlusion (full)', exact: true }).click();
    await page.getByRole('button', { name: '+1 week' }).click();
    await connect();
    await page.getByRole('button', { name: 'Refill' }).click();
    expect(await text('refill-expected')).toBe('16.50 mL');
    await page.getByRole('button', { name: 'Aspirate the reservoir' }).click();
    expect(await text('refill-syringe')).toBe('The syringe shows 18.60 mL.');
    await page.getByLabel('Volume injected (mL)').fill('18');
    await page.getByRole('button', { name: 'Inject and calculate' }).click();
    const discrepancy = await text('refill-discrepancy');
    expect(discrepancy).toContain('Discrepancy');
    expect(discrepancy).toContain('more');
    expect(discrepancy).toContain('motor stall');
    await screenshot(page, '14-refill-discrepancy');
    // the discrepancy is recorded knowingly: a confirmation before the review
    expect(await page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Confirm this change' }).click();
    await page.getByRole('button', { name: 'Review changes' }).click();
    expect(await text('finish-diff')).toContain('Reservoir volume');
    await page.getByRole('button', { name: 'Confirm and update pump' }).click();
    await expect(text('session-state')).resolves.toBe('Connected');
    // what is known: the 1.4 mL dead space aspiration leaves, plus the 18 mL injected
    expect(await text('prog-reservoir')).toBe('19.40 mL');
  });
});

describe('other workflows', () => {
  it('prepares a single bolus, a new alarm threshold and an alarm test through the same finish screen', async () => {
    await connect();
    await page.getByRole('button', { name: 'Bolus, alarm, catheter, MRI, stop and restart' }).click();
    expect(await text('mri-advice')).toContain('Do not program the pump to stop before the scan');
    await page.getByRole('button', { name: 'Prepare single bolus' }).click();
    await page.getByRole('button', { name: 'Review changes' }).click();
    expect(await text('finish-diff')).toContain('single bolus');
    // the review says the dose in mcg, not only its volume: 0.1 mL of 500 mcg/mL is 50 mcg
    expect(await text('finish-diff')).toContain('50.0 mcg (0.10 mL) over 60 min');
    await page.getByRole('button', { name: 'Confirm and update pump' }).click();
    await expect(text('session-state')).resolves.toBe('Connected');
    expect(await text('pump-mode')).toBe('bolus');
    await page.getByRole('button', { name: 'Bolus, alarm, catheter, MRI, stop and restart' }).click();
    await page.getByLabel('Alarm at (mL)').fill('0.1');
    await page.getByRole('button', { name: 'Prepare alarm change' }).click();
    await page.getByText(/Low-reservoir alarm: expected a number from 0.5 to 10 mL, found 0.1 mL/).waitFor();
    await page.getByLabel('Alarm at (mL)').fill('4');
    await page.getByRole('button', { name: 'Prepare alarm change' }).click();
    await page.getByRole('button', { name: 'Review changes' }).click();
    expect(await text('finish-diff')).toContain('4.00 mL');
    await page.getByRole('button', { name: 'Confirm and update pump' }).click();
    await expect(text('session-state')).resolves.toBe('Connected');
    await screenshot(page, '15-after-alarm-change');
  });
});
