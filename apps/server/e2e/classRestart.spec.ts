import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer } from './serverProcess.ts';

// A trainee's tab and the instructor's console that did not reload, against the real server killed
// with SIGKILL and started again: both come back by themselves and the trainee carries on.
const SHOTS = new URL('../test-results/screenshots/', import.meta.url).pathname;
const PORT = 4260 + (process.pid % 100);
const PASSPHRASE = 'a class that survives';

let browser: Browser;
let server: ServerProcess;
const dir = mkdtempSync(join(tmpdir(), 'itps-restart-'));

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  server = await startServer(PORT, { ITPS_DATA_DIR: dir });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const text = (page: Page, id: string) => page.getByTestId(id).innerText();

describe('pages that did not reload, across a server killed and started again', () => {
  it("a trainee's tab and the instructor's console reconnect by themselves and the trainee carries on", async () => {
    const base = server.base;
    const instructor = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await instructor.goto(`${base}#/class`);
    await instructor.getByLabel('Set-up code').fill(server.setupCode() ?? '');
    await instructor.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await instructor.getByLabel('The same again').fill(PASSPHRASE);
    await instructor.getByRole('button', { name: 'Set passphrase and sign in' }).click();
    await instructor.getByLabel('Exercise').selectOption({ label: 'the drowsy patient after a flex schedule change' });
    await instructor.getByRole('button', { name: 'Open class' }).click();
    const code = (await text(instructor, 'class-code')).trim();

    const ana = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await ana.goto(`${base}#/join/${code}`);
    await ana.getByLabel('Your name').fill('Ana');
    await ana.getByRole('button', { name: 'Join' }).click();
    await ana.getByTestId('class-bar').waitFor();
    await instructor.getByTestId('seat-Ana').waitFor();
    await instructor.getByRole('button', { name: 'Run' }).click();
    await ana.getByText('Clock running (real time)').waitFor();
    await ana.getByRole('button', { name: 'Connect and interrogate' }).click();
    await ana.getByTestId('session-state').getByText('Connected', { exact: true }).waitFor();

    // the server dies as in a power cut; both pages say the link is lost
    await server.kill();
    await ana.getByTestId('class-link').getByText('Connection to the class lost: reconnecting…').waitFor();
    await instructor.getByText('Connection lost: reconnecting…').waitFor();
    server = await startServer(PORT, { ITPS_DATA_DIR: dir });

    // no reload: both come back by themselves, the class with its code, Ana's programmer where it was
    await ana.getByTestId('class-link').getByText('Connected to the class').waitFor({ timeout: 30_000 });
    await instructor
      .getByTestId('seat-Ana')
      .getByRole('cell', { name: 'connected', exact: true })
      .waitFor({ timeout: 30_000 });
    expect((await text(instructor, 'class-code')).trim()).toBe(code);
    expect(await text(ana, 'class-bar')).toContain('Clock running (real time)');
    expect(await ana.getByTestId('session-state').innerText()).toBe('Connected');
    await ana.screenshot({ path: `${SHOTS}class-restart-01-ana-back.png`, fullPage: true });

    // and carries on: a dose change sent after the restart reaches her pump
    await ana.getByRole('button', { name: 'Change dose' }).click();
    await ana.getByLabel('New daily dose (mcg/day)').fill('300');
    await ana.getByRole('button', { name: 'Check dose' }).click();
    await ana.getByRole('button', { name: 'Confirm this change' }).click();
    await ana.getByRole('button', { name: 'Review changes' }).click();
    await ana.getByRole('button', { name: 'Confirm and update pump' }).click();
    await ana.getByTestId('prog-therapy').getByText('Simple continuous, 300.0 mcg/day').waitFor();
    await instructor.screenshot({ path: `${SHOTS}class-restart-02-instructor-back.png`, fullPage: true });
  }, 120_000);
});
