import { describe, expect, it } from 'vitest';
import { type CensusPlacement, censusDay, censusReturn, censusXml, collectionPeriod } from './census.ts';

const placement = (extra: Partial<CensusPlacement> = {}): CensusPlacement => ({
  placementId: 'p1',
  pupilName: 'Jordan Reeve',
  upn: 'R201100018042',
  providerName: 'Harbour Learning',
  providerUrn: null,
  providerUkprn: null,
  providerSettingType: 'unregistered',
  dualRegistered: false,
  isSchool: false,
  status: 'active',
  startsOn: '2025-11-03',
  endedOn: null,
  reason: 'Vocational course',
  hoursPerWeek: 12,
  ...extra,
});

describe('school census of AP placements', () => {
  it('knows the census days of 2025/26', () => {
    expect(censusDay('2025/26', 'autumn')).toBe('2025-10-02');
    expect(censusDay('2025/26', 'spring')).toBe('2026-01-15');
    // The reference gives the rule (third Thursday of May) and an example of 14 May 2026, which is the
    // second; the rule is followed here, and the discrepancy is noted in the README.
    expect(censusDay('2025/26', 'summer')).toBe('2026-05-21');
    expect(collectionPeriod('2025/26', 'spring')).toEqual({ from: '2025-10-03', to: '2026-01-15' });
    expect(collectionPeriod('2025/26', 'autumn').from).toBe('2025-05-16');
  });

  it('takes exactly one identifier: URN, else UKPRN, else the setting type', () => {
    const period = collectionPeriod('2025/26', 'spring');
    const [withUrn] = censusReturn(
      [placement({ providerUrn: '123456', providerUkprn: '10012345' })],
      period,
    ).records;
    expect([withUrn!.urn, withUrn!.ukprn, withUrn!.setting]).toEqual(['123456', null, null]);
    const [withUkprn] = censusReturn([placement({ providerUkprn: '10012345' })], period).records;
    expect([withUkprn!.urn, withUkprn!.ukprn, withUkprn!.setting]).toEqual([null, '10012345', null]);
    const [bySetting] = censusReturn([placement()], period).records;
    expect(bySetting).toMatchObject({ setting: 'OTH', attendancePattern: 'PT', entryDate: '2025-11-03' });
  });

  it('checks 2364, 2372 and 2917, and queries an empty return', () => {
    const period = collectionPeriod('2025/26', 'spring');
    const { problems } = censusReturn(
      [
        placement({ placementId: 'a', providerSettingType: null }),
        placement({ placementId: 'b', status: 'ended', endedOn: null }),
        placement({
          placementId: 'c',
          isSchool: true,
          providerSettingType: 'registered_school',
          providerUrn: '654321',
        }),
      ],
      period,
    );
    expect(problems.map((p) => [p.rule, p.placementId])).toEqual([
      ['2364', 'a'],
      ['2372', 'b'],
      ['2917', 'c'],
    ]);
    expect(censusReturn([placement({ startsOn: '2026-02-01' })], period).problems.map((p) => p.rule)).toEqual(
      ['4015Q'],
    );
  });

  it('leaves out placements outside the collection period', () => {
    const period = collectionPeriod('2025/26', 'spring');
    expect(
      censusReturn([placement({ status: 'ended', endedOn: '2025-09-30', startsOn: '2025-09-01' })], period)
        .records,
    ).toEqual([]);
    expect(
      censusReturn([placement({ status: 'ended', endedOn: '2025-10-03', startsOn: '2025-09-01' })], period)
        .records,
    ).toHaveLength(1);
  });

  it('writes the XML fragment with the items, escaped', () => {
    const { records } = censusReturn(
      [placement({ reason: 'Risk of exclusion & anxiety' })],
      collectionPeriod('2025/26', 'spring'),
    );
    const xml = censusXml(records);
    expect(xml).toContain('<Pupil UPN="R201100018042">');
    expect(xml).toContain('<SettingType>OTH</SettingType>');
    expect(xml).toContain('<PrimaryReason>Risk of exclusion &amp; anxiety</PrimaryReason>');
    expect(xml).not.toContain('<LeavingDate>');
  });
});
