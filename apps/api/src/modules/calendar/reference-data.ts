import { shippedBankHolidays } from '@waymark/domain';
import type { Database } from '../../db/client.ts';
import { createCalendarRepository } from './calendar.repository.ts';

/** Loads the shipped bank holidays into a database that has none, on every kind of database. */
export async function ensureReferenceData(db: Database): Promise<void> {
  const repository = createCalendarRepository({ db });
  if ((await repository.bankHolidays()).length === 0)
    await repository.upsertBankHolidays(shippedBankHolidays);
}
