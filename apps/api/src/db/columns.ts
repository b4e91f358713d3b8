import { type AnyPgColumn, uuid } from 'drizzle-orm/pg-core';

/**
 * A row's required link to another table's row, by id: `schoolId: belongsTo('school_id', () =>
 * schools.id)`. Most tables carry several (group, school, provider, placement, pupil), written out
 * in full they were the longest repeated lines of the schema.
 */
export const belongsTo = (column: string, target: () => AnyPgColumn) =>
  uuid(column).notNull().references(target);
