import type { ChangeKind, WorldDoor } from './worldDoor.ts';

/**
 * How often running time may re-render the page (real ms): at 1 day per second a frame moves the
 * world 24 minutes, and figures repainted 60 times a second are neither readable nor free. Anything
 * else (a command, a pause, a fault) shows at once, and the last tick of a run always shows.
 */
const TIME_REFRESH_MS = 66;
const renderSubscriptions = new WeakMap<WorldDoor, WorldDoor['subscribe']>();

/**
 * The door's subscribe for rendering: every reader of the page hears one shared tick of running time
 * at most every TIME_REFRESH_MS (the last one kept), so the page renders once for all of them;
 * anything else reaches them at once.
 */
export function renderSubscribe(door: WorldDoor): WorldDoor['subscribe'] {
  let subscribe = renderSubscriptions.get(door);
  if (subscribe === undefined) {
    const listeners = new Set<(kind: ChangeKind) => void>();
    let detach: (() => void) | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = Number.NEGATIVE_INFINITY;
    const tell = (kind: ChangeKind) => {
      last = performance.now();
      for (const listener of [...listeners]) listener(kind);
    };
    const onChange = (kind: ChangeKind) => {
      if (kind !== 'time') {
        if (timer !== null) clearTimeout(timer);
        timer = null;
        tell(kind);
      } else if (timer === null) {
        const wait = last + TIME_REFRESH_MS - performance.now();
        if (wait <= 0) tell(kind);
        else
          timer = setTimeout(() => {
            timer = null;
            tell('time');
          }, wait);
      }
    };
    subscribe = (listener) => {
      listeners.add(listener);
      detach ??= door.subscribe(onChange);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        detach?.();
        detach = null;
        if (timer !== null) clearTimeout(timer);
        timer = null;
      };
    };
    renderSubscriptions.set(door, subscribe);
  }
  return subscribe;
}
