import { describe, expect, it } from 'vitest';
import { browserLibrary, type Kept } from './browserLibrary.ts';
import { LibraryRefusal } from './exerciseLibrary.ts';

/** A library in memory, its exercise names and topics read from a tiny `name|topic|difficulty` text. */
function memoryLibrary() {
  let kept: Record<string, Kept> | undefined;
  return browserLibrary(
    (yaml) => {
      const [name = '', topic = '', difficulty = ''] = yaml.split('|');
      return { name, topics: topic === '' ? [] : [topic], difficulty: difficulty === '' ? null : difficulty };
    },
    (yaml) => yaml.replace(/^([^|]*)/, '$1 (copy)'),
    {
      read: async () => kept,
      write: async (all) => {
        kept = all;
      },
    },
  );
}
const ALL = { q: '', topic: '', difficulty: '', retired: false };

describe('browserLibrary', () => {
  it('saves a new exercise as version 1 and every save after as the next version, keeping the old ones', async () => {
    const library = memoryLibrary();
    const { id, version } = await library.create('Refill late|refill|intermediate');
    expect(version).toBe(1);
    expect(await library.update(id, 'Refill a week late|refill|intermediate', 1)).toEqual({ version: 2 });
    const exercise = await library.get(id);
    expect(exercise.versions).toEqual([1, 2]);
    expect(exercise.latest).toEqual({ version: 2, yaml: 'Refill a week late|refill|intermediate' });
    expect((await library.version(id, 1)).yaml).toBe('Refill late|refill|intermediate');
  });

  it('refuses a save from a version that is no longer the latest, as stale, and keeps what was there', async () => {
    const library = memoryLibrary();
    const { id } = await library.create('A|refill|');
    await library.update(id, 'B|refill|', 1);
    const stale = await library.update(id, 'C|refill|', 1).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(LibraryRefusal);
    expect((stale as LibraryRefusal).stale).toBe(true);
    expect((await library.get(id)).versions).toEqual([1, 2]);
  });

  it('searches by words, topic and difficulty; a retired exercise only when asked; duplicates as a new exercise', async () => {
    const library = memoryLibrary();
    const a = await library.create('Refill a week late|refill|intermediate');
    await library.create('Withdrawal at night|withdrawal|advanced');
    expect((await library.list({ ...ALL, q: 'week refill' })).map((l) => l.name)).toEqual(['Refill a week late']);
    expect((await library.list({ ...ALL, topic: 'withdrawal' })).map((l) => l.name)).toEqual(['Withdrawal at night']);
    expect((await library.list({ ...ALL, difficulty: 'intermediate' })).map((l) => l.id)).toEqual([a.id]);
    const copy = await library.duplicate(a.id);
    expect(copy.id).not.toBe(a.id);
    expect((await library.get(copy.id)).latest).toEqual({
      version: 1,
      yaml: 'Refill a week late (copy)|refill|intermediate',
    });
    await library.retire(a.id);
    expect((await library.list(ALL)).map((l) => l.id)).not.toContain(a.id);
    expect((await library.list({ ...ALL, retired: true })).find((l) => l.id === a.id)?.retired).toBe(true);
  });

  it('names an exercise or a version it does not have', async () => {
    const library = memoryLibrary();
    await expect(library.get('ex-none')).rejects.toThrow('No exercise ex-none');
    const { id } = await library.create('A||');
    await expect(library.version(id, 3)).rejects.toThrow('has no version 3');
  });
});
