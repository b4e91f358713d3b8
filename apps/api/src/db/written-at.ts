import { sql } from 'drizzle-orm';

/**
 * The default for "when this row was written" columns: the time of the write itself, not of the start
 * of its transaction (`now()`), so rows written one after another in one transaction (the living demo,
 * a bulk import) keep their order wherever "the latest" is read by time.
 */
export const writtenNow = sql`clock_timestamp()`;
