/**
 * One word for a POSIX shell: left bare when it holds only characters no shell treats specially,
 * else in single quotes (a quote inside written as `'\''`). Control characters are kept out of a
 * command line printed for copying: they are written as `$'\n'`-style escapes.
 */
export function shellWord(word: string): string {
  if (word !== '' && /^[\w@%+=:,./-]+$/.test(word)) return word;
  let out = '';
  let quoted = '';
  const flush = () => {
    if (quoted !== '') out += `'${quoted}'`;
    quoted = '';
  };
  for (const ch of word) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "'") {
      flush();
      out += "\\'";
    } else if (code < 0x20 || code === 0x7f) {
      flush();
      out += `$'\\x${code.toString(16).padStart(2, '0')}'`;
    } else quoted += ch;
  }
  flush();
  return out === '' ? "''" : out;
}

/**
 * The one command that replays a run of a sweep: the file, the run's seed and each value it set,
 * in the words `itps sweep` took them (`--set PATH=VALUE`, the same parser), plus any other flags
 * the sweep ran with (its limits). `itps run` prints the same failures; `itps report` takes the
 * same words with `--out DIR` for plots.
 */
export function replayCommand(
  file: string,
  run: { readonly seed: number; readonly settings: Readonly<Record<string, string | number | boolean>> },
  flags: readonly string[] = [],
  command: 'run' | 'report' = 'run',
): string {
  const words = ['itps', command, file, '--seed', String(run.seed)];
  for (const [path, value] of Object.entries(run.settings)) words.push('--set', `${path}=${String(value)}`);
  words.push(...flags);
  return words.map((w, i) => (i < 2 ? w : shellWord(w))).join(' ');
}
