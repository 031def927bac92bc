import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
const shots = new URL('../test-results/screenshots/', import.meta.url).pathname;

describe('itps report in headless Chromium', () => {
  it('writes a self-contained report.html whose four plots render offline', async () => {
    const out = mkdtempSync(join(tmpdir(), 'itps-report-'));
    const r = spawnSync(
      join(root, 'node_modules/.bin/tsx'),
      [
        join(root, 'apps/cli/src/main.ts'),
        'report',
        'packages/scenarios/scenarios/pocket-fill.scenario.yaml',
        '--out',
        out,
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: root } },
    );
    expect(r.status).toBe(0);
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
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, offline: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(`file://${join(out, 'report.html')}`);
      await page.waitForSelector('#alarms canvas');
      expect(await page.locator('canvas').count()).toBe(4);
      expect(await page.locator('.notice').innerText()).toContain('Not for clinical use');
      expect(await page.locator('.verdict').innerText()).toBe('all expectations held');
      expect(await page.locator('#reservoir .u-legend').innerText()).toContain('truth');
      expect(errors).toEqual([]);
      await page.screenshot({ path: `${shots}report.png`, fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
