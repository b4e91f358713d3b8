/**
 * Checks for the identifiers a provider record holds (DOMAIN-REFERENCE.md "Identifiers").
 * URN: 6 digits (Get Information about Schools). UKPRN: 8 digits starting with 1 (UK Register of
 * Learning Providers). DfE number: local authority number / establishment number, as 123/4567.
 */
import { z } from 'zod';

export const urnSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'A URN is 6 digits, as shown on Get Information about Schools');

export const ukprnSchema = z
  .string()
  .trim()
  .regex(
    /^1\d{7}$/,
    'A UKPRN is 8 digits starting with 1, as shown on the UK Register of Learning Providers',
  );

export const dfeNumberSchema = z
  .string()
  .trim()
  .regex(
    /^\d{3}\/?\d{4}$/,
    'A DfE number is the 3-digit local authority number and 4-digit school number, as 340/4001',
  )
  .transform((v) => (v.includes('/') ? v : `${v.slice(0, 3)}/${v.slice(3)}`));

/** UK telephone numbers: 10 or 11 digits starting 0, or +44 followed by 9 or 10 digits; spaces allowed. */
export const ukPhoneSchema = z
  .string()
  .trim()
  .refine((value) => {
    const digits = value.replace(/[\s()-]/g, '');
    return /^0\d{9,10}$/.test(digits) || /^\+44\d{9,10}$/.test(digits);
  }, 'Enter a UK telephone number, like 0151 496 0000 or +44 151 496 0000');

export const postcodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, 'Enter a UK postcode, like L1 8JQ')
  .transform((v) => (v.includes(' ') ? v : `${v.slice(0, -3)} ${v.slice(-3)}`));
