import { exerciseTitle } from '@itps/scenarios';
import { ApiRefusal, api } from '../classroom/instructorApi.ts';
import {
  type ExerciseLibrary,
  type LibraryExercise,
  type LibraryListing,
  LibraryRefusal,
  type LibraryVersion,
} from './exerciseLibrary.ts';

/** The server's refusals in the library's terms (409: another save came first). */
async function asked<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiRefusal) throw new LibraryRefusal(error.message, error.status === 409);
    throw error;
  }
}

/** An exercise as the server lists it (the shipped templates too, marked). */
interface Listed {
  readonly id: string;
  readonly title: string;
  readonly topic: readonly string[];
  readonly difficulty: string | null;
  readonly version: number;
  readonly retired: boolean;
  readonly template: boolean;
}

/**
 * The exercise library kept by the classroom server in its records database, under the
 * instructor's token. The shipped templates it also lists are left to the editor's own list of them.
 */
export function serverLibrary(token: string): ExerciseLibrary {
  const path = (id: string) => `/api/library/${encodeURIComponent(id)}`;
  return {
    where: 'server',
    async list(f) {
      const query = new URLSearchParams();
      if (f.q.trim() !== '') query.set('q', f.q.trim());
      if (f.topic !== '') query.set('topic', f.topic);
      if (f.difficulty !== '') query.set('difficulty', f.difficulty);
      if (f.retired) query.set('retired', 'all');
      const listed = await asked(api<readonly Listed[]>(`/api/library?${query}`, token));
      return listed
        .filter((e) => !e.template)
        .map(
          (e): LibraryListing => ({
            id: e.id,
            name: exerciseTitle(e.title),
            topics: e.topic,
            difficulty: e.difficulty,
            version: e.version,
            retired: e.retired,
          }),
        );
    },
    async get(id): Promise<LibraryExercise> {
      const found = await asked(
        api<{ id: string; retired: boolean; versions: { version: number }[]; latest: LibraryVersion }>(path(id), token),
      );
      return {
        id: found.id,
        retired: found.retired,
        versions: found.versions.map((v) => v.version),
        latest: found.latest,
      };
    },
    version: (id, v) => asked(api<LibraryVersion>(`${path(id)}/versions/${v}`, token)),
    create: (yaml) =>
      asked(api<{ id: string; version: number }>('/api/library', token, { method: 'POST', body: { yaml } })),
    update: (id, yaml, baseVersion) =>
      asked(api<{ version: number }>(path(id), token, { method: 'PUT', body: { yaml, baseVersion } })),
    duplicate: (id) => asked(api<{ id: string }>(`${path(id)}/duplicate`, token, { method: 'POST', body: {} })),
    retire: async (id) => {
      await asked(api<unknown>(`${path(id)}/retire`, token, { method: 'POST', body: {} }));
    },
  };
}
