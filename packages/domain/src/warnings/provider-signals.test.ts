import { describe, expect, it } from 'vitest';
import { acknowledgementHolds, arrangeWarnings, type EarlyWarning } from './early-warnings.ts';
import { providerLapsesWarning } from './provider-signals.ts';
import { subject } from './test-calendar.ts';
import { defaultWarningSettings as settings } from './warning-settings.ts';

const provider = { ...subject, placementId: null, pupilName: null, schoolId: null, schoolName: null };
const items = [
  { what: 'insurance expired', lapsed: true },
  { what: 'safeguarding letter overdue', lapsed: false },
  { what: '1 notice told late', lapsed: true },
  { what: 'QA visit overdue at Hillside Academy', lapsed: false },
];

describe('provider risk', () => {
  it('two or more items lapsed or late at once', () => {
    expect(providerLapsesWarning(provider, items, settings)).toMatchObject({
      key: 'provider_lapses:v1',
      measure: 2,
      reason: 'Harbour Learning has 2 items lapsed or late at once: insurance expired; 1 notice told late.',
      action: { link: '/providers/v1' },
    });
    expect(providerLapsesWarning(provider, items.slice(0, 2), settings)).toBeNull();
    expect(providerLapsesWarning(provider, items, { providerLapsedItems: 3 })).toBeNull();
  });
});

describe('acknowledging a warning', () => {
  const warning = providerLapsesWarning(provider, items, settings)!;
  const ack = { key: warning.key, measure: 2, acknowledgedOn: '2026-01-10', note: 'Chased', byName: 'Jo' };

  it('keeps it quiet until it worsens by a step, or the acknowledgement lapses', () => {
    expect(acknowledgementHolds(warning, ack, '2026-01-20', settings)).toBe(true);
    expect(acknowledgementHolds({ ...warning, measure: 3 }, ack, '2026-01-20', settings)).toBe(false);
    expect(acknowledgementHolds(warning, ack, '2026-02-20', settings)).toBe(true);
    expect(acknowledgementHolds(warning, ack, '2026-02-21', settings)).toBe(false);
    expect(acknowledgementHolds(warning, undefined, '2026-01-20', settings)).toBe(false);
  });

  it('sorts the active from the quietened, by the latest acknowledgement', () => {
    const older = { ...ack, measure: 1, acknowledgedOn: '2026-01-01' };
    const arranged = arrangeWarnings([warning], [ack, older], '2026-01-20', settings);
    expect(arranged.active).toEqual([]);
    expect(arranged.acknowledged[0]?.acknowledgement).toBe(ack);
    expect(arrangeWarnings([warning], [older], '2026-01-20', settings).active).toEqual([warning]);
  });
});

describe('the order of warnings', () => {
  const base = { ...provider, placementId: null, reason: '', step: 1, action: { label: '', link: '' } };
  const w = (kind: EarlyWarning['kind'], key: string, measure: number): EarlyWarning => ({
    ...base,
    kind,
    key,
    measure,
  });

  it('goes by family (attendance, incidents, silence, drift, provider), then worst first, then by key', () => {
    const warnings = [
      w('provider_lapses', 'e', 3),
      w('target_overdue', 'd', 1),
      w('no_contact', 'c', 1),
      w('incidents_rising', 'b', 1),
      w('unexplained_absences', 'a2', 3),
      w('attendance_drop', 'a1', 20),
      w('unexplained_absences', 'a3', 3),
    ];
    expect(arrangeWarnings(warnings, [], '2026-01-20', settings).active.map((x) => x.key)).toEqual([
      'a1',
      'a2',
      'a3',
      'b',
      'c',
      'd',
      'e',
    ]);
    // The list given is left as it was.
    expect(warnings[0]!.key).toBe('e');
  });

  it('takes the later of two acknowledgements, and the one given last on the same day', () => {
    const warning = w('no_contact', 'k', 2);
    const ack = (acknowledgedOn: string, measure: number, note: string) => ({
      key: 'k',
      measure,
      acknowledgedOn,
      note,
      byName: 'Jo',
    });
    const earlierFirst = arrangeWarnings(
      [warning],
      [ack('2026-01-01', 1, 'old'), ack('2026-01-10', 2, 'new')],
      '2026-01-20',
      settings,
    );
    expect(earlierFirst.acknowledged.map((a) => a.acknowledgement.note)).toEqual(['new']);
    const sameDay = arrangeWarnings(
      [warning],
      [ack('2026-01-10', 1, 'first'), ack('2026-01-10', 2, 'second')],
      '2026-01-20',
      settings,
    );
    expect(sameDay.acknowledged.map((a) => a.acknowledgement.note)).toEqual(['second']);
  });
});
