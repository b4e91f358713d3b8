/**
 * A private calendar address per person: what is due for them as an iCalendar feed. The address holds
 * a random token (only its SHA-256 is stored); making a new one or revoking stops the old one (404).
 */
import { todayInLondon } from '@waymark/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError } from '../../lib/errors.ts';
import { newToken, sha256 } from '../../lib/tokens.ts';
import type { Command } from '../../lib/use-case.ts';
import { whatIsDue } from '../obligations/obligations.usecases.ts';
import { roleAssignmentsOf, userById } from '../users/users.repository.ts';
import { neutralFeedEvents } from './feed-events.ts';
import { calendarFeeds } from './feeds.table.ts';
import { renderIcs } from './ics.ts';

const unknownFeed = defineError(
  'feeds.unknown',
  404,
  'There is no such calendar feed. It may have been replaced or revoked.',
);

export async function feedStatus(db: Database, actor: Actor) {
  const [live] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, actor.userId), isNull(calendarFeeds.revokedAt)));
  return { active: Boolean(live), createdAt: live?.createdAt.toISOString() ?? null };
}

export async function createFeed({ db, actor, ipAddress, now, publicUrl }: Command & { publicUrl: string }) {
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx
      .update(calendarFeeds)
      .set({ revokedAt: now })
      .where(and(eq(calendarFeeds.userId, actor.userId), isNull(calendarFeeds.revokedAt)));
    await tx.insert(calendarFeeds).values({ userId: actor.userId, tokenHash: sha256(token), createdAt: now });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'feeds.created',
        recordType: 'user',
        recordId: actor.userId,
        summary: 'A new calendar feed address (any earlier one stops working)',
      },
    );
  });
  return { url: `${publicUrl}/api/calendar-feeds/${token}.ics` };
}

export async function revokeFeed({ db, actor, ipAddress, now }: Command) {
  await db.transaction(async (tx) => {
    await tx
      .update(calendarFeeds)
      .set({ revokedAt: now })
      .where(and(eq(calendarFeeds.userId, actor.userId), isNull(calendarFeeds.revokedAt)));
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'feeds.revoked',
        recordType: 'user',
        recordId: actor.userId,
        summary: 'Calendar feed revoked',
      },
    );
  });
}

/** The feed for a token: the owner's what-is-due, as they would see it signed in. */
export async function feedIcs({
  db,
  token,
  now,
  publicUrl,
}: {
  db: Database;
  token: string;
  now: Date;
  publicUrl: string;
}) {
  const [feed] = await db
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, sha256(token)), isNull(calendarFeeds.revokedAt)));
  const user = feed ? await userById(db, feed.userId) : null;
  if (!user?.isActive) throw unknownFeed();
  const row = { user };
  const actor: Actor = {
    userId: row.user.id,
    groupId: row.user.groupId,
    email: row.user.email,
    displayName: row.user.displayName,
    sessionTokenHash: '',
    assignments: await roleAssignmentsOf(db, row.user.id),
  };
  const board = await whatIsDue({ db, actor, today: todayInLondon(now) });
  return renderIcs('Waymark: what is due', neutralFeedEvents(board.items, publicUrl), now);
}
