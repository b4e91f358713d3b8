/** The morning jobs (renewal reminders, digests) start from 07:00 London time, before the school day. */
export const REMINDER_HOUR = 7;

const londonHourFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  hourCycle: 'h23',
});

export function londonHour(now: Date): number {
  return Number(londonHourFormat.format(now));
}
