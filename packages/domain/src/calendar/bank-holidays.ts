/**
 * England and Wales bank holidays in the shape GOV.UK publishes them
 * (https://www.gov.uk/bank-holidays.json), so an administrator can import a newer file as it is.
 */
import { z } from 'zod';
import { isoDateSchema } from './iso-date-schema.ts';
import type { BankHoliday } from './term-dates.ts';

export const govUkBankHolidaysSchema = z.object({
  'england-and-wales': z.object({
    division: z.literal('england-and-wales'),
    events: z
      .array(
        z.object({
          title: z.string().min(1),
          date: isoDateSchema,
          notes: z.string().optional(),
          bunting: z.boolean().optional(),
        }),
      )
      .min(1, 'The file lists no bank holidays'),
  }),
});

export type GovUkBankHolidays = z.infer<typeof govUkBankHolidaysSchema>;

export function bankHolidaysFromGovUk(feed: GovUkBankHolidays): BankHoliday[] {
  return feed['england-and-wales'].events
    .map((event) => ({ date: event.date, title: event.title }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

import shippedFeed from './bank-holidays-england-and-wales.json' with { type: 'json' };

/** The copy shipped with Waymark (2024–2027); administrators can import a newer GOV.UK file. */
export const shippedBankHolidays: BankHoliday[] = bankHolidaysFromGovUk(
  govUkBankHolidaysSchema.parse(shippedFeed),
);
