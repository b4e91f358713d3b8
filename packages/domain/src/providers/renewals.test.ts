import { describe, expect, it } from 'vitest';
import { type ExpiringEvidence, renewalsDue } from './renewals.ts';

const item = (
  expiresOn: string,
  name = 'Bridges',
  what = 'Public liability insurance',
): ExpiringEvidence => ({
  providerId: name,
  providerName: name,
  item: what,
  kind: 'insurance',
  expiresOn,
});

describe('renewals due', () => {
  it('lists what has expired or ends within 30 days, soonest first, and nothing later', () => {
    const due = renewalsDue(
      [
        item('2026-12-29', 'Greenway'),
        item('2026-12-30', 'Bridges'),
        item('2026-11-28', 'Bridges', 'SLA'),
        item('2026-11-29', 'Bridges', 'Safeguarding assurance letter'),
      ],
      '2026-11-29',
    );
    expect(due.map((d) => [d.providerName, d.item, d.state, d.daysLeft])).toEqual([
      ['Bridges', 'SLA', 'expired', -1],
      ['Bridges', 'Safeguarding assurance letter', 'due', 0],
      ['Greenway', 'Public liability insurance', 'due', 30],
    ]);
  });

  it('takes another window when asked', () => {
    expect(renewalsDue([item('2027-01-15')], '2026-11-29', 60)).toHaveLength(1);
    expect(renewalsDue([item('2027-01-15')], '2026-11-29', 7)).toHaveLength(0);
  });
});
