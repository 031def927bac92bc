import { describe, expect, it } from 'vitest';
import { isDeviceProfileId } from '../src/index.ts';

describe('isDeviceProfileId', () => {
  it('knows the three profiles a scenario file can name, and nothing else', () => {
    expect(isDeviceProfileId('synchromed-ii-20')).toBe(true);
    expect(isDeviceProfileId('synchromed-ii-40')).toBe(true);
    expect(isDeviceProfileId('prometra-ii-20')).toBe(true);
    expect(isDeviceProfileId('synchromed-ii-30')).toBe(false);
    expect(isDeviceProfileId('')).toBe(false);
    // an object's inherited names are not profiles
    expect(isDeviceProfileId('toString')).toBe(false);
    expect(isDeviceProfileId('__proto__')).toBe(false);
  });
});
