import type { Interference } from '@itps/core';
import { useId, useState } from 'react';
import { useApply, useWorldSelector } from '../simulation/WorldProvider.tsx';

/** Instructor controls for the telemetry link: distance, interference, and a dropped message. */
export function LinkControls() {
  const apply = useApply();
  const link = useWorldSelector((s) => s.link.conditions);
  const [distance, setDistance] = useState(link.distanceCm);
  const [interference, setInterference] = useState<Interference>(link.interference);
  const [armed, setArmed] = useState<string | null>(null);
  const distanceId = useId();
  const interferenceId = useId();
  const set = (d: number, i: Interference) => {
    setDistance(d);
    setInterference(i);
    void apply({ type: 'link.set', conditions: { distanceCm: d, interference: i } });
  };
  return (
    <section className="panel" aria-labelledby="link-title">
      <h2 id="link-title">Telemetry link (instructor)</h2>
      <div className="field">
        <label htmlFor={distanceId}>Communicator distance: {(distance / 100).toFixed(1)} m (range 3 m)</label>
        <input
          id={distanceId}
          type="range"
          min={0}
          max={500}
          step={10}
          value={distance}
          onChange={(e) => set(Number(e.target.value), interference)}
        />
      </div>
      <div className="field">
        <label htmlFor={interferenceId}>Interference</label>
        <select
          id={interferenceId}
          value={interference}
          onChange={(e) => set(distance, e.target.value as Interference)}
        >
          <option value="none">none</option>
          <option value="moderate">moderate (1 message in 10 lost)</option>
          <option value="severe">severe (6 messages in 10 lost)</option>
        </select>
      </div>
      <button
        type="button"
        onClick={() => {
          // the pump receives the session start, then the link drops before the new program
          void apply({ type: 'link.drop', count: 1, afterDelivered: 1 });
          setArmed('The next update will lose its commit message.');
        }}
      >
        Drop the link during the next update
      </button>
      <button
        type="button"
        onClick={() => {
          // the pump acts on the next message; its answer never comes back
          void apply({ type: 'link.drop', count: 1, afterDelivered: 0, part: 'acknowledgement' });
          setArmed("The pump's answer to the next message will be lost.");
        }}
      >
        Lose the pump's answer to the next message
      </button>
      <button
        type="button"
        onClick={() => {
          // the pump acts on the next message after the programmer's 5 s reply timeout
          void apply({ type: 'link.disturb', count: 1, afterDelivered: 0, fault: 'late' });
          setArmed('The next message will reach the pump after the programmer stopped waiting.');
        }}
      >
        Deliver the next message too late
      </button>
      <button
        type="button"
        onClick={() => {
          // held back on the link, it reaches the pump after the following message (the pump ignores it)
          void apply({ type: 'link.disturb', count: 1, afterDelivered: 0, fault: 'reorder' });
          setArmed('The next message will be held back and arrive after the one that follows it.');
        }}
      >
        Deliver the next message out of order
      </button>
      {armed !== null && <p className="ok">{armed}</p>}
    </section>
  );
}
