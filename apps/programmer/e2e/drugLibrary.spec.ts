import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, launchBrowser, screenshot, seriousAccessibilityViolations } from './browser.ts';

// The drug library on the trainee's own programmer (#/programmer) at 800x1280: a refill that
// changes the pump from baclofen to morphine with baclofen admixed, each strength typed in its
// drug's unit, the one gate refusing a morphine dose above its hard limit in mg/day, then the
// admixture reviewed and sent, each drug's dose on the review and the status.
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
afterEach(async () => {
  await context.close();
});

const text = (id: string) => page.getByTestId(id).innerText();
const press = (name: string) => page.getByRole('button', { name, exact: true }).click();
/** Confirms every finding the screen asks to be confirmed, one at a time as the clinician reads them. */
const confirmAll = async () => {
  const buttons = page.getByRole('button', { name: 'Confirm this change' });
  while ((await buttons.count()) > 0) await buttons.first().click();
};

describe('the drug library on the programmer', () => {
  it('chooses morphine with baclofen admixed at a refill, refuses 40 mg/day, sends 2 mg/day with each drug shown in its unit', async () => {
    context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
    page = await context.newPage();
    await page.goto(`${APP_URL}#/programmer`);
    await page.locator('.programmer-surface').waitFor();
    const skip = page.getByRole('button', { name: 'Skip the guide' });
    if ((await skip.count()) > 0) await skip.click();
    await press('Connect and interrogate');
    await expect.poll(() => text('session-state')).toBe('Connected');
    expect(await text('prog-drug')).toBe('baclofen 500 mcg/mL');
    // a baclofen pump with no opioid history recorded does not clutter the patient line with it
    expect(await page.getByTestId('prog-opioid-history').count()).toBe(0);

    await press('Refill');
    await press('Aspirate the reservoir');
    await page.getByLabel('Volume injected (mL)').fill('18');
    await page.getByLabel('Drug', { exact: true }).selectOption({ label: 'Morphine (preservative-free, intrathecal)' });
    // the strength is typed in the drug's own unit: mg/mL for morphine
    await page.getByLabel('Concentration injected (mg/mL)').fill('25');
    await press('Add a drug to the admixture');
    await page.getByLabel('Admixed drug 1', { exact: true }).selectOption({ label: 'Baclofen (intrathecal)' });
    await page.getByLabel('Admixed drug 1 concentration (mcg/mL)').fill('1000');
    // a new drug's dose does not carry over from baclofen's 250 mcg/day: it is typed, in mg/day
    await page.getByLabel('New daily dose of morphine (mg/day)').fill('40');
    await screenshot(page, '80-drug-choice-admixture-800x1280');
    await press('Inject and calculate');
    expect(await text('refill-injected')).toBe('Injected 18.00 mL of morphine 25 mg/mL + baclofen 1000 mcg/mL.');
    // 40 mg/day at 25 mg/mL is 1.6 mL/day: baclofen admixed at 1000 mcg/mL gets 1600 mcg/day
    expect(await text('refill-drug-doses')).toBe('morphine 40.000 mg/day; baclofen 1,600.0 mcg/day (admixed)');
    await expect
      .poll(() => text('review-blocked'))
      .toContain("40 mg/day is above the drug library's hard limit of 30 mg/day.");
    // the refusal stands where the clinician reads, in mg/day, not only beside the disabled review
    expect(await text('finding-dose.aboveHardLimit')).toBe(
      "Refused: 40 mg/day is above the drug library's hard limit of 30 mg/day.",
    );
    expect(await page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(true);
    await page.getByLabel('Bridge bolus').check();
    await screenshot(page, '81-drug-morphine-refused-800x1280');

    // the dose typed again, inside the library: 2 mg/day; baclofen then gets 2/25 x 1000 = 80 mcg/day
    await page.getByLabel('New daily dose of morphine (mg/day)').fill('2');
    await press('Change the dose');
    await expect.poll(() => text('refill-drug-doses')).toBe('morphine 2.000 mg/day; baclofen 80.0 mcg/day (admixed)');
    // baclofen falls from 250 to 80 mcg/day: its own withdrawal step, judged as baclofen's
    await expect
      .poll(() => text('finding-admixture.drugStepDown'))
      .toContain('Baclofen (intrathecal), admixed at 1000 mcg/mL');
    expect(await text('finding-dose.opioidHistoryUnknown')).toContain('2 mg/day is above the 1 mg/day');
    expect(await text('finding-concentration.aboveUsualMaximum')).toContain(
      '25 mg/mL is above the usual maximum of 20 mg/mL',
    );
    await confirmAll();
    await expect.poll(() => page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(false);
    await press('Review changes');
    const diff = await text('finish-diff');
    expect(diff).toContain('Drugs in the reservoir\tbaclofen 500 mcg/mL\tmorphine 25 mg/mL + baclofen 1000 mcg/mL');
    expect(diff).toContain('Therapy\tSimple continuous, 250.0 mcg/day\tSimple continuous, 2.000 mg/day');
    expect(diff).toContain('Concentration\t500 mcg/mL\t25 mg/mL');
    expect(diff).toContain('24-hour baclofen (admixed)\t250.0 mcg/day\t80.0 mcg/day');
    // the bridge moves the old solution in the tubing and catheter: 0.304 mL of baclofen 500 mcg/mL is 152 mcg
    expect(diff).toContain('bridge bolus\t-\t152.0 mcg of baclofen (0.30 mL)');
    await screenshot(page, '82-drug-admixture-review-800x1280');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await press('Confirm and update pump');
    await expect.poll(() => text('session-notice')).toContain('Pump updated and verified');
    expect(await text('prog-drug')).toBe('morphine 25 mg/mL + baclofen 1000 mcg/mL');
    expect(await text('prog-therapy')).toBe('Simple continuous, 2.000 mg/day');
    expect(await text('prog-drug-doses')).toBe('morphine 2.000 mg/day; baclofen 80.0 mcg/day (admixed)');
    // once the pump holds an opioid, the patient line says what the pump records of the opioid history
    expect(await text('prog-opioid-history')).toContain('opioid history not recorded');
    await screenshot(page, '83-drug-admixture-status-800x1280');
  });
});
