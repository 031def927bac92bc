import type { LocalDoor } from './localDoor.ts';
import type { DoorHello, DoorReply, DoorRequest, WorldSnapshotMessage } from './remoteDoor.ts';
import type { ChangeKind } from './worldDoor.ts';

/** Real milliseconds between two snapshots while time runs (a person's command is sent at once). */
const SNAPSHOT_EVERY_MS = 100;

/**
 * Serves the world this window holds to the browser's other windows: answers their requests
 * through the local door, and broadcasts a snapshot (state and stage) after every change. Returns
 * the function that stops serving.
 */
export function serveDoor(door: LocalDoor, channel: BroadcastChannel): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // nothing is broadcast until another window has said hello
  let heard = false;
  const broadcast = (change: ChangeKind) => {
    if (!heard) return;
    channel.postMessage({
      kind: 'snapshot',
      state: door.state(),
      info: door.info(),
      series: door.series(),
      change,
    } satisfies WorldSnapshotMessage);
  };
  const onMessage = async (e: MessageEvent<DoorRequest | DoorHello | DoorReply | WorldSnapshotMessage>) => {
    const message = e.data;
    if (message.kind === 'hello') {
      heard = true;
      broadcast('act');
    }
    if (message.kind !== 'request') return;
    const [first, second] = message.args;
    const value = await (() => {
      switch (message.op) {
        case 'apply':
          return door.apply(first as never, second as never);
        case 'loadScenario':
          return door.loadScenario(first as never);
        case 'startExercise':
          return door.startExercise(first as never);
        case 'finishExercise':
          return door.finishExercise();
        case 'leaveExercise':
          return door.leaveExercise();
        case 'restore':
          return door.restore(first, second as string);
        case 'startOver':
          return door.startOver();
        case 'session':
          return door.session();
      }
    })();
    channel.postMessage({ kind: 'reply', id: message.id, value } satisfies DoorReply);
  };
  channel.addEventListener('message', onMessage);
  const unsubscribe = door.subscribe((kind) => {
    if (kind === 'act') {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      broadcast('act');
    } else if (timer === null) {
      timer = setTimeout(() => {
        timer = null;
        broadcast('time');
      }, SNAPSHOT_EVERY_MS);
    }
  });
  return () => {
    channel.removeEventListener('message', onMessage);
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
