import { preview } from 'vite';

/** Serves the built app (run `vite build` first) on 127.0.0.1:4173 (or ITPS_E2E_PORT) for the specs. */
export default async function setup() {
  const server = await preview({
    root: new URL('..', import.meta.url).pathname,
    preview: { host: '127.0.0.1', port: Number(process.env.ITPS_E2E_PORT ?? 4173), strictPort: true },
  });
  return async () => {
    await server.close();
  };
}
