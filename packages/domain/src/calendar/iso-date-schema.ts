/**
 * The ISO date as a field of a request or a file. Kept apart from the date arithmetic so that a page
 * which only counts days (a provider's register) does not load the validation library with it.
 */
import { z } from 'zod';
import { isValidIsoDate } from './iso-date.ts';

export const isoDateSchema = z
  .string()
  .refine(isValidIsoDate, { message: 'Enter a real date in the form YYYY-MM-DD' })
  .meta({ format: 'date', example: '2026-01-05' });
