import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildWeekLate, followTheVisit, goToStep, settled, WEEK_LATE } from './authorSteps.ts';
import { APP_URL, SCREENSHOT_DIR, screenshot, seriousAccessibilityViolations, setUpAppPage } from './browser.ts';

// practising alone: the static build, no server; the library is this browser's
const app = setUpAppPage({ width: 800, height: 1280 });
let page: Page;
beforeEach(async () => {
  page = app.page();
  await page.goto(`${APP_URL}#/author`);
});

describe('the exercise editor, practising alone (solo build)', () => {
  it('builds the refill a week late from a template, sees both courses, saves versions in the browser, exports and imports the YAML', async () => {
    await page.getByTestId('library-empty').waitFor();
    await screenshot(page, 'author-800x1280-start');
    await buildWeekLate(page, (step) => screenshot(page, `author-800x1280-${step}`));
    // the timeline's markers are sliders, its fields labelled: nothing serious for a screen reader
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await followTheVisit(page, (step) => screenshot(page, `author-800x1280-${step}`), 'with the visit');

    await page.getByTestId('preview').screenshot({ path: `${SCREENSHOT_DIR}author-800x1280-preview.png` });
    // the two courses side by side: doing nothing fails, the right plan passes
    expect(await page.getByTestId('course-idle-score').innerText()).toContain('not passed');
    const plan = await page.getByTestId('course-plan-score').innerText();
    expect(plan).toMatch(/^Score \d+ %, passed$/);
    // the same in one line at the top, in sight while the step scrolls
    expect(await page.getByTestId('preview-summary').innerText()).toMatch(
      /doing nothing scores \d+ % \(not passed\); the right plan scores \d+ % \(passed\)/,
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // checked as typed: too much for this pump's reservoir is said beside the field, and Save refuses with the reason
    await goToStep(page, 'Pump');
    const volume = page.getByLabel('Volume in the reservoir (mL)');
    await volume.fill('30');
    const beside = page.locator('[data-path="pump.reservoir.volumeMl"]').getByTestId('field-problem');
    await beside.waitFor();
    expect(await beside.innerText()).toContain('at most 20 mL');
    expect(await volume.getAttribute('aria-invalid')).toBe('true');
    await settled(page);
    await page.getByRole('button', { name: 'Save to the library' }).click();
    expect(await page.getByTestId('save-note').innerText()).toMatch(
      /^Not saved: one problem to mend first\. .*at most 20 mL/,
    );
    expect(await page.getByTestId('author-version').innerText()).toBe('Not saved yet');
    await volume.fill('20');
    await beside.waitFor({ state: 'detached' });
    await settled(page);

    await page.getByRole('button', { name: 'Save to the library' }).click();
    await page.getByTestId('save-note').getByText('Saved as version 1.').waitFor();
    expect(await page.getByTestId('author-version').innerText()).toContain("Version 1 in this browser's library");

    // export: the scenario format's YAML, the kink at day 3 and the visit at day 35
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export YAML' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('the-refill-a-week-late-with-a-kink-at-day-3.scenario.yaml');
    const yaml = readFileSync((await download.path()) as string, 'utf8');
    expect(yaml).toContain('kind: catheterKink');
    expect(yaml).toMatch(/- at: P3D\n\s+action: fault/);
    expect(yaml).toContain('visitAt: P35D');

    // an edit is version 2; the library lists the exercise at its latest version
    await goToStep(page, 'Objectives and rubric');
    await page.getByTestId('objective-2').getByLabel('Worth (points)').fill('25');
    await settled(page);
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByTestId('save-note').getByText('Saved as version 2.').waitFor();

    // another window saves version 3 meanwhile: a save from version 2 is refused as stale, nothing lost unasked
    const [other] = await Promise.all([
      page.waitForEvent('popup'),
      page.evaluate((url) => void window.open(url, '_blank'), `${APP_URL}#/author`),
    ]);
    await other.getByRole('button', { name: `Open ${WEEK_LATE.replace('Training: ', '')}` }).click();
    await goToStep(other, 'Objectives and rubric');
    await other.getByTestId('objective-0').getByLabel('Worth (points)').fill('15');
    await settled(other);
    await other.getByRole('button', { name: 'Save as a new version' }).click();
    await other.getByTestId('save-note').getByText('Saved as version 3.').waitFor();
    await other.close();
    await page.getByTestId('objective-1').getByLabel('Worth (points)').fill('5');
    await settled(page);
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page
      .getByTestId('save-note')
      .getByText(/^Not saved: Version 3 was saved after the version 2 you edited/)
      .waitFor();
    await page.getByRole('button', { name: 'Open the latest version' }).click();
    await page.getByRole('button', { name: 'Yes, open the latest' }).click();
    await page.getByTestId('author-version').getByText("Version 3 in this browser's library").waitFor();
    expect(await page.getByTestId('objective-0').getByLabel('Worth (points)').inputValue()).toBe('15');

    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('library-table').waitFor();
    expect(await page.getByTestId('library-table').innerText()).toContain('v3');
    await screenshot(page, 'author-800x1280-library');

    // a variant: duplicated as a copy, then retired; it leaves the list and comes back when asked for
    const table = page.getByTestId('library-table');
    await page.getByRole('button', { name: 'Duplicate the refill a week late with a kink at day 3' }).click();
    await table.getByText('the refill a week late with a kink at day 3 (copy)').waitFor();
    await page.getByLabel('Search').fill('copy');
    await table.locator('tbody tr').nth(1).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Retire' }).click();
    await page.getByRole('button', { name: 'Yes, retire it' }).click();
    await page.getByTestId('library-empty').waitFor();
    await page.getByLabel('Show retired').check();
    expect(await table.innerText()).toContain('(retired)');
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Show retired').uncheck();
    await page.getByLabel('Topic').selectOption({ label: 'Withdrawal' });
    await page.getByTestId('library-empty').waitFor();
    await page.getByLabel('Topic').selectOption({ label: 'Catheter problems' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);

    // the exported file imports again as the same exercise
    await page.getByLabel('Exercise file').setInputFiles({
      name: 'week-late.scenario.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(yaml),
    });
    await page.getByTestId('step-brief').waitFor();
    expect(await page.getByLabel('Title of the exercise').inputValue()).toBe(WEEK_LATE);
    expect(await page.getByTestId('author-version').innerText()).toBe('Not saved yet');
  });

  it('writes a pain exercise: a morphine template reads in mg, the patient step asks for pain, and a pump changed to ziconotide reads in mcg', async () => {
    await page.getByTestId('library-empty').waitFor();
    await page
      .getByRole('button', { name: 'Use as template: a patient bolus asked for an opioid-naive patient' })
      .click();
    await goToStep(page, 'Pump');
    await page.getByTestId('step-pump').waitFor();
    expect(await page.getByLabel('Drug in the reservoir').inputValue()).toBe('morphine');
    expect(await page.getByLabel('Concentration (mg/mL)').inputValue()).toBe('10');
    expect(await page.getByLabel('Daily dose (mg/day)').inputValue()).toBe('0.5');
    await settled(page);
    await screenshot(page, 'author-800x1280-pump-morphine');
    await goToStep(page, 'Patient');
    expect(await page.getByLabel('Opioid history').inputValue()).toBe('naive');
    await page.getByLabel("Pain score without the pump's drug").waitFor();
    await screenshot(page, 'author-800x1280-patient-pain');
    // both courses of the morphine exercise run in the preview, in mg/day, with her pain and breathing (no muscle tone)
    await page
      .getByTestId('preview-summary')
      .getByText(/the right plan scores \d+ % \(passed\)/)
      .waitFor();
    for (const course of ['course-idle', 'course-plan']) {
      const view = page.getByTestId(course);
      expect(await view.getByText('Dose at the catheter tip').innerText()).toBe('Dose at the catheter tip (mg/day)');
      expect(await page.getByTestId(`${course}-pain`).getByRole('img').getAttribute('aria-label')).toBe(
        'The patient: pain: no danger stage',
      );
      expect(await page.getByTestId(`${course}-breathing`).innerText()).toContain('breaths a minute');
      expect(await view.getByText('The patient: muscle tone').count()).toBe(0);
    }
    // doing nothing: 0.5 mg/day to the end; the plan's one step: 0.65 mg/day
    expect(
      await page
        .getByTestId('course-idle')
        .getByRole('img', { name: /^Dose at the catheter tip/ })
        .getAttribute('aria-label'),
    ).toMatch(/the pump is set to 0\.50$/);
    expect(
      await page
        .getByTestId('course-plan')
        .getByRole('img', { name: /^Dose at the catheter tip/ })
        .getAttribute('aria-label'),
    ).toMatch(/the pump is set to 0\.65$/);
    await page.getByTestId('preview').screenshot({ path: `${SCREENSHOT_DIR}author-800x1280-preview-morphine.png` });

    await goToStep(page, 'Pump');
    await page.getByLabel('Drug in the reservoir').selectOption('ziconotide');
    expect(await page.getByLabel('Concentration (mcg/mL)').inputValue()).toBe('25');
    expect(await page.getByLabel('Daily dose (mcg/day)').inputValue()).toBe('2.4');
    await goToStep(page, 'Patient');
    await page.getByLabel('Daily ziconotide that controls their pain (mcg/day)').waitFor();
    expect(await page.getByLabel('Opioid history').count()).toBe(0);
    await settled(page);
    await screenshot(page, 'author-800x1280-patient-ziconotide');
  });

  it('previews the morphine decimal slip: doing nothing, opioid withdrawal shaded on the pain and named in words', async () => {
    await page.getByTestId('library-empty').waitFor();
    await page.getByRole('button', { name: 'Use as template: morphine 1 mg/mL entered as 10 mg/mL' }).click();
    await page
      .getByTestId('preview-summary')
      .getByText(/the right plan scores \d+ % \(passed\)/)
      .waitFor();
    const pain = page.getByTestId('course-idle-pain');
    // the scenario's worked course (09:00 start): early at 34.75 h (day 1, 19:45), moderate at 40.75 h, severe at 50.75 h
    expect(await pain.getByRole('img').getAttribute('aria-label')).toMatch(
      /^The patient: pain: early opioid withdrawal from day 1, 19:45; moderate opioid withdrawal from day 2, 01:45; severe opioid withdrawal from day 2, 11:45$/,
    );
    expect(await pain.locator('.shade-key').innerText()).toContain('severe opioid withdrawal');
    expect(await pain.locator('rect.stage').count()).toBe(3);
    // the right plan keeps him out of it
    expect(await page.getByTestId('course-plan-pain').locator('rect.stage').count()).toBe(0);
    await page
      .getByTestId('preview')
      .screenshot({ path: `${SCREENSHOT_DIR}author-800x1280-preview-morphine-slip.png` });
  });
});
