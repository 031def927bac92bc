/**
 * A saved programmer session from before pumps named their drug: every pump reading in its context
 * (the pump as interrogated, a replaced pump's reading) gets the fields a reading has had since,
 * as an interrogation of that pump would give them: baclofen alone, its patient's opioid history not
 * recorded. A session saved since is returned as it is.
 */
export function upgradeSessionSnapshot(snapshot: unknown): unknown {
  if (snapshot === null || typeof snapshot !== 'object' || !('context' in snapshot)) return snapshot;
  const context = snapshot.context;
  if (context === null || typeof context !== 'object') return snapshot;
  const reading = (value: unknown): unknown =>
    value !== null && typeof value === 'object' && 'serial' in value && 'concentration' in value && !('drug' in value)
      ? { ...value, drug: 'baclofen', admixed: [], opioidHistory: 'unknown' }
      : value;
  const upgraded = Object.fromEntries(Object.entries(context).map(([key, value]) => [key, reading(value)]));
  return { ...snapshot, context: upgraded };
}
