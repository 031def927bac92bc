import { type AlarmName, getDeviceProfile } from '@itps/core';
import { useEffect, useId, useRef, useState } from 'react';
import { alarmLabels } from '../format/labels.ts';
import { playTone, TONES } from '../simulation/alarmTones.ts';
import { useWhen } from '../simulation/useWhen.ts';
import { useBedsideView, useTraineeSelector } from '../simulation/WorldProvider.tsx';

/** Real milliseconds between two tones at most, so fast-forwarded time does not become a din. */
const REAL_GAP_MS = 4000;

/**
 * The pump's alarms as the room hears and sees them: a tone when an alarm is raised and again at
 * its repeat interval (simulated time) while it stays active, with a room mute and an alarm test.
 *
 * `heard` is how the trainee at the programmer meets them: the implant's tone and nothing more (which
 * alarm it is, the programmer says once it has read the pump), in a slim bar that stays in view.
 * Mounted once for both trainee surfaces, so moving between them neither repeats nor loses a tone.
 */
export function AlarmSounder({ heard = false }: { readonly heard?: boolean } = {}) {
  const { now, sounding } = useBedsideView();
  const profileId = useTraineeSelector((v) => v.pumpModel);
  // whether the programmer holds a reading of the pump now (then it names the alarms itself)
  const read = useTraineeSelector((v) => v.programmer.pump !== null && v.programmer.session !== 'disconnected');
  const when = useWhen();
  const profile = getDeviceProfile(profileId);
  const [muted, setMuted] = useState(false);
  const [lastTone, setLastTone] = useState<string | null>(null);
  const [lastHeard, setLastHeard] = useState<string | null>(null);
  const lastSounded = useRef<Partial<Record<AlarmName, number>>>({});
  const lastReal = useRef(0);
  const muteId = useId();
  const active = sounding.map((a) => a.name);

  useEffect(() => {
    for (const { name, since } of sounding) {
      const cls = profile.alarmClass[name];
      const previous = lastSounded.current[name];
      const raised = previous === undefined || (since ?? 0) > previous;
      const repeat = !raised && now - (previous ?? 0) >= profile.alarmRepeat[cls];
      if (!raised && !repeat) continue;
      lastSounded.current[name] = now;
      const realNow = performance.now();
      // a newly raised alarm always sounds; only repeats are thinned out in fast-forwarded time
      if (repeat && realNow - lastReal.current < REAL_GAP_MS) continue;
      lastReal.current = realNow;
      setLastTone(
        `${TONES[cls].name} (${cls === 'critical' ? 'critical' : 'non-critical'}) for ${alarmLabels[name]} at ${when(now)}`,
      );
      setLastHeard(`${TONES[cls].name} (${cls === 'critical' ? 'critical' : 'non-critical'}) at ${when(now)}`);
      if (!muted) playTone(cls);
    }
    for (const name of Object.keys(lastSounded.current) as AlarmName[])
      if (!active.includes(name)) delete lastSounded.current[name];
  });

  const critical = active.some((n) => profile.alarmClass[n] === 'critical');
  if (heard) {
    const tones = [...new Set(active.map((n) => profile.alarmClass[n]))].map(
      (cls) => `${TONES[cls].name} (${cls === 'critical' ? 'critical' : 'non-critical'})`,
    );
    return (
      <aside
        className={`sounder heard ${active.length ? (critical ? 'sounding critical' : 'sounding') : ''}`}
        aria-label="The pump's alarm tones, heard at the patient"
        data-testid="heard-tones"
      >
        <p aria-live="assertive">
          {active.length === 0
            ? 'At the patient: no alarm tone.'
            : `At the patient: the pump is sounding its ${tones.join(' and ')} alarm tone. ${read ? 'The programmer shows the alarms it read.' : 'Interrogate the pump to read which alarm.'}`}
        </p>
        <p className="last-tone" data-testid="last-tone">
          {lastHeard === null ? 'No tone yet.' : `Last tone: ${lastHeard}${muted ? ' (sound muted)' : ''}`}
        </p>
        <label htmlFor={muteId}>
          <input id={muteId} type="checkbox" checked={muted} onChange={(e) => setMuted(e.target.checked)} /> Mute
        </label>
      </aside>
    );
  }
  return (
    <section
      className={`panel sounder ${active.length ? (critical ? 'sounding critical' : 'sounding') : ''}`}
      aria-labelledby="sounder-title"
    >
      <h2 id="sounder-title">Alarm tones</h2>
      <p data-testid="alarm-summary" aria-live="assertive">
        {active.length === 0 ? 'No alarm sounding.' : `Sounding: ${active.map((n) => alarmLabels[n]).join(', ')}`}
      </p>
      <p className="last-tone" data-testid="last-tone">
        {lastTone === null ? 'No tone yet.' : `Last tone: ${lastTone}${muted ? ' (room muted)' : ''}`}
      </p>
      <div className="buttons">
        <label htmlFor={muteId}>
          <input id={muteId} type="checkbox" checked={muted} onChange={(e) => setMuted(e.target.checked)} /> Mute room
          sound
        </label>
        <button
          type="button"
          onClick={() => {
            playTone('critical');
            setTimeout(() => playTone('nonCritical'), 3200);
            setLastTone('alarm test: two-tone, then single tone');
          }}
        >
          Play both alarm tones
        </button>
      </div>
    </section>
  );
}
