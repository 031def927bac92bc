/** What a trainee's device keeps of its class: the seat to come back to, and its key to its own records. */
export interface ClassSeat {
  readonly seat: string;
  readonly name: string;
  readonly code: string;
}

const SEAT_KEY = 'itps-class-seat';
const TRAINEE_KEY = 'itps-trainee-key';
const listeners = new Set<() => void>();

/** The seat this device sits in, or null. */
export function classSeat(): ClassSeat | null {
  try {
    const stored = localStorage.getItem(SEAT_KEY);
    if (stored === null) return null;
    const value = JSON.parse(stored) as Partial<ClassSeat>;
    return typeof value.seat === 'string' && typeof value.name === 'string' && typeof value.code === 'string'
      ? { seat: value.seat, name: value.name, code: value.code }
      : null;
  } catch {
    return null;
  }
}

/** Sits this device in a seat (null: leaves the class). */
export function setClassSeat(seat: ClassSeat | null): void {
  if (seat === null) localStorage.removeItem(SEAT_KEY);
  else localStorage.setItem(SEAT_KEY, JSON.stringify(seat));
  for (const listener of listeners) listener();
}

export function subscribeClassSeat(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Leaves the class on this device: it forgets its seat and the key to its trainee's records, so
 * the next person on a shared tablet starts afresh and never sees the last one's records (the
 * instructor keeps every record).
 */
export function leaveClass(): void {
  localStorage.removeItem(TRAINEE_KEY);
  setClassSeat(null);
}

/** The key that opens this device's trainee records on the server, or null before a first class. */
export const traineeKey = (): string | null => localStorage.getItem(TRAINEE_KEY);
export const setTraineeKey = (key: string): void => localStorage.setItem(TRAINEE_KEY, key);

/** The classroom server's WebSocket address (the page's own server). */
export const socketUrl = (): string => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
