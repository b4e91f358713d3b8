/**
 * What providers' due diligence asks of the school (policy §8, Appendix 2): evidence to renew before
 * it runs out, a provider ready for the headteacher's approval, and a new safeguarding letter after the
 * provider's leads change. Provider duties belong to the whole group, not to one school.
 */
import type { ProviderStatus } from '../providers/approval.ts';
import { type ExpiringEvidence, renewalsDue } from '../providers/renewals.ts';
import { acrossTheGroup, type Obligation } from './obligations.ts';

/** Evidence that has run out, or runs out within the renewal warning window, due on its expiry. */
export function providerRenewalObligations(
  evidence: readonly ExpiringEvidence[],
  today: string,
): Obligation[] {
  return renewalsDue(evidence, today).map((r) => ({
    kind: 'provider_renewal',
    title: `${r.providerName}: ${r.item}`,
    dueOn: r.expiresOn,
    link: `/providers/${r.providerId}`,
    ...acrossTheGroup,
  }));
}

export interface ProviderApprovalFacts {
  id: string;
  name: string;
  status: ProviderStatus;
  readyForSignOff: boolean;
  letterAwaitedSince: { at: string; what: string } | null;
}

/** Every check met but not approved: the headteacher's decision is due now. */
export function providerSignOffObligations(provider: ProviderApprovalFacts, today: string): Obligation[] {
  if (!provider.readyForSignOff || provider.status === 'approved') return [];
  return [
    {
      kind: 'provider_sign_off',
      title: `${provider.name}: every check is met; approve or not`,
      dueOn: today,
      link: `/providers/${provider.id}`,
      ...acrossTheGroup,
    },
  ];
}

/**
 * A change of DSL, deputy or senior leadership voids the letter (Appendix 2): a new one is due from the
 * day of the change. A withdrawn provider is no longer used, so nothing is asked of it.
 */
export function providerLetterAfterChangeObligations(provider: ProviderApprovalFacts): Obligation[] {
  const change = provider.letterAwaitedSince;
  if (!change || provider.status === 'withdrawn') return [];
  return [
    {
      kind: 'provider_letter_after_change',
      title: `${provider.name}: ${change.what.charAt(0).toLowerCase()}${change.what.slice(1)}; ask for a new safeguarding letter`,
      dueOn: change.at.slice(0, 10),
      link: `/providers/${provider.id}`,
      ...acrossTheGroup,
    },
  ];
}
