import { type ServerMessage, viewDelta } from '@itps/scenarios';

type TraineeMessage = Extract<ServerMessage, { type: 'trainee' }>;
/** What a trainee's device shows: the message without its type and version. */
type TraineeContent = Pick<TraineeMessage, 'view' | 'exercise' | 'clock'>;

/**
 * The trainee's views as one connection receives them: the first whole (version 1), each next one
 * as its changes against the last one sent on this connection (a socket delivers in order, so the
 * device holds it), nothing when nothing changed. The device applies a delta only to the version it
 * names as its base; on any mismatch it reconnects and is sent the whole view again.
 */
export class TraineeViews {
  #last: TraineeContent | null = null;
  #version = 0;

  /** The whole view (on joining or coming back), as the next version. */
  whole(content: TraineeContent): ServerMessage {
    this.#last = content;
    this.#version += 1;
    return { type: 'trainee', ...content, version: this.#version };
  }

  /** The view as its changes since the last one sent; null when nothing changed. */
  next(content: TraineeContent): ServerMessage | null {
    const last = this.#last;
    if (last === null) return this.whole(content);
    const ops = viewDelta(last, content);
    if (ops.length === 0) return null;
    this.#last = content;
    const base = this.#version;
    this.#version += 1;
    return { type: 'traineeDelta', base, version: this.#version, ops };
  }
}
