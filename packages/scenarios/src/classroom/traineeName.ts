/** The longest name a trainee may give (in characters, after cleaning). */
export const MAX_TRAINEE_NAME = 60;

/**
 * Characters a name never keeps: controls (C0, C1), format characters (the bidirectional
 * embeddings, overrides and isolates, zero-width joiners and spaces, the byte-order mark), line and
 * paragraph separators, private-use and unassigned code points, lone surrogates.
 */
const UNWANTED = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]/gu;

/** A name as given, cleaned; or why it cannot be used. */
export type TraineeNameCheck =
  | { readonly ok: true; readonly name: string }
  | { readonly ok: false; readonly problem: string };

/**
 * A trainee's name as the class shows it: NFC-normalised, without control, direction or other
 * invisible characters, runs of spaces as one, trimmed, at most {@link MAX_TRAINEE_NAME}
 * characters. A name with nothing visible left is refused, saying why.
 */
export function cleanTraineeName(given: string): TraineeNameCheck {
  const name = given.normalize('NFC').replace(UNWANTED, '').replace(/\s+/gu, ' ').trim();
  if (name === '')
    return {
      ok: false,
      problem:
        'Give your name in letters: control and text-direction characters are taken out of names, and nothing was left.',
    };
  const chars = [...name];
  return { ok: true, name: chars.length > MAX_TRAINEE_NAME ? chars.slice(0, MAX_TRAINEE_NAME).join('').trim() : name };
}

/** The key two names are compared by: the same name in another case or form is the same name. */
const nameKey = (name: string) => name.normalize('NFKC').toLocaleLowerCase('en');

/**
 * `name`, told apart from the names already `taken` in a class: itself when free, else with the
 * first free number, `Sam (2)`, `Sam (3)`.
 */
export function distinctName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map(nameKey));
  if (!used.has(nameKey(name))) return name;
  for (let n = 2; ; n += 1) {
    const candidate = `${name} (${n})`;
    if (!used.has(nameKey(candidate))) return candidate;
  }
}
