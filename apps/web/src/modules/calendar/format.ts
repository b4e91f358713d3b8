const longDate = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Mon 5 Jan 2026" for an ISO calendar date, whatever the browser's time zone. */
export const formatDate = (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`));
