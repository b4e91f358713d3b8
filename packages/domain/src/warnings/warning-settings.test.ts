import { describe, expect, it } from 'vitest';
import { defaultWarningSettings, warningSettingsFrom, warningSettingsSchema } from './warning-settings.ts';

describe('early-warning settings', () => {
  it('takes the defaults where nothing is stored', () => {
    expect(warningSettingsFrom(null)).toEqual(defaultWarningSettings);
    expect(warningSettingsFrom(undefined)).toEqual(defaultWarningSettings);
  });

  it('keeps what a trust changed and the defaults for the rest', () => {
    const settings = warningSettingsFrom({ silenceDays: 30 });
    expect(settings.silenceDays).toBe(30);
    expect(settings.unexplainedAbsences).toBe(3);
  });

  it('accepts the defaults and refuses a setting outside its range, by name', () => {
    expect(warningSettingsSchema.safeParse(defaultWarningSettings).success).toBe(true);
    const tooMany = warningSettingsSchema.safeParse({ ...defaultWarningSettings, providerLapsedItems: 5 });
    expect(tooMany.error?.issues.map((i) => i.message)).toEqual(['Provider items lapsed at once: at most 4']);
    const half = warningSettingsSchema.safeParse({ ...defaultWarningSettings, silenceDays: 2.5 });
    expect(half.error?.issues.map((i) => i.message)).toEqual(['Days without contact: enter a whole number']);
  });
});
