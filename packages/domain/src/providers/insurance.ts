/**
 * Insurance cover a provider must hold (Appendix 1, Insurance; policy §8): minimum levels for public
 * liability, employer's liability and professional negligence/indemnity; motor and subcontractor cover
 * where they apply. Cover below the minimum or expired blocks approval; cover ending within 30 days is due.
 */
import { addDays, dateInWords } from '../calendar/iso-date.ts';

export const insuranceTypes = [
  'public_liability',
  'employers_liability',
  'professional_indemnity',
  'motor_vehicle',
  'subcontractor_liability',
] as const;
export type InsuranceType = (typeof insuranceTypes)[number];

export const insuranceRules: Record<
  InsuranceType,
  { label: string; minimumPounds: number | null; alwaysRequired: boolean }
> = {
  public_liability: { label: 'Public liability', minimumPounds: 5_000_000, alwaysRequired: true },
  employers_liability: { label: "Employer's liability", minimumPounds: 10_000_000, alwaysRequired: true },
  professional_indemnity: {
    label: 'Professional negligence / indemnity',
    minimumPounds: 2_000_000,
    alwaysRequired: true,
  },
  motor_vehicle: {
    label: 'Motor vehicle (if pupils are driven)',
    minimumPounds: null,
    alwaysRequired: false,
  },
  subcontractor_liability: {
    label: 'Subcontractor liability (if work is subcontracted)',
    minimumPounds: null,
    alwaysRequired: false,
  },
};

export const EXPIRY_WARNING_DAYS = 30;

export type CoverState = 'in_date' | 'expiring_soon' | 'expired' | 'below_minimum' | 'missing' | 'not_needed';

export interface InsurancePolicy {
  type: InsuranceType;
  levelPounds: number;
  expiresOn: string;
}

export interface CoverCheck {
  type: InsuranceType;
  label: string;
  state: CoverState;
  /** True when this cover stops the provider being approved. */
  blocksApproval: boolean;
  message: string;
  policy: InsurancePolicy | null;
}

const pounds = (n: number) => `£${n.toLocaleString('en-GB')}`;

/** The latest policy of each type decides; older ones are history. */
export function checkInsuranceCover(policies: readonly InsurancePolicy[], today: string): CoverCheck[] {
  return insuranceTypes.map((type) => {
    const rule = insuranceRules[type];
    const current =
      policies.filter((p) => p.type === type).sort((a, b) => b.expiresOn.localeCompare(a.expiresOn))[0] ??
      null;
    const base = { type, label: rule.label, policy: current };
    if (!current) {
      return rule.alwaysRequired
        ? {
            ...base,
            state: 'missing' as const,
            blocksApproval: true,
            message: `No ${rule.label.toLowerCase()} cover recorded`,
          }
        : {
            ...base,
            state: 'not_needed' as const,
            blocksApproval: false,
            message: 'Only needed where it applies',
          };
    }
    if (current.expiresOn < today) {
      return {
        ...base,
        state: 'expired' as const,
        blocksApproval: true,
        message: `Expired on ${dateInWords(current.expiresOn)}`,
      };
    }
    if (rule.minimumPounds !== null && current.levelPounds < rule.minimumPounds) {
      return {
        ...base,
        state: 'below_minimum' as const,
        blocksApproval: true,
        message: `${pounds(current.levelPounds)} is below the ${pounds(rule.minimumPounds)} minimum`,
      };
    }
    if (current.expiresOn <= addDays(today, EXPIRY_WARNING_DAYS)) {
      return {
        ...base,
        state: 'expiring_soon' as const,
        blocksApproval: false,
        message: `Ends on ${dateInWords(current.expiresOn)}: ask for the renewal certificate`,
      };
    }
    return {
      ...base,
      state: 'in_date' as const,
      blocksApproval: false,
      message: `In date until ${dateInWords(current.expiresOn)}`,
    };
  });
}
