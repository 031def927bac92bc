import { type Browser, type Page } from 'playwright-core';
/** Where the app is served during the specs. */
export declare const APP_URL: string;
/** Where screenshots are written, to be looked at. */
export declare const SCREENSHOT_DIR: string;
/** Launches Debian's Chromium headless (no browser download: playwright-core only drives it). */
export declare function launchBrowser(): Promise<Browser>;
/** Saves a full-page screenshot named after the screen. */
export declare function screenshot(page: Page, name: string): Promise<void>;
/** Runs axe-core in the page and returns the serious and critical violations, by rule and target. */
export declare function seriousAccessibilityViolations(page: Page): Promise<string[]>;
/**
 * Registers the hooks every spec file needs: one browser for the file, a fresh page (its own
 * context and storage) on the app before each test. Returns accessors for the current page.
 */
export declare function setUpAppPage(viewport: { width: number; height: number }): {
  page: () => Page;
  text: (testId: string) => Promise<string>;
};
