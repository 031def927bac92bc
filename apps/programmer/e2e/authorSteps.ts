import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The title the educator gives the exercise. */
export const WEEK_LATE = 'Training: the refill a week late with a kink at day 3';
const BRIEF =
  'Mr Mensah (H. Mensah, SIM-0434), 46, T8 spinal cord injury, on 250 mcg/day of baclofen 500 mcg/mL. He comes for his refill a week late, on day 35, and says his legs have been stiffer for weeks. Interrogate, refill the pump (aspirate first), and act on what you find.';

/** Goes to a step of the editor by its tab. */
export async function goToStep(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Steps of the exercise' }).getByRole('link', { name: title }).click();
}

/** The marker of an event on the timeline, and the rail it moves along. */
async function railOf(page: Page, marker: string) {
  const slider = page.getByRole('slider', { name: `${marker}: when` });
  const box = await slider.evaluate((el) => {
    const r = (el.parentElement as HTMLElement).getBoundingClientRect();
    const m = el.getBoundingClientRect();
    return { left: r.left, width: r.width, x: m.left + m.width / 2, y: m.top + m.height / 2 };
  });
  return { slider, box };
}

/** Drags a marker to an hour of the exercise, given the hours the timeline shows. */
export async function dragTo(page: Page, marker: string, hour: number, spanHours: number): Promise<void> {
  const { box } = await railOf(page, marker);
  await page.mouse.move(box.x, box.y);
  await page.mouse.down();
  await page.mouse.move(box.left + (box.width * hour) / spanHours / 2 + box.x / 2, box.y, { steps: 4 });
  await page.mouse.move(box.left + (box.width * hour) / spanHours, box.y, { steps: 4 });
  await page.mouse.up();
}

/** The day and clock time a marker says. */
export const markerWhen = (page: Page, marker: string): Promise<string | null> =>
  page.getByRole('slider', { name: `${marker}: when` }).getAttribute('aria-valuetext');

/** Waits for the checks and the preview to settle on the exercise as it stands. */
export async function settled(page: Page): Promise<void> {
  await page.waitForTimeout(500);
  await page.getByTestId('preview').getByText('(running…)').waitFor({ state: 'detached' });
}

/**
 * Builds "the refill a week late with a kink at day 3" from the shipped refill exercise, in the
 * editor's own fields and timeline (no YAML typed): the fault becomes a kink dragged to day 3, the
 * visit keyed a week later, the end two days after it; the objectives' windows and the right plan
 * follow the visit once the checks point at them. `shot` is called on every step's page.
 */
export async function buildWeekLate(page: Page, shot: (step: string) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'Use as template: a refill with a discrepancy' }).click();
  await page.getByTestId('step-brief').waitFor();
  await page.getByLabel('Title of the exercise').fill(WEEK_LATE);
  await page.getByLabel('What the trainee is told at the start').fill(BRIEF);
  await settled(page);
  await shot('brief');

  await goToStep(page, 'Patient');
  await page.getByTestId('step-patient').waitFor();
  expect(await page.getByLabel('Origin of the spasticity').inputValue()).toBe('spinal');
  await shot('patient');

  await goToStep(page, 'Pump');
  await page.getByTestId('step-pump').waitFor();
  expect(await page.getByLabel('Volume in the reservoir (mL)').inputValue()).toBe('20');
  await shot('pump');

  await goToStep(page, 'What happens and when');
  await page.getByTestId('step-timeline').waitFor();
  await page.getByTestId('event-0').getByLabel('Fault', { exact: true }).selectOption({ label: 'Catheter kink' });
  // a kink that comes and goes: blocked for 40 % of every day
  await page.getByLabel('Each cycle lasts (hours)').fill('24');
  await page.getByLabel('Kinked for this share of each cycle (%)').fill('40');
  // the kink dragged from day 1 to day 3 on a timeline of 30 days
  await dragTo(page, 'Catheter kink', 72, 30 * 24);
  expect(await markerWhen(page, 'Catheter kink')).toBe('day 3, 00:00');
  // the visit a week late: its marker keyed on from day 28, a day at a time
  const visit = page.getByRole('slider', { name: 'The trainee arrives (the visit): when' });
  await visit.focus();
  for (let i = 0; i < 7; i += 1) await page.keyboard.press('PageUp');
  expect(await markerWhen(page, 'The trainee arrives (the visit)')).toBe('day 35, 00:00');
  // the fields beside say the same, and the exercise now ends two days after the visit
  expect(await page.getByLabel('The trainee arrives (the visit): day').inputValue()).toBe('35');
  await page.getByLabel('The exercise ends: day').fill('37');
  await settled(page);
  await shot('timeline');
}

/** Mends what the checks point at after the visit moved: the right plan's times, then the objectives' windows. */
export async function followTheVisit(
  page: Page,
  shot: (step: string) => Promise<void>,
  how: 'by hand' | 'with the visit' = 'by hand',
): Promise<void> {
  // the right plan still starts on day 28, before the trainee now arrives: the top of the editor says so
  const summary = page.getByTestId('problem-summary');
  await summary.waitFor();
  expect(await summary.innerText()).toContain('at or after the visit');
  await summary
    .getByRole('button', { name: /When the step is done/ })
    .first()
    .click();
  await page.getByTestId('step-objectives').waitFor();
  if (how === 'with the visit') {
    // one press moves the plan to the visit and the windows by the same week
    await page
      .getByRole('button', { name: "Move the right plan and the objectives' windows with the visit (7 days later)" })
      .click();
    expect(await page.getByTestId('plan-step-1').getByLabel('Refill the pump: when: day').inputValue()).toBe('35');
    expect(await page.getByTestId('objective-1').getByLabel('By: day').inputValue()).toBe('36');
    await settled(page);
    await shot('objectives-moved');
  } else {
    await page.getByTestId('plan-step-0').getByLabel('Interrogate the pump: when: day').fill('35');
    await page.getByTestId('plan-step-1').getByLabel('Refill the pump: when: day').fill('35');
    await page.getByTestId('plan-step-2').getByLabel('Suspect a catheter problem: when: day').fill('35');
    await settled(page);
    // now complete, the exercise runs headless: windows that close on day 29 cannot be met after a visit on day 35
    await summary.getByText('This exercise cannot be passed as it stands').waitFor();
    await shot('objectives-unpassable');
    await page.getByTestId('objective-0').getByLabel('Not before: day').fill('35');
    await page.getByTestId('objective-1').getByLabel('By: day').fill('36');
    await page.getByTestId('objective-2').getByLabel('By: day').fill('36');
  }
  // and the kink is the hidden fault to find, scored by how soon
  await page.getByRole('button', { name: 'Score finding a hidden fault' }).click();
  await settled(page);
  await summary.waitFor({ state: 'detached' });
  await shot('objectives');
}
