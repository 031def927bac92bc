import { type Actor, createActor } from 'xstate';
import type { Fluid, PumpInput, Refusal } from '../src/index.ts';
import { pumpMachine } from '../src/pump/pumpMachine.ts';

/** What the pump said about the last event sent to it (refused, syringe contents); both reset at every send. */
export interface Heard {
  refusal: Refusal | null;
  withdrawn: Fluid | null;
}

/** Listens to a pump actor's emitted events, keeping only what it said about the latest event. */
export function listenToPump(actor: Actor<typeof pumpMachine>): Heard {
  const heard: Heard = { refusal: null, withdrawn: null };
  actor.on('refused', (e) => {
    heard.refusal = e.refusal;
  });
  actor.on('withdrawn', (e) => {
    heard.withdrawn = e.fluid;
  });
  const send = actor.send.bind(actor);
  actor.send = (event) => {
    heard.refusal = null;
    heard.withdrawn = null;
    send(event);
  };
  return heard;
}

const listened = new WeakMap<object, Heard>();

/** Starts a pump actor that is listened to; read what it said with {@link heard}. */
export function startListenedPump(input: PumpInput): Actor<typeof pumpMachine> {
  const actor = createActor(pumpMachine, { input }).start();
  listened.set(actor, listenToPump(actor));
  return actor;
}

/** What a pump started by {@link startListenedPump} said about the latest event. */
export const heard = (actor: Actor<typeof pumpMachine>): Heard =>
  listened.get(actor) ?? { refusal: null, withdrawn: null };
