/**
 * Pupil identifiers (DOMAIN-REFERENCE.md "Identifiers"). Each check says which rule failed, because a
 * school fixing a typo needs to know whether it is the length, the format or the check character.
 */
import { z } from 'zod';

const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

export type IdentifierCheck = { valid: true; temporary?: boolean } | { valid: false; problem: string };

/** The check letter for a UPN's last 12 characters (digits, or a temporary UPN's final letter). */
export function upnCheckLetter(rest: string): string {
  let sum = 0;
  for (let position = 2; position <= 13; position++) {
    const character = rest[position - 2]!;
    const value = /\d/.test(character) ? Number(character) : CHECK_LETTERS.indexOf(character);
    sum += value * position;
  }
  return CHECK_LETTERS[sum % 23]!;
}

/**
 * A UPN is a check letter and 12 digits; a temporary UPN ends in a letter instead of a digit. The
 * check letter is the weighted sum (characters 2–13 times positions 2–13) mod 23, read off the list.
 */
export function checkUpn(raw: string): IdentifierCheck {
  const upn = raw.trim().toUpperCase();
  if (upn.length !== 13) return { valid: false, problem: `A UPN is 13 characters; this has ${upn.length}` };
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn))
    return { valid: false, problem: 'A UPN is a letter, 11 digits, then a digit or (if temporary) a letter' };
  const last = upn[12]!;
  const temporary = /[A-Z]/.test(last);
  if (temporary && !CHECK_LETTERS.includes(last))
    return { valid: false, problem: `A temporary UPN cannot end in ${last} (I, O and S are never used)` };
  const expected = upnCheckLetter(upn.slice(1));
  if (upn[0] !== expected)
    return {
      valid: false,
      problem: `The check letter does not match: for these digits it would be ${expected}`,
    };
  return { valid: true, temporary };
}

/** A ULN is 10 digits, not starting 0; weights 10..2 over the first nine, mod 11; r = 0 never valid. */
export function checkUln(raw: string): IdentifierCheck {
  const uln = raw.trim();
  if (!/^\d{10}$/.test(uln)) return { valid: false, problem: 'A ULN is 10 digits' };
  if (uln[0] === '0') return { valid: false, problem: 'A ULN cannot start with 0' };
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(uln[i]) * (10 - i);
  const remainder = sum % 11;
  if (remainder === 0)
    return { valid: false, problem: 'The check digit does not match: no ULN has these first nine digits' };
  const expected = 10 - remainder;
  if (Number(uln[9]) !== expected)
    return {
      valid: false,
      problem: `The check digit does not match: for these digits it would be ${expected}`,
    };
  return { valid: true };
}

export const upnSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .superRefine((value, ctx) => {
    const result = checkUpn(value);
    if (!result.valid) ctx.addIssue({ code: 'custom', message: result.problem });
  });

export const ulnSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const result = checkUln(value);
    if (!result.valid) ctx.addIssue({ code: 'custom', message: result.problem });
  });
