import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASS_PORT, SETUP_CODE } from './classServer.ts';

const URL_ = `http://127.0.0.1:${CLASS_PORT}/`;
const SHOTS = new URL('../test-results/screenshots/', import.meta.url).pathname;
const PASSPHRASE = 'a class in the sim lab';

let browser: Browser;
const contexts: BrowserContext[] = [];
/** What any page said of the server's Content Security Policy (a blocked script, style or socket). */
const cspViolations: string[] = [];

async function newPage(width = 1280, height = 800): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
const text = (page: Page, id: string) => page.getByTestId(id).innerText();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function join(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`${URL_}#/join/${code}`);
  await page.getByLabel('Your name').fill(name);
  expect(await page.getByLabel('Class code').inputValue()).toBe(code);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByTestId('class-bar').waitFor();
  expect(await text(page, 'class-bar')).toContain(`Class ${code}, ${name}`);
}

describe('a class: one instructor, three trainees on their own devices, against the real server', () => {
  it('joins by code, injects a fault into one trainee, survives a reload, ends, debriefs and keeps the records', async () => {
    // the instructor sets the passphrase at the first start and opens a class
    const instructor = await newPage();
    await instructor.goto(`${URL_}#/class`);
    await instructor.getByLabel('Set-up code').fill(SETUP_CODE);
    await instructor.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await instructor.getByLabel('The same again').fill(PASSPHRASE);
    await instructor.getByRole('button', { name: 'Set passphrase and sign in' }).click();
    await instructor.getByLabel('Exercise').selectOption({ label: 'the drowsy patient after a flex schedule change' });
    await instructor.getByRole('button', { name: 'Open class' }).click();
    await instructor.getByTestId('class-code').waitFor();
    const code = (await text(instructor, 'class-code')).trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(await text(instructor, 'join-url')).toBe(`${URL_}#/join/${code}`);
    await instructor.getByRole('img', { name: /QR code of/ }).waitFor();

    // three trainees join on their own devices (a tablet on its side, a tablet upright, a laptop)
    const ana = await newPage(1280, 800);
    const ben = await newPage(800, 1280);
    const cai = await newPage(1280, 800);
    await join(ana, code, 'Ana');
    await join(ben, code, 'Ben');
    await join(cai, code, 'Cai');
    await instructor.getByTestId('seat-Cai').waitFor();
    expect(await text(ana, 'class-bar')).toContain('Paused by the instructor');
    await instructor.getByRole('button', { name: 'Run' }).click();
    await ana.getByText('Clock running (real time)').waitFor();
    await shot(instructor, 'class-01-instructor-three-joined');

    // Ana corrects the dose on the programmer
    await ana.getByRole('button', { name: 'Connect and interrogate' }).click();
    await ana.getByTestId('session-state').getByText('Connected', { exact: true }).waitFor();
    expect(await text(ana, 'prog-therapy')).toContain('Flex');
    await ana.getByRole('button', { name: 'Change dose' }).click();
    await ana.getByLabel('New daily dose (mcg/day)').fill('300');
    await ana.getByRole('button', { name: 'Check dose' }).click();
    await ana.getByRole('button', { name: 'Confirm this change' }).click();
    await ana.getByRole('button', { name: 'Review changes' }).click();
    await ana.getByRole('button', { name: 'Confirm and update pump' }).click();
    await ana.getByTestId('prog-therapy').getByText('Simple continuous, 300.0 mcg/day').waitFor();
    await shot(ana, 'class-02-ana-programmer');

    // Ben reads the pump, then examines at the bedside and suspects an overdose
    await ben.getByRole('button', { name: 'Connect and interrogate' }).click();
    await ben.getByTestId('session-state').getByText('Connected', { exact: true }).waitFor();
    await ben.goto(`${URL_}#/bedside`);
    await ben.getByRole('button', { name: 'Suspect overdose' }).click();
    await ben.getByTestId('action-timeline').getByText('Suspect overdose').waitFor();

    // the instructor occludes Ben's catheter: truth differs from belief in the console only
    await instructor.getByLabel('Fault', { exact: true }).selectOption({ label: 'Catheter occlusion (full)' });
    await instructor.getByLabel('Into', { exact: true }).selectOption({ label: 'Ben' });
    await instructor.getByRole('button', { name: 'Inject' }).click();
    await instructor.getByTestId('seat-Ben').getByText('Catheter occlusion (full)').waitFor();
    await instructor.getByTestId('seat-Ben').getByRole('button', { name: 'Open' }).click();
    await instructor.getByTestId('seat-close').waitFor();
    expect(await text(instructor, 'truth-catheter')).toContain('occluded 100 %');
    await shot(instructor, 'class-03-instructor-ben-truth');
    for (const surface of ['bedside', 'programmer'] as const) {
      await ben.goto(`${URL_}#/${surface}`);
      await ben.getByTestId('class-bar').waitFor();
      const shown = await ben.locator('body').innerText();
      expect(shown).not.toMatch(/occlu|Truth|instructor only|fault/i);
    }
    await shot(ben, 'class-04-ben-programmer-upright');

    // Cai starts a dose change, reloads mid-workflow, and goes on where they were
    await cai.getByRole('button', { name: 'Connect and interrogate' }).click();
    await cai.getByTestId('session-state').getByText('Connected', { exact: true }).waitFor();
    await cai.getByRole('button', { name: 'Change dose' }).click();
    await cai.getByLabel('New daily dose (mcg/day)').waitFor();
    await cai.reload();
    await cai.getByTestId('class-bar').waitFor();
    await cai.getByLabel('New daily dose (mcg/day)').fill('350');
    await cai.getByRole('button', { name: 'Check dose' }).click();
    await cai.getByRole('button', { name: 'Confirm this change' }).click();
    await cai.getByRole('button', { name: 'Review changes' }).click();
    await cai.getByRole('button', { name: 'Confirm and update pump' }).click();
    await cai.getByTestId('prog-therapy').getByText('Simple continuous, 350.0 mcg/day').waitFor();

    // the class ends: every exercise is scored, every trainee sees their debrief
    await instructor.getByRole('button', { name: 'End class' }).click();
    await instructor.getByRole('button', { name: 'Yes, end the class' }).click();
    await instructor.getByTestId('class-clock').getByText('Ended.').waitFor();
    for (const trainee of [ana, ben, cai]) {
      await trainee.goto(`${URL_}#/bedside`);
      await trainee.getByTestId('replay').waitFor();
      expect(await trainee.locator('body').innerText()).toMatch(/Score|score/);
    }
    await shot(ben, 'class-05-ben-debrief');

    // every debrief opens from the console with its replay; the records list all three
    for (const name of ['Ana', 'Ben', 'Cai']) {
      await instructor.getByTestId(`seat-${name}`).getByRole('link', { name: 'Debrief' }).click();
      await instructor.getByTestId('record').waitFor();
      expect(await instructor.getByRole('heading', { level: 2 }).first().innerText()).toContain(name);
      await instructor.getByTestId('replay').waitFor();
      await instructor.goBack();
      await instructor.getByTestId(`seat-${name}`).waitFor();
    }
    await instructor.goto(`${URL_}#/records`);
    await instructor.getByTestId('records-table').waitFor();
    const rows = await instructor.getByTestId('records-table').locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t')[1]).sort()).toEqual(['Ana', 'Ben', 'Cai']);
    await shot(instructor, 'class-06-records');

    // a trainee's own records page lists theirs alone
    await ana.goto(`${URL_}#/records`);
    await ana.getByTestId('records-table').waitFor();
    const own = await ana.getByTestId('records-table').locator('tbody tr').allInnerTexts();
    expect(own).toHaveLength(1);
    expect(await ana.locator('body').innerText()).not.toContain('Ben');

    // a shared tablet: Ana leaves; the device forgets her seat and her records' key
    await ana.goto(`${URL_}#/programmer`);
    await ana.getByRole('button', { name: 'Leave class' }).click();
    await ana.getByRole('button', { name: 'Yes, leave' }).click();
    expect(
      await ana.evaluate(() => [localStorage.getItem('itps-class-seat'), localStorage.getItem('itps-trainee-key')]),
    ).toEqual([null, null]);
    await ana.goto(`${URL_}#/records`);
    await ana.getByText("A trainee's records open on the device they trained on.").waitFor();
    expect(await ana.locator('body').innerText()).not.toContain('Ana');

    // the next person on the same tablet joins the next class and sees only their own record
    await instructor.goto(`${URL_}#/class`);
    await instructor.getByLabel('Exercise').selectOption({ label: 'the drowsy patient after a flex schedule change' });
    await instructor.getByRole('button', { name: 'Open class' }).click();
    await instructor.getByTestId('class-code').waitFor();
    const next = (await text(instructor, 'class-code')).trim();
    await join(ana, next, 'Dee');
    await instructor.getByTestId('seat-Dee').waitFor();
    await instructor.getByRole('button', { name: 'End class' }).click();
    await instructor.getByRole('button', { name: 'Yes, end the class' }).click();
    await instructor.getByTestId('class-clock').getByText('Ended.').waitFor();
    await ana.goto(`${URL_}#/records`);
    await ana.getByTestId('records-table').waitFor();
    const dees = await ana.getByTestId('records-table').locator('tbody tr').allInnerTexts();
    expect(dees).toHaveLength(1);
    const page = await ana.locator('body').innerText();
    expect(page).toContain('Dee');
    expect(page).not.toContain('Ana');
  });

  it('ran every page above under the security headers without the policy blocking anything', () => {
    expect(cspViolations).toEqual([]);
  });
});
