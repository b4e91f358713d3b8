import { describe, expect, it } from 'vitest';
import {
  type CensusPlacement,
  censusDay,
  censusesFrom,
  censusReturn,
  censusTerms,
  censusXml,
  collectionPeriod,
  inCollection,
  nextCensusToReturn,
} from './census.ts';

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
  pupilLeftOn: null,
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

describe('census, every item', () => {
  const period = collectionPeriod('2025/26', 'spring');

  it('finds the census days of other years, and the summer period runs from the spring census', () => {
    // 2026/27: Thursday 1 October 2026, Thursday 21 January 2027, Thursday 20 May 2027.
    expect(censusTerms.map((term) => censusDay('2026/27', term))).toEqual([
      '2026-10-01',
      '2027-01-21',
      '2027-05-20',
    ]);
    expect(collectionPeriod('2026/27', 'summer')).toEqual({ from: '2027-01-22', to: '2027-05-20' });
    expect(collectionPeriod('2026/27', 'autumn')).toEqual({ from: '2026-05-22', to: '2026-10-01' });
  });

  it('writes each record in full', () => {
    const ended = placement({
      placementId: 'p9',
      status: 'ended',
      endedOn: '2026-01-09',
      providerUrn: '',
      providerUkprn: '',
      providerSettingType: 'work_based',
      hoursPerWeek: 18,
    });
    expect(censusReturn([ended], period)).toEqual({
      records: [
        {
          placementId: 'p9',
          upn: 'R201100018042',
          pupilName: 'Jordan Reeve',
          urn: null,
          ukprn: null,
          setting: 'WBP',
          entryDate: '2025-11-03',
          leavingDate: '2026-01-09',
          reason: 'Vocational course',
          attendancePattern: 'FT',
        },
      ],
      problems: [],
    });
  });

  it('counts placements from the first day of the period to census day, both included', () => {
    const count = (extra: Partial<CensusPlacement>) =>
      censusReturn([placement(extra)], period).records.length;
    expect(count({ startsOn: '2026-01-15' })).toBe(1);
    expect(count({ startsOn: '2026-01-16' })).toBe(0);
    expect(count({ startsOn: null })).toBe(0);
    expect(count({ status: 'ended', endedOn: '2025-10-02', startsOn: '2025-09-01' })).toBe(0);
    expect(inCollection(placement({ endedOn: '2025-10-03' }), period)).toBe(true);
  });

  it('names the pupil, the provider and what to do in each problem', () => {
    const { problems } = censusReturn(
      [
        placement({ placementId: 'a', providerSettingType: 'registered_school' }),
        placement({ placementId: 'b', status: 'ended', endedOn: null, reason: '  ' }),
        placement({ placementId: 'c', isSchool: true, providerUrn: '654321' }),
      ],
      period,
    );
    expect(problems).toEqual([
      {
        rule: '2364',
        placementId: 'a',
        message:
          "Jordan Reeve at Harbour Learning: a URN, UKPRN or AP setting type is required. Record the provider's URN or UKPRN, or its kind of setting.",
      },
      {
        rule: '2372',
        placementId: 'b',
        message: 'Jordan Reeve at Harbour Learning: the placement has ended but has no leaving date.',
      },
      { rule: 'reason', placementId: 'b', message: 'Jordan Reeve: the reason for the placement is missing.' },
      {
        rule: '2917',
        placementId: 'c',
        message:
          "Jordan Reeve at Harbour Learning: an open placement at another school needs dual registration. Record the school's DfE number.",
      },
    ]);
    expect(censusReturn([], period).problems).toEqual([
      {
        rule: '4015Q',
        placementId: null,
        message:
          'No AP placements are returned for this census. If the school arranged none in the period, confirm that.',
      },
    ]);
  });

  it('does not ask a dual-registered school, or one whose placement has ended, for dual registration', () => {
    const rules = (extra: Partial<CensusPlacement>) =>
      censusReturn([placement({ isSchool: true, providerUrn: '654321', ...extra })], period).problems.map(
        (p) => p.rule,
      );
    expect(rules({ dualRegistered: true })).toEqual([]);
    expect(rules({ status: 'ended', endedOn: '2026-01-09' })).toEqual([]);
    expect(rules({})).toEqual(['2917']);
  });

  it('writes the whole XML fragment, every special character escaped', () => {
    const [record] = censusReturn(
      [
        placement({
          upn: 'R2011<0>"&',
          providerUkprn: '10012345',
          status: 'ended',
          endedOn: '2026-01-09',
          reason: 'A "quoted" <reason>',
        }),
      ],
      period,
    ).records;
    expect(censusXml([record!])).toBe(
      '<APPlacements>\n' +
        '  <Pupil UPN="R2011&lt;0&gt;&quot;&amp;">\n' +
        '    <APPlacement>\n' +
        '      <UKPRN>10012345</UKPRN>\n' +
        '      <EntryDate>2025-11-03</EntryDate>\n' +
        '      <LeavingDate>2026-01-09</LeavingDate>\n' +
        '      <PrimaryReason>A &quot;quoted&quot; &lt;reason&gt;</PrimaryReason>\n' +
        '      <AttendancePattern>PT</AttendancePattern>\n' +
        '    </APPlacement>\n' +
        '  </Pupil>\n' +
        '</APPlacements>\n',
    );
    expect(censusXml([])).toBe('<APPlacements>\n</APPlacements>\n');
  });
});

describe('which census comes next, and who has left the roll', () => {
  it('opens on the next census day, today included, skipping a census already returned', () => {
    expect(nextCensusToReturn('2026-12-06', [])).toEqual({ academicYear: '2026/27', term: 'spring' });
    // Census day itself is still this census; the day after is the next one.
    expect(nextCensusToReturn('2026-10-01', [])).toEqual({ academicYear: '2026/27', term: 'autumn' });
    expect(nextCensusToReturn('2026-10-02', [])).toEqual({ academicYear: '2026/27', term: 'spring' });
    // Between the summer census and September, the autumn census of the year to come.
    expect(nextCensusToReturn('2026-07-20', [])).toEqual({ academicYear: '2026/27', term: 'autumn' });
    expect(nextCensusToReturn('2026-10-01', [{ academicYear: '2026/27', term: 'autumn' }])).toEqual({
      academicYear: '2026/27',
      term: 'spring',
    });
    expect(censusesFrom('2027-05-20', 2)).toEqual([
      { academicYear: '2026/27', term: 'summer' },
      { academicYear: '2027/28', term: 'autumn' },
    ]);
  });

  it('raises 2372 for a placement open or ending after the pupil left the roll, not on or before it', () => {
    const period = collectionPeriod('2025/26', 'spring');
    const rule2372 = (extra: Partial<CensusPlacement>) =>
      censusReturn([placement({ pupilLeftOn: '2025-12-12', ...extra })], period).problems.filter(
        (p) => p.rule === '2372',
      );
    expect(rule2372({ status: 'active' })[0]?.message).toBe(
      'Jordan Reeve at Harbour Learning: the pupil left the roll on 12 Dec 2025 but the placement is still open. Its leaving date must be on or before the day they left.',
    );
    expect(rule2372({ status: 'ended', endedOn: '2025-12-13' })[0]?.message).toContain(
      'is recorded as ending on 13 Dec 2025',
    );
    expect(rule2372({ status: 'ended', endedOn: '2025-12-12' })).toEqual([]);
    expect(rule2372({ status: 'ended', endedOn: '2025-12-11' })).toEqual([]);
    expect(rule2372({ pupilLeftOn: null })).toEqual([]);
  });
});
