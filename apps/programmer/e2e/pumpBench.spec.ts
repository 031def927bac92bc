import { readFileSync } from 'node:fs';
import { ALARM_NAMES } from '@itps/core';
import { runScenario } from '@itps/scenarios';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
// The counterexample writer is the scenarios package's test kit; the app must load what it writes.
import { assertScenarioProperty } from '../../../packages/scenarios/test/assertScenarioProperty.ts';
import { scenarioArb } from '../../../packages/scenarios/test/scenarioArb.ts';
import { screenshot, setUpAppPage } from './browser.ts';

const app = setUpAppPage({ width: 1280, height: 900 });
const text = app.text;
let page: Page;
beforeEach(() => {
  page = app.page();
});

describe('pump bench in Chromium', () => {
  it('says it is a simulator, not for clinical use, and shows the pump full', async () => {
    await expect(page.getByRole('note').innerText()).resolves.toContain('not for clinical use');
    expect(await text('pump-reservoir')).toBe('20.00 mL');
    expect(await text('pump-state')).toBe('running');
    expect(await text('pump-dose')).toBe('250.0 mcg/day');
    expect(await text('sim-time')).toBe('day 0, 08:00');
    await screenshot(page, '01-start');
  });

  it('jumps to the next event: the low-reservoir alarm at day 36', async () => {
    await page.getByRole('button', { name: 'Next event (60 days at most)' }).click();
    expect(await text('sim-time')).toBe('day 36, 08:00');
    expect(await text('pump-reservoir')).toBe('2.00 mL');
    expect(await text('alarm-lowReservoir')).toContain('ACTIVE');
    expect(await text('alarm-reservoirEmpty')).toContain('inactive');
    expect(await page.getByTestId('event-log').innerText()).toContain('Low reservoir alarm raised');
    await screenshot(page, '02-low-reservoir-alarm');
    // the programmer reads it and shows the alarm's name, its tone and what to do
    await page.getByRole('button', { name: 'Connect and interrogate' }).click();
    const banner = await text('alarm-banner');
    expect(banner).toMatch(/^Alarms the pump reported when read at day 36, 08:00:\s+/);
    expect(banner).toMatch(
      /Low reservoir alarm \(non-critical, single tone\): Refill soon: the pump will run dry, and withdrawal follows\.$/,
    );
  });

  it('refuses bad refill input next to the field and refuses an overfill without changing anything', async () => {
    await page.getByRole('button', { name: 'Next event (60 days at most)' }).click();
    const volume = page.getByLabel('Volume to inject (mL)');
    await volume.fill('1O');
    await page.getByRole('button', { name: 'Aspirate all, inject and record' }).click();
    await expect(page.getByRole('alert').first().innerText()).resolves.toBe(
      'Volume to inject: expected a number from 0 to 20 mL, found "1O".',
    );
    await screenshot(page, '03-field-error');
    // 1.4 mL of dead space stays after aspiration: 19 mL more would be 20.4 mL
    await volume.fill('19');
    await page.getByRole('button', { name: 'Aspirate all, inject and record' }).click();
    expect(await text('refill-refusal')).toContain('would overfill the 20 mL reservoir');
    expect(await text('pump-state')).toBe('running');
    expect(await text('pump-reservoir')).toBe('2.00 mL');
    await screenshot(page, '04-overfill-refused');
  });

  it('refills from the keyboard alone and clears the alarm', async () => {
    await page.getByRole('button', { name: 'Next event (60 days at most)' }).click();
    await page.getByLabel('Volume to inject (mL)').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('18');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').innerText()).resolves.toContain('0.60 mL aspirated');
    expect(await text('pump-reservoir')).toBe('19.40 mL');
    expect(await text('alarm-lowReservoir')).toContain('inactive');
    expect(await text('truth-reservoir')).toBe('19.40 mL at 500.0 mcg/mL');
    await page.getByRole('button', { name: '+1 day' }).focus();
    await page.keyboard.press('Enter');
    expect(await text('sim-time')).toBe('day 37, 08:00');
    await screenshot(page, '05-refilled');
  });

  it('runs at 1 day per second from the animation loop', async () => {
    await page.getByLabel('1 day per second').check();
    await page.waitForFunction(() =>
      /day ([2-9]|\d\d)/.test(document.querySelector('[data-testid="sim-time"]')?.textContent ?? ''),
    );
    await page.getByLabel('Paused').check();
    const delivered = await text('truth-delivered');
    expect(delivered).not.toBe('0.0 mcg in 0.00 mL');
    // the plots keep up: they reach the clock (2 calendar days from 08:00 is at least 1.67 days run),
    // sampled every 15 simulated minutes whatever the frames did
    await expect
      .poll(async () => Number(/day ([\d.]+)/.exec(await text('plot-samples'))?.[1]), { timeout: 5_000 })
      .toBeGreaterThanOrEqual(1.66);
    const [, samples, days] = /^(\d+) samples, day ([\d.]+)/.exec(await text('plot-samples')) ?? [];
    expect(Number(samples)).toBeGreaterThanOrEqual(Math.floor(Number(days) * 96));
    await screenshot(page, '06-running');
  });

  it('plots every 15 simulated minutes of a week jumped at once', async () => {
    await page.getByRole('button', { name: '+1 week' }).click();
    // 7 days of 96 samples, the start, and the world now
    await expect.poll(async () => text('plot-samples')).toBe('673 samples, day 7.00');
  });
});

describe('instructor fault injection', () => {
  it('an injected occlusion raises no pump alarm but shows in the truth view', async () => {
    await page.getByRole('button', { name: 'Catheter occlusion (full)', exact: true }).click();
    expect(await text('truth-catheter')).toBe('occluded 100 %');
    await page.getByRole('button', { name: '+1 week' }).click();
    expect(await text('truth-delivered')).toBe('0.0 mcg in 0.00 mL');
    expect(await text('truth-reservoir')).toBe('20.00 mL at 500.0 mcg/mL');
    expect(await text('pump-reservoir')).toBe('16.50 mL');
    expect(await text('pump-state')).toBe('running');
    for (const name of ALARM_NAMES) {
      expect(await text(`alarm-${name}`)).toContain('inactive');
    }
    await screenshot(page, '07-occlusion-truth-only');
    await page.getByRole('button', { name: 'End: Catheter occlusion (full)' }).click();
    expect(await text('truth-catheter')).toBe('patent');
  });
});

describe('alarm tones', () => {
  it('sounds the single tone for a non-critical alarm and the two-tone for a critical one, and can be muted', async () => {
    await page.getByRole('button', { name: 'Next event (60 days at most)' }).click();
    // the tone line follows the world's next frame: poll it, a loaded machine draws late
    await expect
      .poll(() => text('last-tone'))
      .toBe('Last tone: single tone (non-critical) for Low reservoir at day 36, 08:00');
    await page.getByLabel('Mute room sound').check();
    await page.getByRole('button', { name: 'Next event (60 days at most)' }).click();
    await expect
      .poll(() => text('last-tone'))
      .toBe('Last tone: two-tone (critical) for Reservoir empty at day 40, 08:00 (room muted)');
    expect(await text('alarm-summary')).toBe('Sounding: Low reservoir, Reservoir empty');
    await screenshot(page, '08-alarm-critical');
  });
});

describe('the session survives a reload', () => {
  it('keeps simulated time, the pump, the programmer and its program across a reload; exports and imports files', async () => {
    await page.getByRole('button', { name: '+1 week' }).click();
    await page.getByRole('button', { name: 'Connect and interrogate' }).click();
    await page.getByRole('button', { name: 'Change dose' }).click();
    await page.getByLabel('New daily dose (mcg/day)').fill('300');
    await page.getByRole('button', { name: 'Check dose' }).click();
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: 'Confirm and update pump' }).click();
    await expect(text('session-state')).resolves.toBe('Connected');
    const before = { time: await text('sim-time'), reservoir: await text('pump-reservoir') };
    await page.reload();
    expect(await text('sim-time')).toBe(before.time);
    expect(await text('pump-reservoir')).toBe(before.reservoir);
    expect(await text('pump-dose')).toBe('300.0 mcg/day');
    expect(await text('session-state')).toBe('Connected');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export event log (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('itps-event-log.csv');
    const [session] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export session' }).click(),
    ]);
    const saved = await session.path();
    await page.getByRole('button', { name: 'Start over' }).click();
    // it asks first: nothing is forgotten until the second press
    expect(await text('sim-time')).toBe(before.time);
    await page.getByRole('button', { name: 'Yes, start over' }).click();
    expect(await text('sim-time')).toBe('day 0, 08:00');
    await page.getByLabel('Import a session file').setInputFiles(saved);
    // the file is read asynchronously: wait for the outcome
    await page.getByText(/^Session loaded from/).waitFor();
    expect(await text('sim-time')).toBe(before.time);
    await page
      .getByLabel('Import a session file')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"x"}') });
    await page.getByText(/^bad\.json: format: expected/).waitFor();
    expect(await text('session-file-message')).toBe(
      'bad.json: format: expected an ITPS session file (format itps-session/2), found format "x"',
    );
    expect(await text('sim-time')).toBe(before.time);
  });
});

describe('instructor: scenarios', () => {
  it('loads a library scenario whose timeline plays as time runs, and rejects a bad file with the format messages', async () => {
    await page.getByLabel('From the library').selectOption('post-mri-stall.scenario.yaml');
    await page.getByRole('button', { name: 'Load scenario' }).click();
    expect(await text('scenario-loaded')).toBe('Loaded: Post-MRI motor stall and recovery (SynchroMed-like)');
    // the format's default start, 2026-01-01T00:00 (a Thursday), on the wall clock
    expect(await text('sim-time')).toBe('Thu 1 Jan 2026, 00:00 (day 0)');
    await page.getByRole('button', { name: 'Next event (60 days at most)' }).click();
    expect(await text('sim-time')).toBe('Fri 2 Jan 2026, 00:00 (day 1)');
    expect(await text('pump-state')).toBe('stalled');
    expect(await text('alarm-motorStall')).toContain('ACTIVE');
    await page.getByRole('button', { name: 'Next event (60 days at most)' }).click();
    expect(await text('sim-time')).toBe('Fri 2 Jan 2026, 06:00 (day 1)');
    expect(await text('pump-state')).toBe('running');
    await screenshot(page, '09-scenario-loaded');
    await page.getByLabel('From a file (YAML or JSON)').setInputFiles({
      name: 'broken.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from('format: itps-scenario/1\nname: broken\nduration: P1X\n'),
    });
    await page.getByTestId('scenario-problems').waitFor();
    const problems = await text('scenario-problems');
    expect(problems).toContain('broken.yaml: duration: expected an ISO 8601 duration');
    expect(problems).toContain('broken.yaml: pump: expected');
  });

  it('keeps playing a loaded scenario after a reload, from where it was', async () => {
    await page.getByLabel('From the library').selectOption('stop-and-restart.scenario.yaml');
    await page.getByRole('button', { name: 'Load scenario' }).click();
    await page.getByRole('button', { name: 'Next event (60 days at most)' }).click();
    expect(await text('sim-time')).toBe('Fri 2 Jan 2026, 00:00 (day 1)');
    expect(await text('pump-mode')).toBe('stopped');
    await page.reload();
    await page.getByTestId('scenario-loaded').waitFor();
    expect(await text('scenario-loaded')).toBe('Loaded: Therapy stopped, then restarted');
    expect(await text('sim-time')).toBe('Fri 2 Jan 2026, 00:00 (day 1)');
    // the restart at day 3 is the timeline's, not the pump's: only a restored timeline plays it
    await page.getByRole('button', { name: 'Next event (60 days at most)' }).click();
    expect(await text('sim-time')).toBe('Sun 4 Jan 2026, 00:00 (day 3)');
    expect(await text('pump-mode')).toBe('simple');
    expect(await text('pump-state')).toBe('running');
  });

  it('loads the scenario a failing property wrote, and plays it to the failure', async () => {
    // a property false on purpose (no history ever stalls the motor): its shrunk counterexample file
    const file = assertScenarioProperty(
      'DEMO-NEVER-STALLS',
      scenarioArb.map((s) => ({ ...s, expect: [{ event: 'motor.stall', never: true as const }] })),
      (s) => runScenario(s).passed,
      { seed: 20261122 },
      { throwOnFailure: false },
    );
    if (file === null) throw new Error('the demonstration property held');
    await page.getByLabel('From a file (YAML or JSON)').setInputFiles(file);
    await page.getByTestId('scenario-loaded').waitFor();
    expect(await text('scenario-loaded')).toBe('Loaded: DEMO-NEVER-STALLS counterexample (seed 20261122)');
    // the shrunk history is one MRI scan at t = 0: playing it shows the stall the claim denied
    await page.getByRole('button', { name: 'Next event (60 days at most)' }).click();
    await expect(page.getByTestId('event-log').innerText()).resolves.toContain('Motor stalled');
    await screenshot(page, '18-counterexample-loaded');
  });
});

describe('the instructor’s clock', () => {
  it('jumps to the next event within 60 days at most, and to a day and time on purpose', async () => {
    // from day 40 the next event is ERI, years away: the jump stops 60 days on
    await page.getByLabel('Jump to day').fill('40');
    await page.getByRole('button', { name: 'Jump', exact: true }).click();
    expect(await text('sim-time')).toBe('day 40, 08:00');
    await page.getByRole('button', { name: 'Next event (60 days at most)' }).click();
    expect(await text('sim-time')).toBe('day 100, 08:00');
    await page.getByLabel('Jump to day').fill('100');
    await page.getByLabel('at', { exact: true }).fill('07:00');
    await page.getByRole('button', { name: 'Jump', exact: true }).click();
    expect(await page.getByRole('alert').filter({ hasText: 'Jump to' }).innerText()).toBe(
      'Jump to: expected a time after now (day 100, 08:00), found day 100, 07:00.',
    );
    expect(await text('sim-time')).toBe('day 100, 08:00');
  });
});

describe('nothing destructive without asking', () => {
  it('asks before a scenario or an exercise replaces a world in use, and keeps it when told to', async () => {
    await page.getByRole('button', { name: '+1 day' }).click();
    await page.getByRole('button', { name: 'Load scenario' }).click();
    expect(await page.getByRole('group', { name: /The world running now .* is replaced/ }).count()).toBe(1);
    await screenshot(page, '19-confirm-replace');
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect(await text('sim-time')).toBe('day 1, 08:00');
    expect(await text('scenario-loaded')).toBe('No scenario loaded: a free session.');
    await page.getByRole('button', { name: 'Start exercise' }).click();
    await page.getByRole('button', { name: 'Yes, start exercise' }).click();
    await page.getByTestId('training-name').waitFor();
    await page.getByRole('button', { name: 'Abandon exercise' }).click();
    expect(await page.getByTestId('training-name').count()).toBe(1);
    await page.getByRole('button', { name: 'Yes, abandon it' }).click();
    expect(await page.getByTestId('training-name').count()).toBe(0);
  });
});

describe('saved sessions are checked before anything is restored', () => {
  it('refuses an imported session whose drug does not add up, naming why, and keeps the session as it was', async () => {
    await page.getByRole('button', { name: '+1 day' }).click();
    const [session] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export session' }).click(),
    ]);
    const saved = JSON.parse(readFileSync(await session.path(), 'utf8'));
    saved.world.pump.context.pump.truth.loaded.masses.baclofen += 1_000_000;
    await page.getByRole('button', { name: '+1 week' }).click();
    const before = await text('sim-time');
    await page.getByLabel('Import a session file').setInputFiles({
      name: 'tampered.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(saved)),
    });
    await page.getByText(/^tampered\.json: /).waitFor();
    expect(await text('session-file-message')).toContain(
      'tampered.json: world.pump: expected a pump that holds REQ-CONS-01',
    );
    expect(await text('sim-time')).toBe(before);
  });

  it('says so when it finds a session saved by the older version, and starts a new one', async () => {
    // as an older version left it: written before this version's page reads storage at start
    await page.getByTestId('sim-time').waitFor();
    await page.evaluate(() => localStorage.setItem('itps.world.v1', '{"format":"itps-world/1"}'));
    await page.reload();
    await page.getByTestId('session-file-message').waitFor();
    expect(await text('session-file-message')).toBe(
      'A session saved by an older version of ITPS was found. It cannot be restored, so a new session started.',
    );
    expect(await text('sim-time')).toBe('day 0, 08:00');
    expect(await page.evaluate(() => localStorage.getItem('itps.world.v1'))).toBeNull();
  });
});
