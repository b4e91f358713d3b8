/**
 * What a calendar feed may say. Its address is a bearer link that people sync into Outlook or Google,
 * where anyone who sees the calendar reads it: so an event names a kind of duty, how many and the
 * school, never a pupil or what happened, and links to the board, which needs signing in.
 */
import { type Obligation, obligationKinds } from '@waymark/domain';
import { sha256 } from '../../lib/tokens.ts';
import type { CalendarItem } from './ics.ts';

export function neutralFeedEvents(items: Obligation[], publicUrl: string): CalendarItem[] {
  const groups = new Map<string, { first: Obligation; count: number }>();
  for (const item of items) {
    const key = `${item.kind} ${item.dueOn} ${item.schoolId ?? 'group'}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { first: item, count: 1 });
  }
  return [...groups.entries()].map(([key, { first, count }]) => {
    const label = obligationKinds[first.kind].label;
    const where = first.schoolName ?? 'across the group';
    return {
      uid: sha256(key).slice(0, 32),
      date: first.dueOn,
      summary: `${count} × ${label} — ${where}`,
      description: `${count === 1 ? 'One item is' : `${count} items are`} due. Sign in to Waymark to see ${count === 1 ? 'it' : 'them'}.`,
      url: `${publicUrl}/`,
    };
  });
}
