import { describe, expect, it } from 'vitest';
import { checkInsuranceCover } from './insurance.ts';

const today = '2026-11-29';
const states = (checks: ReturnType<typeof checkInsuranceCover>) =>
  Object.fromEntries(checks.map((c) => [c.type, c.state]));

describe('insurance minimums and expiry', () => {
  it('wants the three always-required covers, and not motor or subcontractor cover', () => {
    expect(states(checkInsuranceCover([], today))).toEqual({
      public_liability: 'missing',
      employers_liability: 'missing',
      professional_indemnity: 'missing',
      motor_vehicle: 'not_needed',
      subcontractor_liability: 'not_needed',
    });
  });

  it('applies the minimums: £5m, £10m and £2m', () => {
    const checks = checkInsuranceCover(
      [
        { type: 'public_liability', levelPounds: 5_000_000, expiresOn: '2027-06-30' },
        { type: 'employers_liability', levelPounds: 5_000_000, expiresOn: '2027-06-30' },
        { type: 'professional_indemnity', levelPounds: 1_999_999, expiresOn: '2027-06-30' },
      ],
      today,
    );
    expect(states(checks)).toMatchObject({
      public_liability: 'in_date',
      employers_liability: 'below_minimum',
      professional_indemnity: 'below_minimum',
    });
    expect(checks[1]!.message).toBe('£5,000,000 is below the £10,000,000 minimum');
    expect(checks.filter((c) => c.blocksApproval).map((c) => c.type)).toEqual([
      'employers_liability',
      'professional_indemnity',
    ]);
  });

  it('blocks on expired cover and warns 30 days ahead, going by the latest policy', () => {
    const checks = checkInsuranceCover(
      [
        { type: 'public_liability', levelPounds: 6_000_000, expiresOn: '2026-11-28' },
        { type: 'employers_liability', levelPounds: 10_000_000, expiresOn: '2026-12-29' },
        { type: 'professional_indemnity', levelPounds: 2_000_000, expiresOn: '2025-12-31' },
        { type: 'professional_indemnity', levelPounds: 2_000_000, expiresOn: '2026-12-30' },
      ],
      today,
    );
    expect(states(checks)).toMatchObject({
      public_liability: 'expired',
      employers_liability: 'expiring_soon',
      professional_indemnity: 'in_date',
    });
  });
});

describe('each cover check in words', () => {
  const view = (checks: ReturnType<typeof checkInsuranceCover>) =>
    checks.map((c) => [c.type, c.state, c.blocksApproval, c.message]);

  it('says what is missing, what is not needed, what expired and what is in date', () => {
    const motor = { type: 'motor_vehicle' as const, levelPounds: 1_000_000, expiresOn: '2027-09-30' };
    const checks = checkInsuranceCover(
      [
        { type: 'public_liability', levelPounds: 5_000_000, expiresOn: '2026-11-29' },
        { type: 'employers_liability', levelPounds: 10_000_000, expiresOn: '2026-11-28' },
        motor,
        { type: 'subcontractor_liability', levelPounds: 1, expiresOn: '2026-12-30' },
      ],
      today,
    );
    expect(view(checks)).toEqual([
      // Ending today is still in date, and within the 30 days.
      ['public_liability', 'expiring_soon', false, 'Ends on 29 Nov 2026: ask for the renewal certificate'],
      ['employers_liability', 'expired', true, 'Expired on 28 Nov 2026'],
      ['professional_indemnity', 'missing', true, 'No professional negligence / indemnity cover recorded'],
      // No minimum for motor cover: any level counts.
      ['motor_vehicle', 'in_date', false, 'In date until 30 Sep 2027'],
      ['subcontractor_liability', 'in_date', false, 'In date until 30 Dec 2026'],
    ]);
    expect(checks[3]).toEqual({
      type: 'motor_vehicle',
      label: 'Motor vehicle (if pupils are driven)',
      policy: motor,
      state: 'in_date',
      blocksApproval: false,
      message: 'In date until 30 Sep 2027',
    });
    expect(view(checkInsuranceCover([], today))[3]).toEqual([
      'motor_vehicle',
      'not_needed',
      false,
      'Only needed where it applies',
    ]);
  });
});
