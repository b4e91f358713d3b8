/** Every table, for drizzle's typed queries and for drizzle-kit to generate migrations from. */
export * from '../modules/audit/audit.table.ts';
export * from '../modules/auth/auth.table.ts';
export * from '../modules/calendar/calendar.table.ts';
export * from '../modules/organisation/organisation.table.ts';
export * from '../modules/users/users.table.ts';
