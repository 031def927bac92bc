import { describe, expect, it } from 'vitest';
import { renderSection, renderSurvivors, replaceSection, scores, summarise } from './mutationReport.mjs';

// The mutation report judged on a made-up Stryker report: counts per file, survivors matched to
// their equivalent entries by file, mutator, replacement and source line, stale entries found.
const mutant = (status, line, mutatorName = 'ConditionalExpression', replacement = 'true') => ({
  status,
  mutatorName,
  replacement,
  location: { start: { line, column: 1 }, end: { line, column: 2 } },
});
const report = {
  files: {
    'src/b.ts': {
      source: 'const x = 1;\nif (a > b) go();\nreturn x;',
      mutants: [mutant('Killed', 1), mutant('Survived', 2)],
    },
    'src/a.ts': {
      source: 'if (cache.size > 64) cache.clear();',
      mutants: [
        mutant('Timeout', 1),
        mutant('Survived', 1),
        mutant('NoCoverage', 1, 'BlockStatement', '{}'),
        mutant('CompileError', 1),
      ],
    },
  },
};
const equivalents = [
  {
    file: 'src/a.ts',
    mutator: 'ConditionalExpression',
    replacement: 'true',
    line: 'cache.size > 64',
    reason: 'a cache',
  },
  { file: 'src/gone.ts', mutator: 'BlockStatement', line: 'x', reason: 'stale' },
];

describe('the mutation report', () => {
  it('counts each file, leaving out mutants that did not compile, and names equivalent survivors', () => {
    const s = summarise(report, equivalents);
    expect(s.files.map((f) => [f.file, f.mutants, f.detected, f.survived, f.noCoverage, f.equivalent])).toEqual([
      ['src/a.ts', 3, 1, 1, 1, 1],
      ['src/b.ts', 2, 1, 1, 0, 0],
    ]);
    expect(s.total).toEqual({ mutants: 5, detected: 2, survived: 2, noCoverage: 1, equivalent: 1 });
    expect(s.files[0]?.survivors[0]?.reason).toBe('a cache');
    expect(s.files[1]?.survivors[0]).toMatchObject({ line: 2, source: 'if (a > b) go();', reason: null });
    expect(s.stale.map((e) => e.reason)).toEqual(['stale']);
  });

  it('scores detected over all, and over all but the equivalent', () => {
    expect(scores({ mutants: 5, detected: 2, equivalent: 1 })).toEqual({ score: 40, withoutEquivalents: 50 });
    expect(scores({ mutants: 0, detected: 0, equivalent: 0 })).toEqual({ score: 100, withoutEquivalents: 100 });
  });

  it('writes the section between its markers and leaves the rest of the document alone', () => {
    const packages = [{ name: 'packages/x', summary: summarise(report, equivalents) }];
    const meta = { date: '2026-11-30', command: 'pnpm mutate' };
    const section = renderSection(packages, meta);
    expect(section).toContain('| packages/x | 5 | 2 | 2 | 1 | 1 | 40.00 % | 50.00 % |');
    expect(section).toContain('| `src/b.ts` | 2 | 1 | 1 | 0 | 0 | 50.00 % | 50.00 % |');
    const doc = 'before\n<!-- mutation-report:begin -->\nold\n<!-- mutation-report:end -->\nafter\n';
    const next = replaceSection(doc, section);
    expect(next.startsWith('before\n<!-- mutation-report:begin -->')).toBe(true);
    expect(next.endsWith('<!-- mutation-report:end -->\nafter\n')).toBe(true);
    expect(next).not.toContain('old');
    expect(() => replaceSection('no markers', section)).toThrow(/no <!-- mutation-report:begin -->/);
    const survivors = renderSurvivors(packages, meta);
    expect(survivors).toContain('- line 2, ConditionalExpression to `true`: `if (a > b) go();`');
    expect(survivors).toContain('(no test covers it)');
    expect(survivors).toContain('equivalent, a cache');
    expect(survivors).toContain('match no survivor (remove them): 1');
  });

  it('says where the figures come from when a run of some files alone was merged in', () => {
    const packages = [{ name: 'packages/x', summary: summarise(report, equivalents) }];
    const meta = { date: '2026-12-01', command: 'pnpm mutate', provenance: 'src/b.ts re-run on its own.' };
    expect(renderSection(packages, meta)).toContain('on 2026-12-01. src/b.ts re-run on its own. Detected means');
    expect(renderSurvivors(packages, meta)).toContain('do not edit. src/b.ts re-run on its own. A survivor');
    expect(renderSection(packages, { date: '2026-12-01', command: 'pnpm mutate' })).toContain(
      'on 2026-12-01. Detected means',
    );
  });

  it('shows a package without a report as not run, and lists none of its survivors', () => {
    const packages = [
      { name: 'packages/x', summary: summarise(report, []) },
      { name: 'packages/y', summary: null },
    ];
    const meta = { date: '2026-11-30', command: 'pnpm mutate' };
    expect(renderSection(packages, meta)).toContain('| packages/y | not run yet: `pnpm mutate` runs it whole |');
    expect(renderSurvivors(packages, meta)).not.toContain('## packages/y');
  });
});
