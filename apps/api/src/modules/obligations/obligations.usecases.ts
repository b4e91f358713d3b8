/**
 * Collects the obligations each capability creates, for the signed-in person: only the kinds their
 * roles let them see, only at the schools in their reach. Each collector asks its capability's own
 * queries; the domain orders them (packages/domain/src/obligations).
 */
import {
  arrangeObligations,
  type Obligation,
  policyReviewState,
  safeguardingKinds,
  termsOf,
} from '@waymark/domain';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, hasPermission, reachOf } from '../../lib/actor.ts';
import { schoolColumnInReach } from '../../lib/scope.ts';
import { firstDayCalls } from '../attendance/attendance.table.ts';
import { openInterventions } from '../attendance/interventions.usecases.ts';
import { halfTerms } from '../calendar/calendar.table.ts';
import { loadSchoolCalendars } from '../calendar/calendar.usecases.ts';
import { incidentActions, incidents } from '../incidents/incidents.table.ts';
import { schools } from '../organisation/organisation.table.ts';
import { ehcpReviewsToArrange } from '../placements/ehcp-reviews.usecases.ts';
import { placementReviews, placements } from '../placements/placements.table.ts';
import { nameOf } from '../placements/placements.usecases.ts';
import { policyOverview } from '../policy/policy.usecases.ts';
import { providers } from '../providers/providers.table.ts';
import { listProviders } from '../providers/providers.usecases.ts';
import { listRenewals } from '../providers/renewals.ts';
import { pupils } from '../pupils/pupils.table.ts';
import { qaActions } from '../qa/qa.table.ts';
import { qaSchedule } from '../qa/qa.usecases.ts';
import { listStaff } from '../training/training.usecases.ts';
import { voiceRequests } from '../voice/voice.table.ts';
import { openVoiceRequests } from '../voice/voice.usecases.ts';

type Collector = (db: Database, actor: Actor, today: string) => Promise<Obligation[]>;

const schoolNames = async (db: Database, actor: Actor) =>
  new Map(
    (
      await db
        .select({ id: schools.id, name: schools.name })
        .from(schools)
        .where(eq(schools.groupId, actor.groupId))
    ).map((s) => [s.id, s.name]),
  );

const renewals: Collector = async (db, actor, today) =>
  (await listRenewals(db, actor.groupId, today)).map((r) => ({
    kind: 'provider_renewal',
    title: `${r.providerName}: ${r.item}`,
    dueOn: r.expiresOn,
    link: `/providers/${r.providerId}`,
    schoolId: null,
    schoolName: null,
  }));

const signOffs: Collector = async (db, actor, today) =>
  (await listProviders({ db, actor, filters: { sort: 'name' }, today })).providers
    .filter((p) => p.approval.readyForSignOff && p.status !== 'approved')
    .map((p) => ({
      kind: 'provider_sign_off',
      title: `${p.name}: every check is met; approve or not`,
      dueOn: today,
      link: `/providers/${p.id}`,
      schoolId: null,
      schoolName: null,
    }));

const reviews: Collector = async (db, actor) => {
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

const ehcpReviews: Collector = async (db, actor, today) => {
  const names = await schoolNames(db, actor);
  const rows = await ehcpReviewsToArrange({ db, actor });
  const schoolOf = new Map(
    rows.length
      ? (
          await db
            .select({ id: placements.id, schoolId: placements.schoolId })
            .from(placements)
            .where(
              inArray(
                placements.id,
                rows.map((r) => r.placementId),
              ),
            )
        ).map((p) => [p.id, p.schoolId])
      : [],
  );
  return rows.map((r) => ({
    kind: 'ehcp_review',
    title: `EHCP review for ${r.pupilName} (${r.localAuthority ?? 'local authority'})`,
    dueOn: r.flaggedOn ?? today,
    link: `/placements/${r.placementId}`,
    schoolId: schoolOf.get(r.placementId) ?? null,
    schoolName: names.get(schoolOf.get(r.placementId) ?? '') ?? null,
  }));
};

/** N codes are resolved within five school days (DOMAIN-REFERENCE.md); the call itself is due on the day. */
const calls: Collector = async (db, actor) => {
  const rows = await db
    .select({ call: firstDayCalls, pupil: pupils, schoolName: schools.name })
    .from(firstDayCalls)
    .innerJoin(pupils, eq(pupils.id, firstDayCalls.pupilId))
    .innerJoin(schools, eq(schools.id, firstDayCalls.schoolId))
    .where(
      and(
        eq(firstDayCalls.groupId, actor.groupId),
        eq(firstDayCalls.status, 'open'),
        schoolColumnInReach(db, actor, reachOf(actor, 'attendance.read'), firstDayCalls.schoolId),
      ),
    );
  const calendars = await loadSchoolCalendars(
    db,
    rows.map((r) => r.call.schoolId),
  );
  return rows.flatMap((r) => {
    const base = { link: '/attendance', schoolId: r.call.schoolId, schoolName: r.schoolName };
    const items: Obligation[] = [
      {
        ...base,
        kind: 'first_day_call',
        title: `Call about ${nameOf(r.pupil)}'s absence on ${r.call.date}`,
        dueOn: r.call.date,
      },
    ];
    try {
      const resolveBy = calendars.get(r.call.schoolId)!.addSchoolDays(r.call.date, 5);
      items.push({
        ...base,
        kind: 'unresolved_n',
        title: `Resolve the N for ${nameOf(r.pupil)} on ${r.call.date}`,
        dueOn: resolveBy,
      });
    } catch {
      // No term dates that far: the call itself still shows.
    }
    return items;
  });
};

const interventions: Collector = async (db, actor) => {
  const names = await schoolNames(db, actor);
  const rows = await openInterventions({ db, actor });
  const schoolOf = new Map(
    rows.length
      ? (
          await db
            .select({ id: placements.id, schoolId: placements.schoolId })
            .from(placements)
            .where(
              inArray(
                placements.id,
                rows.map((r) => r.placementId),
              ),
            )
        ).map((p) => [p.id, p.schoolId])
      : [],
  );
  return rows.map((i) => ({
    kind: 'intervention',
    title: i.action
      ? `Review the attendance plan for ${i.pupilName} at ${i.providerName}`
      : `Plan the attendance intervention for ${i.pupilName} (${i.attendancePercentAtOpening}% against ${i.targetPercent}%)`,
    dueOn: i.reviewOn ?? i.openedOn,
    link: '/attendance',
    schoolId: schoolOf.get(i.placementId) ?? null,
    schoolName: names.get(schoolOf.get(i.placementId) ?? '') ?? null,
  }));
};

/** Incidents the person can act on: safeguarding kinds for DSLs, the rest for those who manage incidents. */
const incidentWork: Collector = async (db, actor) => {
  const names = await schoolNames(db, actor);
  const rows = await db
    .select({ incident: incidents, pupil: pupils })
    .from(incidents)
    .innerJoin(pupils, eq(pupils.id, incidents.pupilId))
    .where(and(eq(incidents.groupId, actor.groupId), ne(incidents.status, 'closed')));
  const [dslSchools, managerSchools] = await Promise.all(
    (['safeguarding.manage', 'incidents.manage'] as const).map(
      async (p) =>
        new Set(
          (
            await db
              .select({ id: schools.id })
              .from(schools)
              .where(
                and(
                  eq(schools.groupId, actor.groupId),
                  schoolColumnInReach(db, actor, reachOf(actor, p), schools.id),
                ),
              )
          ).map((s) => s.id),
        ),
    ),
  );
  const mine = rows.filter(({ incident: i }) =>
    safeguardingKinds.includes(i.kind) ? dslSchools!.has(i.schoolId) : managerSchools!.has(i.schoolId),
  );
  const open = mine.length
    ? await db
        .select()
        .from(incidentActions)
        .where(
          and(
            inArray(
              incidentActions.incidentId,
              mine.map((m) => m.incident.id),
            ),
            isNull(incidentActions.doneOn),
          ),
        )
    : [];
  return [
    ...mine
      .filter(({ incident: i }) => i.status === 'reported')
      .map(({ incident: i, pupil }) => ({
        kind: 'incident_triage' as const,
        title: `Triage the report about ${nameOf(pupil)}`,
        dueOn: i.reportedAt.toISOString().slice(0, 10),
        link: `/incidents/${i.id}`,
        schoolId: i.schoolId,
        schoolName: names.get(i.schoolId) ?? null,
      })),
    ...open.map((a) => {
      const i = mine.find((m) => m.incident.id === a.incidentId)!.incident;
      return {
        kind: 'incident_action' as const,
        title: `${a.action} (${a.owner})`,
        dueOn: a.dueOn,
        link: `/incidents/${i.id}`,
        schoolId: i.schoolId,
        schoolName: names.get(i.schoolId) ?? null,
      };
    }),
  ];
};

const qa: Collector = async (db, actor, today) => {
  const [schedule, actions] = await Promise.all([
    qaSchedule({ db, actor, today }),
    db
      .select({ action: qaActions, providerName: providers.name, schoolName: schools.name })
      .from(qaActions)
      .innerJoin(providers, eq(providers.id, qaActions.providerId))
      .innerJoin(schools, eq(schools.id, qaActions.schoolId))
      .where(
        and(
          eq(qaActions.groupId, actor.groupId),
          isNull(qaActions.doneOn),
          schoolColumnInReach(db, actor, reachOf(actor, 'qa.read'), qaActions.schoolId),
        ),
      ),
  ]);
  return [
    ...schedule
      .filter((d) => d.status === 'due' || d.status === 'overdue')
      .map((d) => ({
        kind: 'qa_visit' as const,
        title: `${d.termLabel} QA visit to ${d.providerName}`,
        dueOn: d.term.endsOn,
        link: '/qa',
        schoolId: d.schoolId,
        schoolName: d.schoolName,
      })),
    ...actions.map(({ action: a, providerName, schoolName }) => ({
      kind: 'qa_action' as const,
      title: `${providerName}: ${a.action} (${a.owner})`,
      dueOn: a.dueOn,
      link: `/qa/visits/${a.visitId}`,
      schoolId: a.schoolId,
      schoolName,
    })),
  ];
};

const voice: Collector = async (db, actor, today) => {
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

const training: Collector = async (db, actor, today) =>
  (await listStaff({ db, actor, today }))
    .filter((s) => s.nextReviewOn <= today || s.reviewDue)
    .map((s) => ({
      kind: 'training_review',
      title: `Training-needs review for ${s.name}`,
      dueOn: s.nextReviewOn,
      link: '/training',
      schoolId: s.schoolId,
      schoolName: s.schoolName,
    }));

const policy: Collector = async (db, actor, today) => {
  const { current } = await policyOverview({ db, groupId: actor.groupId, today });
  if (!current || policyReviewState(current.nextReviewOn, today) === 'in_date') return [];
  return [
    {
      kind: 'policy_review',
      title: `Review the AP policy (${current.policyNumber}, issue ${current.issueNumber})`,
      dueOn: current.nextReviewOn,
      link: '/policy',
      schoolId: null,
      schoolName: null,
    },
  ];
};

/** An off-site direction ends when its agreed maximum of school days is reached: review or end it by then. */
const offSiteDirections: Collector = async (db, actor) => {
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

/** Each school's governors' report for the term under way, due on the term's last day. */
const governorsReports: Collector = async (db, actor, today) => {
  const mine = await db
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(
      and(
        eq(schools.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reachOf(actor, 'budgets.manage'), schools.id),
      ),
    );
  const ids = mine.map((s) => s.id);
  const terms = ids.length ? await db.select().from(halfTerms).where(inArray(halfTerms.schoolId, ids)) : [];
  return mine.flatMap((school) => {
    const current = termsOf(terms.filter((t) => t.schoolId === school.id)).find(
      (t) => t.startsOn <= today && t.endsOn >= today,
    );
    return current
      ? [
          {
            kind: 'governors_report' as const,
            title: `${school.name}: the ${current.term} ${current.academicYear} report to governors`,
            dueOn: current.endsOn,
            link: '/reports/governors',
            schoolId: school.id,
            schoolName: school.name,
          },
        ]
      : [];
  });
};

/** Which collectors a person's permissions open; each only looks within their reach. */
const collectors: { when: (actor: Actor) => boolean; collect: Collector }[] = [
  { when: (a) => hasPermission(a, 'providers.manage'), collect: renewals },
  { when: (a) => hasPermission(a, 'providers.approve'), collect: signOffs },
  { when: (a) => hasPermission(a, 'placements.manage'), collect: reviews },
  { when: (a) => hasPermission(a, 'placements.manage'), collect: ehcpReviews },
  { when: (a) => hasPermission(a, 'attendance.manage'), collect: calls },
  { when: (a) => hasPermission(a, 'attendance.manage'), collect: interventions },
  {
    when: (a) => hasPermission(a, 'incidents.manage') || hasPermission(a, 'safeguarding.manage'),
    collect: incidentWork,
  },
  { when: (a) => hasPermission(a, 'qa.manage'), collect: qa },
  { when: (a) => hasPermission(a, 'placements.manage'), collect: voice },
  { when: (a) => hasPermission(a, 'training.manage'), collect: training },
  {
    when: (a) => hasPermission(a, 'policy.manage') || hasPermission(a, 'providers.approve'),
    collect: policy,
  },
  { when: (a) => hasPermission(a, 'placements.manage'), collect: offSiteDirections },
  { when: (a) => hasPermission(a, 'providers.approve'), collect: governorsReports },
];

export async function whatIsDue({ db, actor, today }: { db: Database; actor: Actor; today: string }) {
  const found: Obligation[] = [];
  for (const c of collectors) if (c.when(actor)) found.push(...(await c.collect(db, actor, today)));
  return arrangeObligations(found, today);
}
