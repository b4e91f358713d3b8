/**
 * The emails a member of staff can receive, and whether each may wait for the daily digest. Urgent
 * kinds always go at once, whatever the person chose: a safeguarding concern or a restraint cannot wait
 * for tomorrow morning.
 */
export const notificationKinds = [
  'safeguarding_concern',
  'restraint',
  'incident',
  'provider_notice',
  'progress_report',
  'letter_request',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationKindInfo: Record<NotificationKind, { label: string; urgent: boolean }> = {
  safeguarding_concern: { label: 'Safeguarding concerns (to DSLs)', urgent: true },
  restraint: { label: 'Restraint or physical intervention at a provider', urgent: true },
  incident: { label: 'Behaviour, health and safety and other incidents', urgent: false },
  provider_notice: { label: 'Changes providers tell you about (staff, policies, filtering)', urgent: false },
  progress_report: { label: 'Progress reports from providers', urgent: false },
  letter_request: { label: 'Safeguarding assurance letters a school asks you to sign', urgent: false },
};

export const deliveryModes = ['immediate', 'digest'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

/** How an email of this kind reaches this person: urgent kinds at once, others as they chose (at once by default). */
export function deliveryFor(kind: NotificationKind, chosen: DeliveryMode | undefined): DeliveryMode {
  return notificationKindInfo[kind].urgent ? 'immediate' : (chosen ?? 'immediate');
}
