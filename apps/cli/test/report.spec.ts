import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { itps, scratch } from './itps.ts';

const shots = new URL('../test-results/screenshots/', import.meta.url).pathname;
const scenario = 'packages/scenarios/scenarios/concentration-switch-no-bridge.scenario.yaml';

describe('itps report in headless Chromium', () => {
  it('writes a self-contained report.html: six plots that render offline, each saved as PNG, and the tables in words', async () => {
    const out = scratch();
    const r = itps(['report', scenario, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${out}/report.html`);
    // 10 mL at 400 mcg/day of 2000 mcg/mL is 0.2 mL/day: 9.80 mL left at day 1, all aspirated
    // calendar times from startsAt (the format's default, 2026-01-01T00:00), days to a fixed precision
    const events = readFileSync(join(out, 'events.csv'), 'utf8').split('\n');
    expect(events[0]).toBe('at_ms,day,time,type,meaning');
    expect(events).toContain('86400000,1.00000,"Fri 2 Jan 2026, 00:00 (day 1)","refill.recorded","Refill recorded"');
    mkdirSync(shots, { recursive: true });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const context = await browser.newContext({
        viewport: { width: 1200, height: 900 },
        offline: true,
        acceptDownloads: true,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(`file://${join(out, 'report.html')}`);
      await page.waitForSelector('#stages canvas');
      expect(await page.locator('canvas').count()).toBe(6);
      expect(await page.locator('#alarms').innerText()).toBe('No alarm sounded during the run.');
      expect(await page.locator('.notice').innerText()).toContain('Not for clinical use');
      expect(await page.locator('.verdict').innerText()).toBe('all expectations held');
      expect(await page.locator('#reservoir .u-legend').innerText()).toContain('low-reservoir threshold');
      expect(await page.locator('#concentration .u-legend').innerText()).toContain('leaving the tip');
      expect(await page.locator('#daily .u-legend').innerText()).toContain('reached the CSF that day');
      const rows = page.locator('section:has(h2:text("Expectations")) tbody tr');
      expect(await rows.count()).toBe(7);
      expect(await rows.nth(0).innerText()).toContain('truth.deliveredMcg');
      expect(await rows.nth(0).innerText()).toContain('near 400 ± 0.01');
      const refill = await page.locator('section:has(h2:text("Refills")) tbody tr').innerText();
      expect(refill).toContain('Fri 2 Jan 2026, 00:00 (day 1)');
      expect(refill.replaceAll('\t', ' ')).toContain('9.80 9.80 9.80 0.00 18.00 500 reservoir 18.00');
      const download = page.waitForEvent('download');
      await page.locator('button.png[data-plot="concentration"]').click();
      const saved = await (await download).path();
      expect(readFileSync(saved).subarray(1, 4).toString()).toBe('PNG');
      expect(errors).toEqual([]);
      await page.screenshot({ path: `${shots}report.png`, fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
