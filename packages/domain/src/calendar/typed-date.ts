/**
 * What a person types into a date box, read the British way: day, then month, then year. Accepts
 * "6/10/2026", "06-10-2026", "6.10.26", "6 Oct 2026", "Tue 6th October 2026" and the ISO
 * "2026-10-06" (pasted from a spreadsheet); anything else, or a day that does not exist, is `null`.
 */
import { type IsoDate, isValidIsoDate } from './iso-date.ts';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const pad = (n: number) => String(n).padStart(2, '0');

function fullYear(text: string): number {
  // A two-digit year is this century: placements, births and reviews in Waymark are all after 2000.
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

/** "oct", "october" and "sept" name a month; "o" and "octobre" do not. */
function monthNumber(word: string): number {
  if (word === 'sept') return 9;
  if (word.length < 3) return 0;
  return MONTHS.findIndex((name) => name.startsWith(word)) + 1;
}

function build(year: number, month: number, day: number): IsoDate | null {
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return isValidIsoDate(iso) ? iso : null;
}

export function parseTypedDate(typed: string): IsoDate | null {
  const text = typed.trim().toLowerCase();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return build(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4}|\d{2})$/.exec(text);
  if (numeric) return build(fullYear(numeric[3]!), Number(numeric[2]), Number(numeric[1]));
  const words = /^(?:[a-z]+,? )?(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4}|\d{2})$/.exec(text);
  if (!words) return null;
  const month = monthNumber(words[2]!);
  return month ? build(fullYear(words[3]!), month, Number(words[1])) : null;
}

/** How a date box shows its value: "06/10/2026", whatever the browser's locale. */
export function typedDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
