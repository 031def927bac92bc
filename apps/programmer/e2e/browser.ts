import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { withPageCoverage } from './pageCoverage.ts';

/** Where the app is served during the specs (port 4173, or ITPS_E2E_PORT: two runs on one machine). */
export const APP_URL = `http://127.0.0.1:${process.env.ITPS_E2E_PORT ?? '4173'}/`;
/** Where screenshots are written, to be looked at. */
export const SCREENSHOT_DIR = new URL('../test-results/screenshots/', import.meta.url).pathname;

/** Launches Debian's Chromium headless (no browser download: playwright-core only drives it). */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const browser = await chromium.launch({
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
  // the app's V8 coverage in Chromium, when the e2e script asks for it (docs/testing.md)
  const coverage = process.env.ITPS_E2E_COVERAGE;
  return coverage === undefined || coverage === '' ? browser : withPageCoverage(browser, coverage, APP_URL);
}

/** Saves a full-page screenshot named after the screen. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: true });
}

/** Runs axe-core in the page and returns the serious and critical violations, by rule and target. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const { readFileSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const results = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Registers the hooks every spec file needs: one browser for the file, a fresh page (its own
 * context and storage) on the app before each test. Returns accessors for the current page.
 */
export function setUpAppPage(viewport: { width: number; height: number }): {
  page: () => Page;
  text: (testId: string) => Promise<string>;
} {
  let browser: Browser;
  let current: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    current = await browser.newPage({ viewport });
    await current.goto(`${APP_URL}#/instructor`);
  });
  afterEach(async () => {
    await current.context().close();
  });
  return { page: () => current, text: (testId) => current.getByTestId(testId).innerText() };
}
