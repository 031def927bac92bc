import { createStore, get, set } from 'idb-keyval';
import {
  type CopyOf,
  type ExerciseLibrary,
  type LibraryExercise,
  type LibraryListing,
  LibraryRefusal,
  type LibraryVersion,
  type MetaOf,
  matches,
} from './exerciseLibrary.ts';

/** One exercise as this browser keeps it: every version's YAML. */
export interface Kept {
  readonly id: string;
  readonly versions: readonly { readonly version: number; readonly yaml: string; readonly savedAt: string }[];
  readonly retired: boolean;
}

const KEY = 'itps.library.v1';

/** Where the browser's library is read from and written to: one value, every exercise in it. */
export interface LibraryKeeping {
  read(): Promise<Record<string, Kept> | undefined>;
  write(all: Record<string, Kept>): Promise<void>;
}

/** This browser's IndexedDB (its own database, `itps-library`). */
export function indexedDbKeeping(): LibraryKeeping {
  const store = createStore('itps-library', 'exercises');
  return { read: () => get<Record<string, Kept>>(KEY, store), write: (all) => set(KEY, all, store) };
}

/**
 * The exercise library kept in this browser when practising alone: the same versions, the same
 * YAML files, nothing sent anywhere.
 */
export function browserLibrary(
  metaOf: MetaOf,
  copyOf: CopyOf,
  keeping: LibraryKeeping = indexedDbKeeping(),
): ExerciseLibrary {
  const all = async (): Promise<Record<string, Kept>> => (await keeping.read()) ?? {};
  const one = async (id: string): Promise<Kept> => {
    const kept = (await all())[id];
    if (kept === undefined) throw new LibraryRefusal(`No exercise ${id} in this browser's library.`);
    return kept;
  };
  const put = async (kept: Kept) => keeping.write({ ...(await all()), [kept.id]: kept });
  const newId = () => `ex-${crypto.randomUUID().slice(0, 8)}`;
  const now = () => new Date().toISOString();
  const latest = (kept: Kept) => kept.versions[kept.versions.length - 1] as Kept['versions'][number];
  return {
    where: 'browser',
    async list(filter) {
      const listings: LibraryListing[] = [];
      for (const kept of Object.values(await all())) {
        const last = latest(kept);
        const meta = metaOf(last.yaml);
        listings.push({
          id: kept.id,
          name: meta?.name ?? kept.id,
          topics: meta?.topics ?? [],
          difficulty: meta?.difficulty ?? null,
          version: last.version,
          retired: kept.retired,
        });
      }
      return listings.filter((l) => matches(l, filter)).sort((a, b) => a.name.localeCompare(b.name));
    },
    async get(id): Promise<LibraryExercise> {
      const kept = await one(id);
      const last = latest(kept);
      return {
        id,
        versions: kept.versions.map((v) => v.version),
        latest: { version: last.version, yaml: last.yaml },
        retired: kept.retired,
      };
    },
    async version(id, version): Promise<LibraryVersion> {
      const found = (await one(id)).versions.find((v) => v.version === version);
      if (found === undefined) throw new LibraryRefusal(`Exercise ${id} has no version ${version}.`);
      return { version, yaml: found.yaml };
    },
    async create(yaml) {
      const id = newId();
      await put({ id, versions: [{ version: 1, yaml, savedAt: now() }], retired: false });
      return { id, version: 1 };
    },
    async update(id, yaml, baseVersion) {
      const kept = await one(id);
      const last = latest(kept).version;
      if (baseVersion !== last)
        throw new LibraryRefusal(
          `Version ${last} was saved after the version ${baseVersion} you edited (another window?). Open version ${last} and make your change again.`,
          true,
        );
      await put({ ...kept, versions: [...kept.versions, { version: last + 1, yaml, savedAt: now() }] });
      return { version: last + 1 };
    },
    async duplicate(id) {
      return this.create(copyOf(latest(await one(id)).yaml));
    },
    async retire(id) {
      await put({ ...(await one(id)), retired: true });
    },
  };
}
