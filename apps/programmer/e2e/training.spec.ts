import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { APP_URL, screenshot, seriousAccessibilityViolations, setUpAppPage } from './browser.ts';

const app = setUpAppPage({ width: 1280, height: 1000 });
const text = app.text;
let page: Page;
beforeEach(() => {
  page = app.page();
});

describe('training in Chromium', () => {
  it('completes the flex entry error exercise and gets a score and a debrief, kept across a reload', async () => {
    await page
      .getByLabel('Exercise', { exact: true })
      .selectOption({ label: 'the drowsy patient after a flex schedule change' });
    await page.getByRole('button', { name: 'Start exercise' }).click();
    await expect(text('training-brief')).resolves.toContain('very sleepy');
    expect(await text('patient-signs')).toContain('drowsy');
    expect(await text('sim-time')).toContain('10:00 (day 0)');
    await screenshot(page, '30-training-exercise');

    await page.getByRole('button', { name: 'Connect and interrogate' }).click();
    await expect(text('session-state')).resolves.toBe('Connected');
    expect(await text('prog-therapy')).toContain('Flex');
    // the home screen names the patient as entered in the pump at implant
    expect(await text('prog-patient')).toBe('Patient: T. Brennan, SIM-0249');
    await page.getByRole('button', { name: 'Suspect overdose' }).click();
    await page.getByRole('button', { name: 'Change dose' }).click();
    await page.getByLabel('New daily dose (mcg/day)').fill('300');
    await page.getByRole('button', { name: 'Check dose' }).click();
    // the correction is a large cut (withdrawal risk): confirmed, not penalised
    expect(await text('finding-dose.largeDecrease')).toContain('a large cut risks withdrawal');
    await page.getByRole('button', { name: 'Confirm this change' }).click();
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: 'Confirm and update pump' }).click();
    await expect(text('session-state')).resolves.toBe('Connected');
    expect(await text('prog-therapy')).toBe('Simple continuous, 300.0 mcg/day');
    expect(await text('training-actions')).toMatch(/\d+ actions recorded/);

    await page.getByRole('button', { name: 'Finish and debrief' }).click();
    const score = await text('debrief-score');
    expect(score).toMatch(/^Score \d+ %/);
    expect(score).toContain('passed');
    const rubric = await text('debrief-rubric');
    expect(rubric).toContain('Recognise overdose');
    expect(rubric).toContain('Correct the program');
    const timeline = await text('debrief-timeline');
    expect(timeline).toContain('programmed by a colleague to a flex schedule of');
    expect(timeline).toContain('Suspect overdose');
    expect(timeline).toContain('The patient reached drowsiness');
    expect(await text('debrief-lesson')).toContain('24-hour total');
    // the story comes before the score: what happened, done well, missed, the right plan, then the score
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="debrief"] h4')].map((h) => h.textContent),
    );
    expect(order.slice(0, 4)).toEqual([
      'What happened',
      'What you did well',
      'What was missed, and why it matters',
      'The right plan',
    ]);
    expect(order.at(-1)).toBe('Score');
    // the replay: the trainee's programmer screen by screen, scrubbed from the keyboard
    const replay = page.getByTestId('replay');
    expect(await replay.innerText()).toMatch(/Screen 1 of \d+/);
    expect(await text('replay-screen')).toContain('Connected: status');
    expect(await text('replay-screen')).toContain('Flex');
    await replay.getByRole('slider').focus();
    await page.keyboard.press('End');
    expect(await text('replay-screen')).toContain('Simple continuous, 300.0 mcg/day');
    let sawReview = false;
    for (let i = 0; i < 10 && !sawReview; i += 1) {
      await page.keyboard.press('ArrowLeft');
      sawReview = (await text('replay-screen')).includes('The review as shown');
    }
    expect(sawReview).toBe(true);
    // the rest of the story ran: the clock is at the scenario's end (2 days)
    expect(await text('sim-time')).toContain('(day 2)');
    expect(await text('training-results')).toContain('the drowsy patient after a flex schedule change');
    await screenshot(page, '31-training-debrief');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.reload();
    await expect(text('debrief-score')).resolves.toBe(score);
    expect(await text('training-results')).toContain('%');
  });

  it('fails a trainee who does nothing, and says what was missed', async () => {
    await page
      .getByLabel('Exercise', { exact: true })
      .selectOption({ label: 'the update a colleague left unfinished' });
    await page.getByRole('button', { name: 'Start exercise' }).click();
    await expect(text('training-brief')).resolves.toContain('lost the link');
    await page.getByRole('button', { name: 'Finish and debrief' }).click();
    await expect(text('debrief-score')).resolves.toContain('not passed');
    const missed = await text('debrief-missed');
    expect(missed).toContain('Therapy running again within hours');
    expect(missed).toContain('Pump left stopped');
    await screenshot(page, '32-training-missed');
  });

  it('opens a plain scenario file (a counterexample) as an exercise with default objectives', async () => {
    const yaml = [
      'format: itps-scenario/1',
      'name: Counterexample from a property',
      'duration: P2D',
      'pump: { model: synchromed-ii-20, reservoir: { volumeMl: 20, drug: baclofen, concentrationMcgPerMl: 500 }, catheter: { implantedLengthCm: 40 }, therapy: { mode: simple, doseMcgPerDay: 250 } }',
      'patient: { origin: spinal }',
      'timeline: [{ at: PT1H, action: fault, kind: catheterOcclusion }]',
    ].join('\n');
    await page.getByLabel('Or open a scenario file as an exercise').setInputFiles({
      name: 'counterexample.scenario.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(yaml),
    });
    // the file is read asynchronously
    await page.getByTestId('training-name').waitFor();
    expect(await text('training-name')).toBe('Counterexample from a property');
    await page.getByRole('button', { name: 'Suspect a catheter problem' }).click();
    await page.getByRole('button', { name: 'Finish and debrief' }).click();
    const rubric = await text('debrief-rubric');
    expect(rubric).toContain('Detect the silent fault: suspect a catheter problem');
    expect(rubric).toContain('Keep the patient out of moderate withdrawal');
  });

  it('exports the trainee’s session with its exercise, and opens it as training material in a fresh browser', async () => {
    await page
      .getByLabel('Exercise', { exact: true })
      .selectOption({ label: 'the update a colleague left unfinished' });
    await page.getByRole('button', { name: 'Start exercise' }).click();
    await page.getByRole('button', { name: 'Suspect a pump failure' }).click();
    await expect(text('training-actions')).resolves.toBe('1 action recorded.');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export session' }).click(),
    ]);
    const json = readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(json).training.trainee).toEqual([{ at: 7_200_000, type: 'clinical.suspectPumpFailure' }]);
    const browser = page.context().browser();
    if (browser === null) throw new Error('no browser');
    const other = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await other.goto(`${APP_URL}#/instructor`);
    await other.getByLabel('Import a session file').setInputFiles({
      name: 'itps-session.json',
      mimeType: 'application/json',
      buffer: Buffer.from(json),
    });
    await other.getByTestId('training-name').waitFor();
    expect(await other.getByTestId('training-name').innerText()).toBe(
      'Training: the update a colleague left unfinished',
    );
    expect(await other.getByTestId('training-actions').innerText()).toBe('1 action recorded.');
    await other.getByRole('button', { name: 'Finish and debrief' }).click();
    expect(await other.getByTestId('debrief-timeline').innerText()).toContain('Suspect a pump failure');
    await other.close();
  });
});
