import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, launchBrowser, screenshot } from './browser.ts';

// A hurried clinician on the trainee's own programmer (#/programmer) at 800x1280, down the second
// path of each workflow: a flex step instead of a simple dose, a stop, a reload after the needle
// acted, an empty aspiration, a concentration change with the bridge left unset, a lost
// acknowledgement. Judged by what reaches the pump (the programmer interrogates it again) and by the
// truth on the instructor's console, a second window of the same browser (one world for both).
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
let page: Page;
let instructor: Page;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
afterEach(async () => {
  await context.close();
});

/** A fresh tablet: the trainee's programmer, and the instructor's console in a second window. */
async function tablet(exercise: string | null): Promise<void> {
  context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
  page = await context.newPage();
  await page.goto(`${APP_URL}#/bedside`);
  if (exercise !== null) {
    await page.getByLabel('Exercise', { exact: true }).selectOption({ label: exercise });
    await page.getByRole('button', { name: 'Start exercise' }).click();
    await page.getByTestId('training-name').waitFor();
  }
  await page.evaluate(() => {
    location.hash = '#/programmer';
  });
  await page.locator('.programmer-surface').waitFor();
  const skip = page.getByRole('button', { name: 'Skip the guide' });
  if ((await skip.count()) > 0) await skip.click();
  instructor = await context.newPage();
  await instructor.goto(`${APP_URL}#/instructor`);
  await instructor.getByTestId('truth-reservoir').waitFor();
}
const text = (p: Page, id: string) => p.getByTestId(id).innerText();
const press = (name: string) => page.getByRole('button', { name, exact: true }).click();
const connect = async () => {
  await press('Connect and interrogate');
  await expect.poll(() => text(page, 'session-state')).toBe('Connected');
};
/** What the pump holds, read again by the programmer: end the session and interrogate afresh. */
const interrogateAgain = async () => {
  await press('End session');
  await connect();
};

describe('a hurried clinician down the second path', () => {
  it('a flex step of 5000 mcg/day is refused whatever the 24-hour total, and never reaches the pump', async () => {
    await tablet(null);
    await connect();
    await press('Flex schedule');
    await page.getByLabel('Step 1 dose (mcg/day)').fill('25');
    await press('Add step');
    await page.getByLabel('Step 2 starts at (HH:MM)').fill('12:00');
    await page.getByLabel('Step 2 dose (mcg/day)').fill('5000');
    await press('Add step');
    await page.getByLabel('Step 3 starts at (HH:MM)').fill('13:00');
    await page.getByLabel('Step 3 dose (mcg/day)').fill('25');
    await press('Check schedule');
    expect(await page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(true);
    const why = await text(page, 'review-blocked');
    expect(why).toContain("Refused: A flex step runs at a dose per day above the drug library's hard limit");
    expect(why).toContain('12:00 5000 mcg/day');
    await screenshot(page, '70-adversary-flex-step-refused-800x1280');
    await press('Cancel');
    await interrogateAgain();
    expect(await text(page, 'prog-therapy')).toBe('Simple continuous, 250.0 mcg/day');
  });

  it('a value typed over after its check cannot be reviewed until it is checked again', async () => {
    await tablet(null);
    await connect();
    await press('Change dose');
    await page.getByLabel('New daily dose (mcg/day)').fill('300');
    await press('Check dose');
    expect(await page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(false);
    // a slip after the check: 3000 typed where 300 was checked
    await page.getByLabel('New daily dose (mcg/day)').fill('3000');
    expect(await page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(true);
    expect(await text(page, 'review-blocked')).toContain('Changed since it was checked');
    await press('Check dose');
    expect(await text(page, 'review-blocked')).toContain('above the drug library');
    await screenshot(page, '77-adversary-edit-after-check-800x1280');
  });

  it('stopping therapy says what follows in days, is confirmed, and the review says it stays stopped', async () => {
    await tablet(null);
    await connect();
    await press('Bolus, alarm, catheter, MRI, stop and restart');
    await press('Prepare stop therapy');
    expect(await text(page, 'finding-therapy.stop')).toContain('Withdrawal usually begins within 1 to 3 days');
    expect(await page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(true);
    await screenshot(page, '71-adversary-stop-confirm-800x1280');
    await press('Confirm this change');
    await press('Review changes');
    expect(await page.locator('[data-testid="finish-diff"] caption').innerText()).toContain(
      'stays stopped when the update completes',
    );
    await screenshot(page, '72-adversary-stop-review-800x1280');
    await press('Confirm and update pump');
    await expect.poll(() => text(page, 'session-state')).toBe('Connected');
    await interrogateAgain();
    expect(await text(page, 'prog-dose-now')).toContain('0');
  });

  it('after the needle acted, a reload comes back to the same step, and cancelling is refused until the truth is recorded', async () => {
    await tablet('the low-reservoir alarm');
    await connect();
    await press('Refill');
    await press('Aspirate the reservoir');
    const syringe = await text(page, 'refill-syringe');
    // the reload: the page is gone, the world is not
    await page.reload();
    await page.locator('.programmer-surface').waitFor();
    await expect.poll(() => text(page, 'refill-syringe')).toBe(syringe);
    await press('Cancel');
    expect(await text(page, 'refill-abandon')).toContain('cannot be undone');
    await screenshot(page, '73-adversary-reload-after-needle-800x1280');
    // the instructor's console shows what is really in the reservoir now
    expect(await text(instructor, 'truth-reservoir')).toContain('1.40 mL');
    await press('Record what is in the pump');
    await press('Review changes');
    expect(await text(page, 'finish-diff')).toContain('1.40 mL');
    await press('Confirm and update pump');
    await expect.poll(() => text(page, 'session-state')).toBe('Connected');
    await interrogateAgain();
    // what the pump now believes is no more than the truth
    expect(await text(page, 'prog-reservoir')).toBe('1.40 mL');
  });

  it('an empty aspiration stops the clinician before injecting, and the volume to record is what went in', async () => {
    await tablet('the refill that went into the pocket');
    await connect();
    await press('Refill');
    await press('Aspirate the reservoir');
    expect(await text(page, 'refill-syringe')).toBe('The syringe shows 0.00 mL.');
    const warning = await text(page, 'finding-refill.shortAspiration');
    expect(warning).toContain('Do not inject until you know where the needle is');
    expect(warning).toContain('the needle is not in the reservoir now');
    await page.getByLabel('Volume injected (mL)').fill('18');
    await press('Inject and calculate');
    expect(await page.getByRole('alert').filter({ hasText: 'Do not inject yet' }).count()).toBe(1);
    await screenshot(page, '74-adversary-empty-aspiration-800x1280');
    await press('Confirm this change');
    await press('Inject and calculate');
    expect(await text(page, 'refill-new-volume')).toBe('18.00 mL');
    await press('Confirm this change');
    await press('Review changes');
    await press('Confirm and update pump');
    await expect.poll(() => text(page, 'session-state')).toBe('Connected');
    await interrogateAgain();
    expect(await text(page, 'prog-reservoir')).toBe('18.00 mL');
    expect(await text(instructor, 'truth-reservoir')).toContain('18.00 mL');
  });

  it('a concentration change with the bridge left unset asks for it where it is shown, after the injection', async () => {
    await tablet(null);
    await connect();
    await press('Refill');
    await press('Aspirate the reservoir');
    await page.getByLabel('Volume injected (mL)').fill('18');
    await page.getByLabel('Concentration injected (mcg/mL)').fill('2000');
    await press('Inject and calculate');
    await page.getByTestId('refill-bridge').waitFor();
    expect(await text(page, 'review-blocked')).toContain('Choose a bridge bolus or no bridge');
    await screenshot(page, '75-adversary-bridge-after-injection-800x1280');
    await page.getByLabel('Bridge bolus').check();
    // the dead space's 500 mcg/mL mixes with the 2000: recorded knowingly
    expect(await text(page, 'finding-refill.residualMixing')).toContain('about 1891.8 mcg/mL');
    await press('Confirm this change');
    await expect.poll(() => page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(false);
    await press('Review changes');
    await press('Confirm and update pump');
    await expect.poll(() => text(page, 'session-state')).toBe('Connected');
    await interrogateAgain();
    expect(await text(page, 'prog-drug')).toContain('2000');
  });

  it('a lost acknowledgement: verify says the pump is stopped, and sending again is reviewed again', async () => {
    await tablet(null);
    await connect();
    await press('Change dose');
    await page.getByLabel('New daily dose (mcg/day)').fill('300');
    await page.getByLabel('New daily dose (mcg/day)').press('Enter');
    await press('Review changes');
    await instructor.getByRole('button', { name: "Lose the pump's answer to the next message" }).click();
    await press('Confirm and update pump');
    await page.getByTestId('incomplete-warning').waitFor();
    await press('Connect and interrogate');
    await press('Verify pump');
    await expect.poll(() => text(page, 'session-notice')).toContain('The pump is STOPPED');
    await screenshot(page, '76-adversary-verify-says-stopped-800x1280');
    await press('Send the update again');
    await expect.poll(() => text(page, 'session-state')).toBe('Connected: editing');
    await press('Review changes');
    await press('Confirm and update pump');
    await expect.poll(() => text(page, 'session-state')).toBe('Connected');
    await interrogateAgain();
    expect(await text(page, 'prog-therapy')).toBe('Simple continuous, 300.0 mcg/day');
  });
});
