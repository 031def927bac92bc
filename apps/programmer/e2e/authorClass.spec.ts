import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeekLate, followTheVisit, goToStep, settled, WEEK_LATE } from './authorSteps.ts';
import { launchBrowser, screenshot } from './browser.ts';
import { type ClassServer, startClassServer } from './classServerProcess.ts';

// the classroom server in its own process (a fresh embedded database), serving this build
const PORT = Number(process.env.ITPS_E2E_CLASS_PORT ?? 4194);
const PASSPHRASE = 'exercises for tuesday';
let server: ClassServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  contexts.push(context);
  return context.newPage();
}

beforeAll(async () => {
  server = await startClassServer(PORT);
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

/** The records table's row of a trainee, as text. */
async function recordRow(page: Page, trainee: string): Promise<string> {
  await page.getByTestId('records-table').waitFor();
  const rows = await page.getByTestId('records-table').locator('tbody tr').allInnerTexts();
  return rows.find((r) => r.includes(trainee)) ?? '';
}

describe('the exercise editor with a classroom server', () => {
  it('an educator builds the refill a week late, saves version 1, opens a class, a trainee does it and the record names version 1; version 2 leaves that record as it was', async () => {
    const educator = await newPage(1280, 800);
    await educator.goto(`${server.url}#/author`);
    // behind the instructor's passphrase (set here at the server's first start)
    await educator.getByLabel('Set-up code').fill(server.setupCode);
    await educator.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await educator.getByLabel('The same again').fill(PASSPHRASE);
    await educator.getByRole('button', { name: 'Set passphrase and sign in' }).click();
    await educator.getByTestId('library-empty').waitFor();
    await screenshot(educator, 'author-1280x800-start');

    await buildWeekLate(educator, (step) => screenshot(educator, `author-1280x800-${step}`));
    await followTheVisit(educator, (step) => screenshot(educator, `author-1280x800-${step}`));
    expect(await educator.getByTestId('course-idle-score').innerText()).toContain('not passed');
    expect(await educator.getByTestId('course-plan-score').innerText()).toMatch(/^Score \d+ %, passed$/);

    await educator.getByRole('button', { name: 'Save to the library' }).click();
    await educator.getByTestId('save-note').getByText('Saved as version 1.').waitFor();
    expect(await educator.getByTestId('author-version').innerText()).toContain(
      "Version 1 in the class server's library",
    );

    // open a class of version 1 at once: the class console, its code
    await educator.getByRole('button', { name: 'Open as class' }).click();
    await educator.getByTestId('class-code').waitFor();
    const code = (await educator.getByTestId('class-code').innerText()).trim();
    expect(await educator.locator('#join-title').innerText()).toBe('the refill a week late with a kink at day 3');
    expect(await educator.locator('.join-card').innerText()).toContain('version 1');

    // a trainee joins on a tablet held upright and does it: reads the pump, suspects the catheter
    const trainee = await newPage(800, 1280);
    await trainee.goto(`${server.url}#/join/${code}`);
    await trainee.getByLabel('Your name').fill('Ana');
    await trainee.getByRole('button', { name: 'Join' }).click();
    await trainee.getByTestId('class-bar').waitFor();
    await educator.getByTestId('seat-Ana').waitFor();
    await educator.getByRole('button', { name: 'Run' }).click();
    await trainee.getByRole('button', { name: 'Connect and interrogate' }).click();
    await trainee.getByTestId('session-state').getByText('Connected', { exact: true }).waitFor();
    expect(await trainee.getByTestId('prog-patient').innerText()).toBe('Patient: H. Mensah, SIM-0434');
    await trainee.goto(`${server.url}#/bedside`);
    await trainee.getByRole('button', { name: 'Suspect a catheter problem' }).click();
    await trainee.getByTestId('action-timeline').getByText('Suspect a catheter problem').waitFor();

    await educator.getByRole('button', { name: 'End class' }).click();
    await educator.getByRole('button', { name: 'Yes, end the class' }).click();
    await educator.getByTestId('class-clock').getByText('Ended.').waitFor();

    // the record names the exercise and version 1
    await educator.goto(`${server.url}#/records`);
    const first = await recordRow(educator, 'Ana');
    expect(first).toContain('the refill a week late with a kink at day 3');
    expect(first).toContain('version 1');
    await screenshot(educator, 'author-1280x800-records-v1');

    // an edit makes version 2; the first record still names version 1
    await educator.goto(`${server.url}#/author`);
    await educator.getByTestId('library-table').waitFor();
    await educator.getByRole('button', { name: `Open ${WEEK_LATE.replace('Training: ', '')}` }).click();
    await goToStep(educator, 'Objectives and rubric');
    await educator.getByTestId('objective-2').getByLabel('Worth (points)').fill('25');
    await settled(educator);
    await educator.getByRole('button', { name: 'Save as a new version' }).click();
    await educator.getByTestId('save-note').getByText('Saved as version 2.').waitFor();
    await educator.goto(`${server.url}#/records`);
    expect(await recordRow(educator, 'Ana')).toContain('version 1');
    // and the class console's list names the version the class ran
    await educator.goto(`${server.url}#/class`);
    await educator.getByTestId('class-list').waitFor();
    expect(await educator.getByTestId('class-list').innerText()).toContain(
      'the refill a week late with a kink at day 3 (library version 1)',
    );
  });
});
