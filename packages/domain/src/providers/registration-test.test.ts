import { describe, expect, it } from 'vitest';
import { applyRegistrationTest, isRegisteredSetting } from './registration-test.ts';

describe('the registration test', () => {
  it('needs registration for 5 or more full-time pupils', () => {
    expect(
      applyRegistrationTest({ fullTimePupils: 4, fullTimePupilsLookedAfterOrEhcp: 0 }, false),
    ).toMatchObject({ mustRegister: false, alarm: false });
    expect(
      applyRegistrationTest({ fullTimePupils: 5, fullTimePupilsLookedAfterOrEhcp: 0 }, false),
    ).toMatchObject({ mustRegister: true, alarm: true });
  });

  it('needs registration for a single full-time pupil who is looked after or has an EHCP', () => {
    const finding = applyRegistrationTest({ fullTimePupils: 1, fullTimePupilsLookedAfterOrEhcp: 1 }, false);
    expect(finding).toEqual({
      mustRegister: true,
      alarm: true,
      reason:
        'Must be registered as an independent school but is not recorded as registered: 1 full-time pupil is looked after or has an EHCP',
    });
  });

  it('raises no alarm for a provider that is registered', () => {
    expect(
      applyRegistrationTest({ fullTimePupils: 12, fullTimePupilsLookedAfterOrEhcp: 3 }, true),
    ).toMatchObject({ mustRegister: true, alarm: false });
  });

  it('counts schools, PRUs, AP academies and anything with a DfE number as registered', () => {
    expect(isRegisteredSetting('pru_or_ap_academy', null)).toBe(true);
    expect(isRegisteredSetting('unregistered', '340/4001')).toBe(true);
    expect(isRegisteredSetting('one_to_one_tuition', null)).toBe(false);
  });
});

describe('what the registration test says', () => {
  it.each([
    [
      { fullTimePupils: 0, fullTimePupilsLookedAfterOrEhcp: 0 },
      '0 full-time pupils, none looked after or with an EHCP: below the threshold',
    ],
    [
      { fullTimePupils: 1, fullTimePupilsLookedAfterOrEhcp: 0 },
      '1 full-time pupil, none looked after or with an EHCP: below the threshold',
    ],
    [
      { fullTimePupils: 6, fullTimePupilsLookedAfterOrEhcp: 0 },
      '6 pupils of compulsory school age attend full time (18+ hours a week)',
    ],
    [
      { fullTimePupils: 3, fullTimePupilsLookedAfterOrEhcp: 2 },
      '2 full-time pupils are looked after or have an EHCP',
    ],
  ])('%j, registered: %s', (counts, reason) => {
    // Registered, so no alarm: the reason is the finding alone.
    expect(applyRegistrationTest(counts, true)).toMatchObject({ alarm: false, reason });
  });

  it('a provider with no setting type and no DfE number is not registered', () => {
    expect(isRegisteredSetting(null, null)).toBe(false);
    expect(isRegisteredSetting(null, '')).toBe(false);
    expect(isRegisteredSetting('unregistered', null)).toBe(false);
  });
});
