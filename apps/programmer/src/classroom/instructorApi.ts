import type { ClassView } from '@itps/scenarios';

const TOKEN_KEY = 'itps-instructor-token';

/** The instructor's session token in this browser tab, or null when signed out. */
export const instructorToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);
export function setInstructorToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, token);
}

/**
 * Signs the instructor out: the server revokes the token (its consoles' sockets are signed out
 * too), then this tab forgets it. A server that cannot be reached is told nothing; the token is
 * forgotten all the same.
 */
export async function signOutInstructor(): Promise<void> {
  const token = instructorToken();
  setInstructorToken(null);
  if (token === null) return;
  try {
    await fetch('/api/instructor/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  } catch {
    // the server is not there: its tokens die with it (kept in memory only)
  }
}

/** A class as the server lists it, with the QR code of its join address (SVG text). */
export type ClassListing = ClassView & { readonly qrSvg: string };

/** An answer the server refused: its words. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A call to the classroom server's API with the given key (the instructor's token or a trainee's key). */
export async function api<T>(
  path: string,
  key: string | null,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers: {
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json') && !response.ok)
    throw new ApiRefusal(response.status, 'No classroom server answered here (this page may be the solo build).');
  if (!response.ok) {
    const body = (await response.json()) as { error?: { message?: string } };
    throw new ApiRefusal(response.status, body.error?.message ?? `The server answered ${response.status}.`);
  }
  if (!type.includes('json'))
    throw new ApiRefusal(response.status, 'No classroom server answered here (this page may be the solo build).');
  return (await response.json()) as T;
}

/** Downloads a file the API makes (CSV, xAPI) under the given key. */
export async function downloadFrom(path: string, key: string, file: string): Promise<void> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${key}` } });
  if (!response.ok) throw new ApiRefusal(response.status, `The server answered ${response.status}.`);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
