import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * Measures the app's code in Chromium while the specs drive it: every page the browser opens
 * (`browser.newPage`, or `newPage` of a context from `browser.newContext`) records V8's precise JS
 * coverage from before its first navigation, and hands it over when the page, its context or the
 * browser closes (or the page itself): one JSON file per page in `dir`, the app's own scripts only (under `appUrl`,
 * without their source, which is the built file). `e2e/coverageReport.mjs` maps them back to
 * `src/` through the build's source maps. Nothing changes for a spec: the wrapped calls take and
 * return what they did.
 */
export function withPageCoverage(browser: Browser, dir: string, appUrl: string): Browser {
  mkdirSync(dir, { recursive: true });
  const open = new Set<Page>();
  let written = 0;
  const tracked = new WeakSet<BrowserContext>();
  const start = async (page: Page): Promise<Page> => {
    if (open.has(page)) return page;
    await page.coverage.startJSCoverage({ resetOnNavigation: false, reportAnonymousScripts: false });
    open.add(page);
    const close = page.close.bind(page);
    page.close = async (...args) => {
      await flush(page);
      return close(...args);
    };
    return page;
  };
  const flush = async (page: Page): Promise<void> => {
    if (!open.delete(page) || page.isClosed()) return;
    const entries = await page.coverage.stopJSCoverage();
    const app = entries
      .filter((e) => e.url.startsWith(appUrl) && e.url.endsWith('.js'))
      .map(({ url, functions }) => ({ url, functions }));
    written += 1;
    if (app.length > 0) writeFileSync(join(dir, `page-${process.pid}-${written}.json`), JSON.stringify(app));
  };
  const track = (context: BrowserContext): BrowserContext => {
    if (tracked.has(context)) return context;
    tracked.add(context);
    const newPage = context.newPage.bind(context);
    const close = context.close.bind(context);
    context.newPage = async () => start(await newPage());
    context.close = async (...args) => {
      for (const page of context.pages()) await flush(page);
      return close(...args);
    };
    return context;
  };
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  const close = browser.close.bind(browser);
  browser.newContext = async (...args) => track(await newContext(...args));
  // playwright's own newPage opens a context through newContext (tracked above) and its newPage
  browser.newPage = async (...args) => {
    const page = await newPage(...args);
    track(page.context());
    return start(page);
  };
  browser.close = async (...args) => {
    for (const page of [...open]) await flush(page);
    return close(...args);
  };
  return browser;
}
