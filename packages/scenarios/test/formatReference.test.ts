import { readFileSync } from 'node:fs';
import { batteryLifeAtRate, deviceProfiles, MS_PER_DAY, type NanolitresPerDay } from '@itps/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, HARD_LIMITS } from '../src/index.ts';

// docs/scenario-format.md is the reference an engineer writes files from: its figures are the code's.
const doc = readFileSync(new URL('../../../docs/scenario-format.md', import.meta.url), 'utf8');
const row = (label: string): string[] => {
  const line = doc.split('\n').find((l) => l.split('|')[1]?.trim() === label);
  if (line === undefined) throw new Error(`docs/scenario-format.md has no row "${label}"`);
  return line
    .split('|')
    .slice(2, -1)
    .map((c) => c.trim());
};
const profiles = [
  deviceProfiles['synchromed-ii-20'],
  deviceProfiles['synchromed-ii-40'],
  deviceProfiles['prometra-ii-20'],
];
const ml = (nl: number) => nl / 1_000_000;

describe('docs/scenario-format.md', () => {
  it('states each device figure the code uses', () => {
    expect(row('reservoir capacity')).toEqual(profiles.map((p) => `${ml(p.capacity)} mL`));
    expect(row('reservoir dead space (left by `withdrawMl: all`)')).toEqual(
      profiles.map((p) => `${ml(p.reservoirDeadSpace)} mL`),
    );
    expect(row('pump tubing volume')).toEqual(profiles.map((p) => `${ml(p.pumpTubingVolume)} mL`));
    expect(row('catheter volume per cm')).toEqual(profiles.map((p) => `${ml(p.catheterVolumePerCm)} mL`));
    expect(row('lowest programmable rate')).toEqual(profiles.map((p) => `${ml(p.minRate)} mL/day`));
    expect(row('highest rate')).toEqual(profiles.map((p) => `${ml(p.maxRate)} mL/day`));
    expect(row('minimum mode')).toEqual(profiles.map((p) => `${ml(p.minimumModeRate)} mL/day`));
    expect(row('flex steps')).toEqual(profiles.map((p) => String(p.maxFlexSteps)));
    expect(row('low-reservoir alarm default, settable range')).toEqual(
      profiles.map(
        (p) =>
          `${ml(p.defaultLowReservoirThreshold)} mL, ${ml(p.lowReservoirThresholdRange.min)} to ${ml(p.lowReservoirThresholdRange.max)} mL`,
      ),
    );
    expect(row('refill discrepancy that is flagged')).toEqual(
      profiles.map((p) => `more than ${ml(p.refillDiscrepancyLimit)} mL`),
    );
    const percent = (ppm: number) => `${ppm > 0 ? '+' : ''}${ppm / 10_000} %`;
    expect(row('`accuracy: nominal` bias')).toEqual(
      profiles.map((p) => `${percent(p.nominalBiasPpm.min)} to ${percent(p.nominalBiasPpm.max)}`),
    );
    const days = (p: (typeof profiles)[number], rate: number) =>
      Math.floor(batteryLifeAtRate(p, rate as NanolitresPerDay) / MS_PER_DAY);
    expect(row('battery at no flow').map((c) => Number(c.split(' ')[0]))).toEqual(profiles.map((p) => days(p, 0)));
    expect(row('battery at 0.5 mL/day').map((c) => Number(c.split(' ')[0]))).toEqual(
      profiles.map((p) => days(p, 500_000)),
    );
    expect(row('ERI to EOS')).toEqual(profiles.map((p) => `${p.battery.eriToEos / MS_PER_DAY} days`));
  });

  it('states each limit, its default and its ceiling', () => {
    const digits = (s: string) => Number(s.replaceAll(',', '').split(' ')[0]);
    expect(digits(row('file size')[0] ?? '')).toBe(DEFAULT_LIMITS.maxBytes);
    expect(digits(row('file size')[2] ?? '')).toBe(HARD_LIMITS.maxBytes);
    expect(digits(row('nesting of mappings and lists')[0] ?? '')).toBe(DEFAULT_LIMITS.maxDepth);
    expect(digits(row('nesting of mappings and lists')[2] ?? '')).toBe(HARD_LIMITS.maxDepth);
    expect(digits(row('timeline actions')[0] ?? '')).toBe(DEFAULT_LIMITS.maxTimeline);
    expect(digits(row('timeline actions')[2] ?? '')).toBe(HARD_LIMITS.maxTimeline);
    expect(digits(row('expectations')[0] ?? '')).toBe(DEFAULT_LIMITS.maxExpectations);
    expect(row('simulated time')[0]).toBe(`\`P${DEFAULT_LIMITS.maxDurationMs / MS_PER_DAY}D\` (20 years)`);
    expect(row('simulated time')[2]).toBe(`\`P${HARD_LIMITS.maxDurationMs / MS_PER_DAY}D\``);
  });

  it('is what docs/scenarios.md points to, and nothing in docs points outside the repository', () => {
    const scenarios = readFileSync(new URL('../../../docs/scenarios.md', import.meta.url), 'utf8');
    expect(scenarios).toContain('(scenario-format.md)');
    expect(scenarios).not.toContain('../shared/contracts');
  });
});
