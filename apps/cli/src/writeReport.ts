import { eventsCsv, reportHtml, type ScenarioReport, seriesCsv } from '@itps/scenarios';
import { calendarLabel } from './calendarLabel.ts';
import { chartAssets } from './chartAssets.ts';
import { writeFiles } from './fileSystem.ts';

/** Writes report.html, series.csv, events.csv and report.json into `outDir` (created if needed), or says why not. */
export function writeReport(report: ScenarioReport, outDir: string, cwd: string) {
  const label = calendarLabel(report.startsAt);
  return writeFiles(outDir, cwd, [
    ['report.html', reportHtml(report, chartAssets(), label)],
    ['series.csv', seriesCsv(report, label)],
    ['events.csv', eventsCsv(report, label)],
    ['report.json', `${JSON.stringify(report, null, 2)}\n`],
  ]);
}
