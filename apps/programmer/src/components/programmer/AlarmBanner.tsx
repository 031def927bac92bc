import { ALARM_NAMES, getDeviceProfile, type PumpBeliefView } from '@itps/core';
import { ALARM_ADVICE, ALARM_WORDS } from '@itps/scenarios';
import { TONES } from '../../simulation/alarmTones.ts';
import { useWhen } from '../../simulation/useWhen.ts';

/**
 * The alarms the last interrogation reported, as the programmer shows them: each alarm's name, its
 * tone, and what to do, critical ones first. Only what telemetry read: nothing before the pump has
 * been read, and the instant it was read is said.
 */
export function AlarmBanner({ view }: { readonly view: PumpBeliefView }) {
  const profile = getDeviceProfile(view.profileId);
  const when = useWhen();
  const active = ALARM_NAMES.filter((name) => view.alarms[name]).sort(
    (a, b) => Number(profile.alarmClass[b] === 'critical') - Number(profile.alarmClass[a] === 'critical'),
  );
  if (active.length === 0) return null;
  return (
    <div className="alarm-banner" role="alert" data-testid="alarm-banner">
      <p className="alarm-banner-when">Alarms the pump reported when read at {when(view.now)}:</p>
      {active.map((name) => {
        const cls = profile.alarmClass[name];
        return (
          <p key={name} className={cls}>
            <strong>{ALARM_WORDS[name]} alarm</strong> ({cls === 'critical' ? 'critical' : 'non-critical'},{' '}
            {TONES[cls].name}): {ALARM_ADVICE[name]}
          </p>
        );
      })}
    </div>
  );
}
