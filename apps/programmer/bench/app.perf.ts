import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { APP_URL, launchBrowser } from '../e2e/browser.ts';

const dist = new URL('../dist/assets/', import.meta.url).pathname;

it('production bundle size and frame times at 1 day per second', async () => {
  const js = readdirSync(dist).filter((f) => f.endsWith('.js'));
  const raw = js.reduce((n, f) => n + readFileSync(join(dist, f)).length, 0);
  const gzip = js.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);

  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(APP_URL);
  await page.getByLabel('1 day per second').check();
  // frame-to-frame times measured in the page over 5 s of running
  const frames = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const times: number[] = [];
        let last = performance.now();
        const end = last + 5000;
        const tick = (now: number) => {
          times.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve(times);
        };
        requestAnimationFrame(tick);
      }),
  );
  const simulated = await page.getByTestId('sim-time').innerText();
  await browser.close();
  const sorted = [...frames].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(
    [
      '',
      'ITPS programmer app benchmark',
      `  production JavaScript: ${(raw / 1024).toFixed(1)} kB, ${(gzip / 1024).toFixed(1)} kB gzipped   goal <= 300 kB gzipped: ${gzip <= 300 * 1024 ? 'met' : 'NOT met'}`,
      `  running at 1 day per second in headless Chromium: ${frames.length} frames in 5 s, median ${median.toFixed(1)} ms, 95th percentile ${p95.toFixed(1)} ms   goal p95 <= 20 ms: ${p95 <= 20 ? 'met' : 'NOT met'} (clock reached ${simulated})`,
    ].join('\n'),
  );
  expect(frames.length).toBeGreaterThan(0);
});
