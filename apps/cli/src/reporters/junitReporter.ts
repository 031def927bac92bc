import { expectationRows, formatDuration, formatProblem, printable } from '@itps/scenarios';
import { type FileOutcome, statusOf } from '../runFiles.ts';
import type { Reporter, Streams } from './reporter.ts';

const xml = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    // characters XML 1.0 cannot hold at all
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 cannot hold
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '?');

/** A name for an XML attribute, printable first: a control character in it is written as its escape (`\n`). */
const xmlName = (s: string) => xml(printable(s));

/** One file as a JUnit `<testsuite>`: a test case per observable or event checked and per requirement. */
export function junitSuite(outcome: FileOutcome): string {
  const file = xmlName(outcome.file);
  if (outcome.kind === 'invalid') {
    const message = outcome.problems.map(formatProblem).join('\n');
    return `  <testsuite name="${file}" tests="1" failures="0" errors="1" skipped="0">\n    <testcase classname="${file}" name="a valid scenario file"><error type="invalid" message="${xml(outcome.problems[0] ? formatProblem(outcome.problems[0]) : 'invalid')}">${xml(message)}</error></testcase>\n  </testsuite>\n`;
  }
  const { report } = outcome;
  const cases: string[] = expectationRows(report).map((r) => {
    const name = xml(`expect[${r.index}] ${r.subject}${r.at === null ? '' : ` at ${formatDuration(r.at)}`}`);
    return r.passed
      ? `    <testcase classname="${file}" name="${name}"/>`
      : `    <testcase classname="${file}" name="${name}"><failure type="expectation" message="${xml(`expected ${r.expected}, found ${r.found}`)}"/></testcase>`;
  });
  for (const requirement of report.checks) {
    const v = report.violations.find((x) => x.requirement === requirement);
    cases.push(
      v === undefined
        ? `    <testcase classname="${file}" name="${xml(requirement)}"/>`
        : `    <testcase classname="${file}" name="${xml(requirement)}"><failure type="violation" message="${xml(`violated at ${formatDuration(v.at)}: ${v.message}`)}"/></testcase>`,
    );
  }
  if (statusOf(outcome) === 'none')
    cases.push(
      `    <testcase classname="${file}" name="expectations"><failure type="empty" message="no expectations and no checks: nothing was checked"/></testcase>`,
    );
  const failures = cases.filter((c) => c.includes('<failure')).length;
  return `  <testsuite name="${file}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n    <properties><property name="scenario" value="${xmlName(report.name)}"/><property name="seed" value="${report.seed}"/></properties>\n${cases.join('\n')}\n  </testsuite>\n`;
}

/** JUnit XML on standard output, a `<testsuite>` per file written as it finishes. */
export function junitReporter(streams: Streams): Reporter {
  return {
    start() {
      streams.out('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="itps">\n');
    },
    file(outcome) {
      streams.out(junitSuite(outcome));
    },
    end() {
      streams.out('</testsuites>\n');
    },
  };
}
