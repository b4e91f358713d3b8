/**
 * A period of days split where whole calendar months can be read from counts kept per month, leaving
 * the days at either end that only part-fill their month to be counted from the marks themselves.
 */
import { addDays, type IsoDate } from './iso-date.ts';

export interface MonthSpans {
  /** The whole months inside the period, by their first days; an open end stays open. Null when none. */
  months: { first?: IsoDate; last?: IsoDate } | null;
  /** The days (inclusive ranges) before the first whole month and after the last. */
  edges: { from: IsoDate; to: IsoDate }[];
}

const firstOfMonth = (date: IsoDate): IsoDate => `${date.slice(0, 8)}01`;

function nextMonth(date: IsoDate): IsoDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Splits `from`–`to` (inclusive, either end optional) into whole months and the days at its edges. */
export function monthSpans(from?: IsoDate, to?: IsoDate): MonthSpans {
  if (from && to && from > to) return { months: null, edges: [] };
  // The first whole month starts on `from` if it is a 1st, else on the next 1st; the last whole month
  // is `to`'s own if `to` is its last day, else the month before.
  const first = from === undefined ? undefined : from === firstOfMonth(from) ? from : nextMonth(from);
  const last =
    to === undefined
      ? undefined
      : nextMonth(to) === addDays(to, 1)
        ? firstOfMonth(to)
        : firstOfMonth(addDays(firstOfMonth(to), -1));
  if (first !== undefined && last !== undefined && first > last)
    return { months: null, edges: [{ from: from!, to: to! }] };
  const edges: { from: IsoDate; to: IsoDate }[] = [];
  if (from !== undefined && first !== from) edges.push({ from, to: addDays(first!, -1) });
  if (to !== undefined && last !== undefined && addDays(nextMonth(last), -1) !== to)
    edges.push({ from: nextMonth(last), to });
  return { months: { ...(first ? { first } : {}), ...(last ? { last } : {}) }, edges };
}
