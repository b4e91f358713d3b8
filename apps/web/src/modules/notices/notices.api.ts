import type { ProviderNoticeKind } from '@waymark/domain';

export interface ProviderNotice {
  id: string;
  providerId: string;
  providerName: string;
  kind: ProviderNoticeKind;
  effectiveOn: string;
  details: string;
  source: 'portal' | 'school';
  reportedByName: string;
  reportedAt: string;
}

export const reportedWhen = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});
