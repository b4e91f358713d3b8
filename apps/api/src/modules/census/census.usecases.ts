/**
 * The school census return of AP placements for one school and census: the placements active in the
 * collection period, checked, as data, CSV or the XML fragment. Registration (D or B) follows from the
 * provider as everywhere in Waymark, so a placement at another school is always dual registered.
 * Education the local authority arranged is its own return, not this one. The school records the
 * return as made, or confirms it arranged no AP in the period (4015Q); the page opens on the next
 * census not yet returned.
 */
import {
  type CensusKey,
  type CensusTerm,
  censusDay,
  censusReturn,
  collectionPeriod,
  hoursPerWeek,
  isRegisteredSetting,
  nextCensusToReturn,
  pupilDisplayName,
  schoolSettingTypes,
  termsOn,
} from '@waymark/domain';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import type { Reading } from '../../lib/use-case.ts';
import { createOrganisationRepository } from '../organisation/organisation.repository.ts';
import { termChangesOf } from '../placements/placement-terms.ts';
import { placementsWithPupils } from '../placements/placements.repository.ts';
import { providersById } from '../providers/providers.repository.ts';
import { censusErrors } from './census.errors.ts';
import { censusReturns } from './census.table.ts';

async function schoolInReach(
  db: Database,
  actor: Actor,
  schoolId: string,
  permission: 'placements.read' | 'placements.manage',
) {
  const inReach = await createOrganisationRepository({ db }).listSchoolsInReach(
    actor,
    reachOf(actor, permission),
  );
  const school = inReach.find((s) => s.id === schoolId);
  if (!school) throw fieldError('census.unknown_school', 'schoolId', 'Choose one of your schools');
  return school;
}

async function returnOf(db: Database, schoolId: string, { academicYear, term }: CensusKey) {
  const [row] = await db
    .select()
    .from(censusReturns)
    .where(
      and(
        eq(censusReturns.schoolId, schoolId),
        eq(censusReturns.academicYear, academicYear),
        eq(censusReturns.term, term),
      ),
    );
  return row ?? null;
}

/** The census the page opens on: the next census day, today included, not yet returned. */
export async function nextCensus({
  db,
  actor,
  schoolId,
  today,
}: Reading & { schoolId: string; today: string }) {
  await schoolInReach(db, actor, schoolId, 'placements.read');
  const returned = await db
    .select({ academicYear: censusReturns.academicYear, term: censusReturns.term })
    .from(censusReturns)
    .where(eq(censusReturns.schoolId, schoolId));
  return nextCensusToReturn(today, returned);
}

/** The school's placements in the census, checked, and whether the census was returned. */
async function prepareCensus(db: Database, schoolId: string, { academicYear, term }: CensusKey) {
  const [rows, returned] = await Promise.all([
    placementsWithPupils(db, { schoolIds: [schoolId], statuses: ['active', 'ended'] }).then(async (list) => {
      // The local authority returns the education it arranged; the school's module does not.
      const own = list.filter((r) => r.placement.type !== 'local_authority');
      const providerOf = await providersById(
        db,
        own.map((r) => r.placement.providerId),
      );
      return own.map((r) => ({ ...r, provider: providerOf.get(r.placement.providerId)! }));
    }),
    returnOf(db, schoolId, { academicYear, term }),
  ]);
  const period = collectionPeriod(academicYear, term);
  const day = censusDay(academicYear, term);
  const changes = await termChangesOf(
    db,
    rows.map((r) => r.placement.id),
  );
  // Hours as the timetable stood on census day, or on the last day of a placement that ended before it.
  const hoursOf = (p: (typeof rows)[number]['placement']) => {
    const on = p.endedOn && p.endedOn < day ? p.endedOn : day;
    return hoursPerWeek(termsOn(p, changes.get(p.id) ?? [], on).sessions);
  };
  const { records, problems } = censusReturn(
    rows.map(({ placement: p, pupil, provider }) => ({
      placementId: p.id,
      pupilName: pupilDisplayName(pupil),
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
      hoursPerWeek: hoursOf(p),
      pupilLeftOn: pupil.leftOn,
    })),
    period,
  );
  return { censusDay: day, period, records, problems, returned };
}

type CensusReturnRow = typeof censusReturns.$inferSelect;

/** The census as the page shows it; once the school confirms it arranged none, 4015Q is answered. */
function presentCensus(
  schoolName: string,
  census: Awaited<ReturnType<typeof prepareCensus>>,
  returned: CensusReturnRow | null,
) {
  return {
    schoolName,
    censusDay: census.censusDay,
    period: census.period,
    records: census.records,
    problems:
      returned?.kind === 'none_arranged'
        ? census.problems.filter((p) => p.rule !== '4015Q')
        : census.problems,
    returned: returned && {
      kind: returned.kind,
      placements: returned.placements,
      confirmedByName: returned.confirmedByName,
      confirmedAt: returned.confirmedAt.toISOString(),
    },
  };
}

export async function schoolCensus({
  db,
  actor,
  ipAddress,
  schoolId,
  academicYear,
  term,
}: Reading & { ipAddress: string | null; schoolId: string; academicYear: string; term: CensusTerm }) {
  const school = await schoolInReach(db, actor, schoolId, 'placements.read');
  const census = await prepareCensus(db, schoolId, { academicYear, term });
  const shown = presentCensus(school.name, census, census.returned);
  await recordAudit(
    db,
    { actor, ipAddress },
    {
      action: 'census.prepared',
      recordType: 'school',
      recordId: schoolId,
      schoolId,
      summary: `${term} ${academicYear} census of AP placements: ${shown.records.length} placements, ${shown.problems.length} to fix`,
    },
  );
  return shown;
}

/**
 * Record the census as returned, or confirm no AP was arranged in its period (4015Q): from census day,
 * only when the check agrees (nothing left to fix; no placements for "none arranged"). Asking again
 * for what is already recorded changes nothing.
 */
export async function confirmCensus({
  db,
  actor,
  ipAddress,
  today,
  schoolId,
  academicYear,
  term,
  kind,
}: Reading & {
  ipAddress: string | null;
  today: string;
  schoolId: string;
  academicYear: string;
  term: CensusTerm;
  kind: 'returned' | 'none_arranged';
}) {
  const school = await schoolInReach(db, actor, schoolId, 'placements.manage');
  const day = censusDay(academicYear, term);
  if (today < day) throw censusErrors.tooEarly(day);
  return db.transaction(async (tx) => {
    const census = await prepareCensus(tx, schoolId, { academicYear, term });
    if (census.returned) {
      if (census.returned.kind !== kind) throw censusErrors.alreadyRecorded(census.returned.kind);
      return presentCensus(school.name, census, census.returned);
    }
    const count = census.records.length;
    if (kind === 'none_arranged' && count > 0) throw censusErrors.placementsToReturn(count);
    if (kind === 'returned') {
      if (count === 0) throw censusErrors.nothingToReturn();
      if (census.problems.length > 0) throw censusErrors.problemsToFix(census.problems.length);
    }
    const [returned] = await tx
      .insert(censusReturns)
      .values({
        groupId: actor.groupId,
        schoolId,
        academicYear,
        term,
        kind,
        placements: count,
        confirmedBy: actor.userId,
        confirmedByName: actor.displayName,
      })
      .onConflictDoNothing()
      .returning();
    // Recorded by someone else a moment ago: theirs stands, as if this had come second.
    if (!returned) {
      const theirs = (await returnOf(tx, schoolId, { academicYear, term }))!;
      if (theirs.kind !== kind) throw censusErrors.alreadyRecorded(theirs.kind);
      return presentCensus(school.name, census, theirs);
    }
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: kind === 'none_arranged' ? 'census.none_arranged' : 'census.returned',
        recordType: 'school',
        recordId: schoolId,
        schoolId,
        summary:
          kind === 'none_arranged'
            ? `Confirmed no AP was arranged in the ${term} ${academicYear} census period`
            : `Recorded the ${term} ${academicYear} census as returned with ${count} AP placements`,
      },
    );
    return presentCensus(school.name, census, returned);
  });
}
