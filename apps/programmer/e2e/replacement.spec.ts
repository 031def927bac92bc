import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, launchBrowser, screenshot, seriousAccessibilityViolations } from './browser.ts';

// The pump replacement at ERI on the trainee's programmer (800x1280, the tablet held upright): the
// old pump read and kept, the surgeon's swap at the bedside, the new pump read, filled, set up from
// the old program, its priming through the kept catheter refused and its tubing primed, verified;
// the catheter connected once the priming is done, and the debrief.
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const FORBIDDEN = [/truth/i, /instructor/i, /csf/i, /overdose stage/i, /explanted/i];
const pageText = async (page: Page) => `${await page.content()}\n${await page.innerText('body')}`;

describe('pump replacement on the programmer', () => {
  it('reads the old pump, fills and sets up the new one, primes its tubing only, verifies, and is debriefed (800x1280)', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
    const bedside = await context.newPage();
    await bedside.goto(`${APP_URL}#/bedside`);
    await bedside.getByLabel('Exercise', { exact: true }).selectOption({ label: 'pump replacement at ERI' });
    await bedside.getByRole('button', { name: 'Start exercise' }).click();
    expect(await bedside.getByTestId('training-brief').innerText()).toContain('J. Okafor, SIM-0377');
    await bedside.getByRole('heading', { name: 'In theatre: the surgeon' }).waitFor();

    const page = await context.newPage();
    const text = (id: string) => page.getByTestId(id).innerText();
    await page.goto(`${APP_URL}#/programmer`);
    await page.getByRole('button', { name: 'Connect and interrogate' }).click();
    await page.getByTestId('prog-alarms').getByText('Elective replacement').waitFor();
    const oldSerial = /serial (\S+)/.exec(await page.innerText('body'))?.[1] ?? '';
    expect(oldSerial).toMatch(/^SIM-/);
    await screenshot(page, '70-replacement-status-at-eri-800x1280');

    // 1. the old pump read into the record before it comes out
    await page.getByRole('button', { name: 'Pump replacement' }).click();
    await page.getByTestId('old-pump').waitFor();
    expect(await text('old-therapy')).toContain('300.0 mcg/day');
    expect(await text('old-drug')).toBe('baclofen 500 mcg/mL');
    expect(await text('old-alarms')).toContain('Elective replacement');
    expect(await text('old-catheter')).toBe('0.10 mL');
    await screenshot(page, '71-replacement-old-pump-read-800x1280');

    // 2. the surgeon swaps the pumps (at the bedside, on the clinician's word); the new pump is read
    await bedside.getByRole('button', { name: 'Surgeon: replace the pump' }).click();
    expect(await bedside.getByTestId('theatre-said').innerText()).toContain('The new pump is in the pocket');
    await page.getByRole('button', { name: 'Read the new pump' }).click();
    await page.getByTestId('new-pump').waitFor();
    const newPump = await text('new-pump');
    expect(newPump).toMatch(/serial SIM-/);
    expect(newPump).not.toContain(oldSerial);
    expect(newPump).toContain('reservoir 0.00 mL');

    // 3. filled through the refill needle
    await page.getByRole('button', { name: 'Aspirate the new reservoir (it should be empty)' }).click();
    expect(await text('replacement-syringe')).toContain('0.00 mL');
    await page.getByLabel('Volume injected (mL)').fill('18');
    await page.getByLabel('Concentration injected (mcg/mL)').fill('500');
    await screenshot(page, '72-replacement-new-pump-fill-800x1280');
    await page.getByRole('button', { name: 'Inject into the new pump' }).click();
    expect(await text('replacement-injected')).toContain('Filled with 18.00 mL of 500 mcg/mL');

    // 4. priming the kept catheter again is refused by the gate, in words, with nothing to review
    await page.getByLabel(/Pump tubing and catheter/).check();
    await page.getByRole('button', { name: 'Set up the new pump' }).click();
    const refused = await text('finding-replacement.primingThroughCatheter');
    expect(refused).toContain('still holds 0.10 mL of the old drug at 500 mcg/mL');
    expect(refused).toContain('Prime the new pump');
    expect(await page.getByRole('button', { name: 'Review changes' }).isDisabled()).toBe(true);
    await screenshot(page, '73-replacement-priming-refused-800x1280');

    // 5. the tubing only: confirmed in words, reviewed old beside new, sent and verified
    await page.getByLabel(/Pump tubing only/).check();
    await page.getByRole('button', { name: 'Set up the new pump' }).click();
    expect(await text('finding-replacement.primingTubing')).toContain("fills the new pump's tubing only");
    // each warning confirmed where it is shown, one at a time, waiting for the programmer to take it
    for (const code of ['replacement.primingTubing', 'catheter.dataChange']) {
      const finding = page.getByTestId(`finding-${code}`);
      await finding.getByRole('button', { name: 'Confirm this change' }).click();
      await finding.getByText('Confirmed.').waitFor();
    }
    await screenshot(page, '74-replacement-program-and-priming-800x1280');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await screenshot(page, '75-replacement-review-800x1280');
    await page.getByRole('button', { name: 'Confirm and update pump' }).click();
    await page.getByTestId('session-state').getByText('Connected', { exact: true }).waitFor();
    expect(await text('prog-therapy')).toBe('Simple continuous, 300.0 mcg/day');
    expect(await text('session-notice')).toContain('verified');
    await page.getByTestId('replaced-record').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const shown = await pageText(page);
    for (const word of FORBIDDEN) expect(shown).not.toMatch(word);
    await screenshot(page, '76-replacement-verified-800x1280');

    // 6. the priming (12 minutes) done, the surgeon connects the catheter; then the debrief
    const instructor = await context.newPage();
    await instructor.goto(`${APP_URL}#/instructor`);
    await instructor.getByRole('button', { name: 'Next event (60 days at most)' }).click();
    await bedside.bringToFront();
    await bedside.getByRole('button', { name: 'Surgeon: connect the catheter' }).click();
    expect(await bedside.getByTestId('theatre-said').innerText()).toContain('connected the catheter');
    await bedside.getByRole('button', { name: 'Finish and debrief' }).click();
    const score = await bedside.getByTestId('debrief-score').innerText();
    expect(score).toContain('passed');
    expect(await bedside.getByTestId('debrief-missed').innerText()).toBe('Nothing.');
    const timeline = await bedside.getByTestId('debrief-timeline').innerText();
    expect(timeline).toContain('The surgeon replaced the pump');
    expect(timeline).toContain('The surgeon connected the catheter to the new pump');
    expect(timeline).toContain('Pump replaced (a new pump connected)');
    expect(await bedside.getByTestId('debrief-lesson').innerText()).toContain("Prime the new pump's tubing only");
    await screenshot(bedside, '77-replacement-debrief-800x1280');
    await context.close();
  });
});
