/**
 * Where a provider stands on the way to approval (Appendix 3), from the facts recorded so far.
 * Later steps (letter, insurance, SLA, sign-off, lapses) extend this same function.
 */
import type { ProviderStatus } from './providers.schemas.ts';

export interface AuditFacts {
  status: 'draft' | 'submitted';
  suitable: boolean | null;
}

export function deriveProviderStatus(lastAudit: AuditFacts | null): ProviderStatus {
  if (!lastAudit) return 'draft';
  // A submitted audit that found the provision suitable moves on to the safeguarding letter;
  // one that did not leaves the provider under audit until a new audit finds it suitable.
  if (lastAudit.status === 'submitted' && lastAudit.suitable) return 'awaiting_letter';
  return 'under_audit';
}
