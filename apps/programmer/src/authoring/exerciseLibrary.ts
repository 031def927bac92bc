/** What the library says of an exercise in its list. */
export interface LibraryListing {
  readonly id: string;
  readonly name: string;
  readonly topics: readonly string[];
  readonly difficulty: string | null;
  /** Its latest version. */
  readonly version: number;
  readonly retired: boolean;
}

/** One saved version of an exercise: its YAML, as exported. */
export interface LibraryVersion {
  readonly version: number;
  readonly yaml: string;
}

/** An exercise of the library: its versions (oldest first) and the latest one's text. */
export interface LibraryExercise {
  readonly id: string;
  readonly versions: readonly number[];
  readonly latest: LibraryVersion;
  readonly retired: boolean;
}

/** How the list is searched. */
export interface LibraryFilter {
  readonly q: string;
  readonly topic: string;
  readonly difficulty: string;
  /** Show the retired exercises too. */
  readonly retired: boolean;
}

/** A refusal of the library (a stale save, an unknown exercise), in words; `stale` when another save came first. */
export class LibraryRefusal extends Error {
  constructor(
    message: string,
    readonly stale = false,
  ) {
    super(message);
  }
}

/**
 * The exercise library, kept by the classroom server (in the records database) or, practising
 * alone, in this browser. Every save is a new version; a save names the version it was edited from
 * and is refused as stale when a newer one exists.
 */
export interface ExerciseLibrary {
  /** Where it is kept, said to the educator. */
  readonly where: 'server' | 'browser';
  list(filter: LibraryFilter): Promise<readonly LibraryListing[]>;
  get(id: string): Promise<LibraryExercise>;
  version(id: string, version: number): Promise<LibraryVersion>;
  create(yaml: string): Promise<{ readonly id: string; readonly version: number }>;
  update(id: string, yaml: string, baseVersion: number): Promise<{ readonly version: number }>;
  /** A new exercise from the latest version of this one, its title marked as a copy. */
  duplicate(id: string): Promise<{ readonly id: string }>;
  retire(id: string): Promise<void>;
}

/** An exercise's YAML as a copy of it: the same exercise, its title marked "(copy)". */
export type CopyOf = (yaml: string) => string;

/** The exercise's name, topics and difficulty, read from its YAML (null when it does not parse). */
export type MetaOf = (
  yaml: string,
) => { readonly name: string; readonly topics: readonly string[]; readonly difficulty: string | null } | null;

/** Whether a listing answers the filter: words in its name, its topic, its difficulty, retired or not. */
export function matches(listing: LibraryListing, filter: LibraryFilter): boolean {
  if (listing.retired && !filter.retired) return false;
  if (filter.topic !== '' && !listing.topics.includes(filter.topic)) return false;
  if (filter.difficulty !== '' && listing.difficulty !== filter.difficulty) return false;
  const words = filter.q
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const name = listing.name.toLowerCase();
  return words.every((w) => name.includes(w));
}
