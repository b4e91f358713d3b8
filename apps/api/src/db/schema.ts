/** Every table, for drizzle's typed queries and for drizzle-kit to generate migrations from. */
export * from '../modules/audit-log/audit-log.table.ts';
export * from '../modules/audits/audits.table.ts';
export * from '../modules/auth/auth.table.ts';
export * from '../modules/calendar/calendar.table.ts';
export * from '../modules/files/files.table.ts';
export * from '../modules/invitations/invitations.table.ts';
export * from '../modules/letters/letters.table.ts';
export * from '../modules/notices/notices.table.ts';
export * from '../modules/notifications/notifications.table.ts';
export * from '../modules/notifications/scheduled-runs.table.ts';
export { groups, regions, schools } from '../modules/organisation/organisation.table.ts';
export * from '../modules/placements/placements.table.ts';
export * from '../modules/placements/placements.table.ts';
export * from '../modules/providers/providers.table.ts';
export * from '../modules/pupils/pupils.table.ts';
export * from '../modules/pupils/pupils.table.ts';
export * from '../modules/users/users.table.ts';
