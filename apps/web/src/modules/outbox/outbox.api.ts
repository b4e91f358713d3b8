export type EmailStatus = 'queued' | 'sent' | 'failed';

export interface EmailSummary {
  id: string;
  kind: string;
  toAddress: string;
  toName: string | null;
  subject: string;
  status: EmailStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface EmailView extends EmailSummary {
  bodyText: string;
  messageId: string | null;
}

export const when = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

export const statusLabels: Record<EmailStatus, string> = {
  queued: 'Waiting to send',
  sent: 'Sent',
  failed: 'Failed',
};
export const statusTones = { queued: 'info', sent: 'positive', failed: 'danger' } as const;
