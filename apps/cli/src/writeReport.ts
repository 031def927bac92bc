import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { eventsCsv, reportHtml, type ScenarioReport, seriesCsv } from '@itps/scenarios';

const require = createRequire(import.meta.url);

/** The charting library (uPlot), read once to be inlined into each report.html. */
function chartAssets(): { script: string; css: string } {
  const dist = dirname(require.resolve('uplot/dist/uPlot.iife.min.js'));
  return {
    script: readFileSync(join(dist, 'uPlot.iife.min.js'), 'utf8'),
    css: readFileSync(join(dist, 'uPlot.min.css'), 'utf8'),
  };
}

/** Writes report.html, series.csv, events.csv and report.json into `outDir` (created if needed). */
export function writeReport(report: ScenarioReport, outDir: string, cwd: string): string[] {
  const dir = resolve(cwd, outDir);
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ['report.html', reportHtml(report, chartAssets())],
    ['series.csv', seriesCsv(report)],
    ['events.csv', eventsCsv(report)],
    ['report.json', `${JSON.stringify(report, null, 2)}\n`],
  ];
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  return files.map(([name]) => join(outDir, name));
}
