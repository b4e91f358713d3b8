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
  checksAssured: boolean | null;
  deadline: 'same_day' | 'before_deployment' | 'one_working_day' | 'termly';
  /** Told later than the undertaking allows. */
  late: boolean;
}

export const deadlineLabels: Record<ProviderNotice['deadline'], string> = {
  same_day: 'the same day',
  before_deployment: 'before they start',
  one_working_day: 'within one working day',
  termly: 'every term',
};

export const reportedWhen = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});
