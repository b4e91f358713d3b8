/**
 * The school census return of AP placements for one school and census: the placements active in the
 * collection period, checked, as data, CSV or the XML fragment. Registration (D or B) follows from the
 * provider as everywhere in Waymark, so a placement at another school is always dual registered.
 */
import {
  type CensusTerm,
  censusDay,
  censusReturn,
  collectionPeriod,
  hoursPerWeek,
  isRegisteredSetting,
  schoolSettingTypes,
} from '@waymark/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import { schoolColumnInReach } from '../../lib/scope.ts';
import { schools } from '../organisation/organisation.table.ts';
import { placements } from '../placements/placements.table.ts';
import { nameOf } from '../placements/placements.usecases.ts';
import { providers } from '../providers/providers.table.ts';
import { pupils } from '../pupils/pupils.table.ts';

export async function schoolCensus({
  db,
  actor,
  ipAddress,
  schoolId,
  academicYear,
  term,
}: {
  db: Database;
  actor: Actor;
  ipAddress: string | null;
  schoolId: string;
  academicYear: string;
  term: CensusTerm;
}) {
  const [school] = await db
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(
      and(
        eq(schools.id, schoolId),
        eq(schools.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reachOf(actor, 'placements.read'), schools.id),
      ),
    );
  if (!school) throw fieldError('census.unknown_school', 'schoolId', 'Choose one of your schools');
  const rows = await db
    .select({ placement: placements, pupil: pupils, provider: providers })
    .from(placements)
    .innerJoin(pupils, eq(pupils.id, placements.pupilId))
    .innerJoin(providers, eq(providers.id, placements.providerId))
    .where(and(eq(placements.schoolId, schoolId), inArray(placements.status, ['active', 'ended'])));
  const period = collectionPeriod(academicYear, term);
  const result = censusReturn(
    rows.map(({ placement: p, pupil, provider }) => ({
      placementId: p.id,
      pupilName: nameOf(pupil),
      upn: pupil.upn,
      providerName: provider.name,
      providerUrn: provider.urn,
      providerUkprn: provider.ukprn,
      providerSettingType: provider.settingType,
      dualRegistered: isRegisteredSetting(provider.settingType, provider.dfeNumber),
      isSchool: provider.settingType !== null && schoolSettingTypes.includes(provider.settingType),
      status: p.status as 'active' | 'ended',
      startsOn: p.startsOn,
      endedOn: p.endedOn,
      reason: p.reason,
      hoursPerWeek: hoursPerWeek(p.sessions),
    })),
    period,
  );
  await recordAudit(
    db,
    { actor, ipAddress },
    {
      action: 'census.prepared',
      recordType: 'school',
      recordId: schoolId,
      schoolId,
      summary: `${term} ${academicYear} census of AP placements: ${result.records.length} placements, ${result.problems.length} to fix`,
    },
  );
  return { schoolName: school.name, censusDay: censusDay(academicYear, term), period, ...result };
}
