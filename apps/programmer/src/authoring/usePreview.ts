import { useEffect, useRef, useState } from 'react';
import type { PreviewAnswer } from './previewMessages.ts';

/** The preview of the settled exercise: running, or the worker's latest answer. */
export interface PreviewState {
  readonly running: boolean;
  readonly answer: PreviewAnswer | null;
}

/**
 * Runs the exercise headless in a Web Worker each time the settled document changes. A newer
 * document supersedes one still running: that worker is stopped and a fresh one takes the new
 * document, so the page never waits on a stale run.
 */
export function usePreview(doc: Readonly<Record<string, unknown>> | null): PreviewState {
  const [state, setState] = useState<PreviewState>({ running: false, answer: null });
  const worker = useRef<Worker | null>(null);
  const busy = useRef(false);
  const asked = useRef(0);
  useEffect(() => {
    if (doc === null) return;
    const id = ++asked.current;
    if (worker.current === null || busy.current) {
      worker.current?.terminate();
      const w = new Worker(new URL('./previewWorker.ts', import.meta.url), { type: 'module' });
      w.onmessage = (e: MessageEvent<PreviewAnswer>) => {
        busy.current = false;
        if (e.data.id === asked.current) setState({ running: false, answer: e.data });
      };
      w.onerror = (e) => {
        busy.current = false;
        setState({ running: false, answer: { id: asked.current, ok: false, why: 'failed', message: e.message } });
      };
      worker.current = w;
    }
    busy.current = true;
    setState((s) => ({ ...s, running: true }));
    worker.current.postMessage({ id, doc });
  }, [doc]);
  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );
  return state;
}
