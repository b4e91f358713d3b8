/**
 * Evidence that runs out (policy §8, Appendix 3): insurance cover, documents with an expiry date,
 * the yearly safeguarding assurance letter and the SLA. Anything expired or ending within the warning
 * window is a renewal to chase, soonest first.
 */
import { addDays, toDayNumber } from '../calendar/iso-date.ts';

export const RENEWAL_WARNING_DAYS = 30;

export interface ExpiringEvidence {
  providerId: string;
  providerName: string;
  /** What runs out, in words: "Public liability insurance", "Fire risk assessment". */
  item: string;
  kind: 'insurance' | 'document' | 'letter' | 'sla' | 'assurance';
  expiresOn: string;
}

export interface Renewal extends ExpiringEvidence {
  state: 'expired' | 'due';
  /** Days from today to the expiry; negative once it has passed. */
  daysLeft: number;
}

export function renewalsDue(
  evidence: readonly ExpiringEvidence[],
  today: string,
  withinDays = RENEWAL_WARNING_DAYS,
): Renewal[] {
  const horizon = addDays(today, withinDays);
  return evidence
    .filter((e) => e.expiresOn <= horizon)
    .map((e) => ({
      ...e,
      state: e.expiresOn < today ? ('expired' as const) : ('due' as const),
      daysLeft: toDayNumber(e.expiresOn) - toDayNumber(today),
    }))
    .sort(
      (a, b) =>
        a.expiresOn.localeCompare(b.expiresOn) ||
        a.providerName.localeCompare(b.providerName) ||
        a.item.localeCompare(b.item),
    );
}
