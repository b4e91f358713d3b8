/** Pupil and parent voice to send this half-term, on the AP lead's board. */
import { voiceRequestObligations } from '@waymark/domain';
import { and, eq, gte, isNull } from 'drizzle-orm';
import { reachOf } from '../../lib/actor.ts';
import type { Collector } from '../obligations/collect.ts';
import { schoolNameOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { pupilNamesOfActivePlacements } from '../placements/placements.repository.ts';
import { openVoiceRequestsWhenChanged } from './open-requests.ts';
import { voiceRequests } from './voice.table.ts';

export const voice: Collector = async (db, actor, today) => {
  // This half-term's requests exist once the half-term has begun, whoever looks first.
  await openVoiceRequestsWhenChanged(db, { groupId: actor.groupId, now: new Date(`${today}T12:00:00Z`) });
  const requests = await db
    .select({
      request: {
        placementId: voiceRequests.placementId,
        schoolId: voiceRequests.schoolId,
        respondent: voiceRequests.respondent,
        halfTerm: voiceRequests.halfTerm,
        expiresOn: voiceRequests.expiresOn,
        linkIssuedAt: voiceRequests.linkIssuedAt,
        answeredAt: voiceRequests.answeredAt,
      },
      schoolName: schoolNameOf(voiceRequests.schoolId),
    })
    .from(voiceRequests)
    .where(
      and(
        eq(voiceRequests.groupId, actor.groupId),
        // The rule decides; these narrow the read to requests it could ask about.
        isNull(voiceRequests.linkIssuedAt),
        isNull(voiceRequests.answeredAt),
        gte(voiceRequests.expiresOn, today),
        schoolColumnInReach(db, actor, reachOf(actor, 'placements.manage'), voiceRequests.schoolId),
      ),
    );
  const running = await pupilNamesOfActivePlacements(
    db,
    requests.map((r) => r.request.placementId),
  );
  const rows = requests.flatMap((r) => {
    const pupilName = running.get(r.request.placementId);
    return pupilName ? [{ ...r, pupilName }] : [];
  });
  return rows.flatMap(({ request, pupilName, schoolName }) =>
    voiceRequestObligations(
      {
        placementId: request.placementId,
        pupilName,
        providerName: '',
        schoolId: request.schoolId,
        schoolName,
      },
      request,
      today,
    ),
  );
};
