import { and, eq, isNull } from 'drizzle-orm';
import { reachOf } from '../../lib/actor.ts';
import { schoolColumnInReach } from '../../lib/scope.ts';
import { loadSchoolCalendars } from '../calendar/calendar.usecases.ts';
import { schools } from '../organisation/organisation.table.ts';
import { ehcpReviewsToArrange } from '../placements/ehcp-reviews.usecases.ts';
import { placementReviews, placements } from '../placements/placements.table.ts';
import { nameOf } from '../placements/placements.usecases.ts';
import { providers } from '../providers/providers.table.ts';
import { pupils } from '../pupils/pupils.table.ts';
import { voiceRequests } from '../voice/voice.table.ts';
import { openVoiceRequests } from '../voice/voice.usecases.ts';
import { type Collector, placementSchools } from './collect.ts';

export const reviews: Collector = async (db, actor) => {
  const rows = await db
    .select({
      review: placementReviews,
      placement: placements,
      pupil: pupils,
      providerName: providers.name,
      schoolName: schools.name,
    })
    .from(placementReviews)
    .innerJoin(placements, eq(placements.id, placementReviews.placementId))
    .innerJoin(pupils, eq(pupils.id, placements.pupilId))
    .innerJoin(providers, eq(providers.id, placements.providerId))
    .innerJoin(schools, eq(schools.id, placements.schoolId))
    .where(
      and(
        eq(placements.groupId, actor.groupId),
        eq(placements.status, 'active'),
        isNull(placementReviews.completedOn),
        schoolColumnInReach(db, actor, reachOf(actor, 'placements.read'), placements.schoolId),
      ),
    );
  return rows.map((r) => ({
    kind: 'placement_review',
    title: `${r.review.halfTerm} review of ${nameOf(r.pupil)} at ${r.providerName}`,
    dueOn: r.review.dueOn,
    link: `/placements/${r.placement.id}`,
    schoolId: r.placement.schoolId,
    schoolName: r.schoolName,
  }));
};

export const ehcpReviews: Collector = async (db, actor, today) => {
  const rows = await ehcpReviewsToArrange({ db, actor });
  const schoolOf = await placementSchools(
    db,
    rows.map((r) => r.placementId),
  );
  return rows.map((r) => ({
    kind: 'ehcp_review',
    title: `EHCP review for ${r.pupilName} (${r.localAuthority ?? 'local authority'})`,
    dueOn: r.flaggedOn ?? today,
    link: `/placements/${r.placementId}`,
    ...schoolOf(r.placementId),
  }));
};

/** An off-site direction ends when its agreed maximum of school days is reached: review or end it by then. */
export const offSiteDirections: Collector = async (db, actor) => {
  const rows = await db
    .select({ placement: placements, pupil: pupils, schoolName: schools.name })
    .from(placements)
    .innerJoin(pupils, eq(pupils.id, placements.pupilId))
    .innerJoin(schools, eq(schools.id, placements.schoolId))
    .where(
      and(
        eq(placements.groupId, actor.groupId),
        eq(placements.status, 'active'),
        eq(placements.type, 'off_site_direction'),
        schoolColumnInReach(db, actor, reachOf(actor, 'placements.manage'), placements.schoolId),
      ),
    );
  const calendars = await loadSchoolCalendars(
    db,
    rows.map((r) => r.placement.schoolId),
  );
  return rows.flatMap(({ placement: p, pupil, schoolName }) => {
    if (!p.startsOn || !p.maximumDays) return [];
    try {
      const lastDay = calendars.get(p.schoolId)!.addSchoolDays(p.startsOn, p.maximumDays - 1);
      return [
        {
          kind: 'off_site_direction_end' as const,
          title: `${nameOf(pupil)}'s off-site direction reaches its ${p.maximumDays} days: review or end it`,
          dueOn: lastDay,
          link: `/placements/${p.id}`,
          schoolId: p.schoolId,
          schoolName,
        },
      ];
    } catch {
      return []; // no term dates that far ahead
    }
  });
};

export const voice: Collector = async (db, actor, today) => {
  // This half-term's requests exist once the half-term has begun, whoever looks first.
  await openVoiceRequests(db, { groupId: actor.groupId, now: new Date(`${today}T12:00:00Z`) });
  const rows = await db
    .select({ request: voiceRequests, pupil: pupils, schoolName: schools.name })
    .from(voiceRequests)
    .innerJoin(placements, eq(placements.id, voiceRequests.placementId))
    .innerJoin(pupils, eq(pupils.id, placements.pupilId))
    .innerJoin(schools, eq(schools.id, voiceRequests.schoolId))
    .where(
      and(
        eq(voiceRequests.groupId, actor.groupId),
        isNull(voiceRequests.linkIssuedAt),
        isNull(voiceRequests.answeredAt),
        schoolColumnInReach(db, actor, reachOf(actor, 'placements.manage'), voiceRequests.schoolId),
      ),
    );
  return rows
    .filter((r) => r.request.expiresOn >= today)
    .map((r) => ({
      kind: 'voice_request' as const,
      title: `Send ${r.request.respondent === 'pupil' ? `${nameOf(r.pupil)}'s` : `${nameOf(r.pupil)}'s parent's`} voice link (${r.request.halfTerm})`,
      dueOn: r.request.expiresOn,
      link: `/placements/${r.request.placementId}`,
      schoolId: r.request.schoolId,
      schoolName: r.schoolName,
    }));
};
