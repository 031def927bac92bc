import type { AlarmClass } from '@itps/core';

/** The two alarm sounds of the implant: critical is a 3-second two-tone, non-critical a 1-second single tone. */
export const TONES: Readonly<Record<AlarmClass, { readonly name: string; readonly seconds: number }>> = {
  critical: { name: 'two-tone', seconds: 3 },
  nonCritical: { name: 'single tone', seconds: 1 },
};

let context: AudioContext | null = null;

/** Plays an alarm tone through the Web Audio API (quietly: this is a room speaker, not the implant). */
export function playTone(kind: AlarmClass): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  const ctx = context;
  void ctx.resume();
  const gain = ctx.createGain();
  gain.gain.value = 0.08;
  gain.connect(ctx.destination);
  const start = ctx.currentTime;
  const beeps = kind === 'critical' ? 6 : 1;
  const length = TONES[kind].seconds / beeps;
  for (let i = 0; i < beeps; i++) {
    const osc = ctx.createOscillator();
    osc.type = 'sine';
    osc.frequency.value = kind === 'critical' ? (i % 2 === 0 ? 880 : 660) : 740;
    osc.connect(gain);
    osc.start(start + i * length);
    osc.stop(start + (i + 1) * length - 0.02);
  }
}
