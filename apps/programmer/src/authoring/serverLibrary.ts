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

/** The exercise library kept by the classroom server in its records database, under the instructor's token. */
export function serverLibrary(token: string): ExerciseLibrary {
  const path = (id: string) => `/api/library/${encodeURIComponent(id)}`;
  return {
    where: 'server',
    list: (f) =>
      asked(
        api<readonly LibraryListing[]>(
          `/api/library?${new URLSearchParams({ q: f.q, topic: f.topic, difficulty: f.difficulty, retired: String(f.retired) })}`,
          token,
        ),
      ),
    get: (id) => asked(api<LibraryExercise>(path(id), token)),
    version: (id, v) => asked(api<LibraryVersion>(`${path(id)}/versions/${v}`, token)),
    create: (yaml) =>
      asked(api<{ id: string; version: number }>('/api/library', token, { method: 'POST', body: { yaml } })),
    update: (id, yaml, baseVersion) =>
      asked(api<{ version: number }>(path(id), token, { method: 'PUT', body: { yaml, baseVersion } })),
    duplicate: (id) =>
      asked(api<{ id: string; version: number }>(`${path(id)}/duplicate`, token, { method: 'POST', body: {} })),
    retire: async (id) => {
      await asked(api<unknown>(`${path(id)}/retire`, token, { method: 'POST', body: {} }));
    },
  };
}
