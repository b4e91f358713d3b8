import {
  incidentKinds,
  obligationKinds,
  placementTypes,
  providerStatuses,
  toldSameDay,
  warningKinds,
} from '@waymark/domain';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, hasPermission } from '../../../lib/actor.ts';
import { auditEvents } from '../../../lib/audit-log.table.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import {
  attendanceInterventions,
  attendanceMarks,
  firstDayCallLog,
  firstDayCalls,
} from '../../attendance/attendance.table.ts';
import { halfTerms } from '../../calendar/calendar.table.ts';
import { incidents } from '../../incidents/incidents.table.ts';
import { whatIsDue } from '../../obligations/obligations.usecases.ts';
import { groups, regions, schools } from '../../organisation/organisation.table.ts';
import { placementReviews, placements } from '../../placements/placements.table.ts';
import { providers } from '../../providers/providers.table.ts';
import { listProviders } from '../../providers/providers.usecases.ts';
import { pupils } from '../../pupils/pupils.table.ts';
import { qaActions, qaVisits } from '../../qa/qa.table.ts';
import { secondFactors } from '../../second-factor/second-factor.table.ts';
import { roleAssignments, users } from '../../users/users.table.ts';
import { earlyWarnings } from '../../warnings/warnings.usecases.ts';
import { DEMO_GROUP_NAME } from '../demo-trust.ts';
import { seedLivingDemo } from './living-demo.ts';
import { livingProviderPeople } from './providers.ts';
import { livingSchoolPeople, livingSchools } from './trust.ts';

// A Sunday in the autumn term of 2026/27: the demo holds last year and this one.
const startsAt = new Date('2026-12-06T14:00:00Z');
let database: TestDatabase;
let groupId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const results = await Promise.all([
    seedLivingDemo(database.db, startsAt),
    seedLivingDemo(database.db, startsAt),
  ]);
  expect(results.map((r) => r.created).sort()).toEqual([false, true]);
  [{ id: groupId }] = (await database.db
    .select({ id: groups.id })
    .from(groups)
    .where(eq(groups.name, DEMO_GROUP_NAME))) as [{ id: string }];
}, 120_000);
afterAll(() => database.destroy());

describe('the living demo, set up as a new trust would be', () => {
  it('is made once when two processes start together, and again changes nothing', async () => {
    expect(await database.db.select().from(groups)).toHaveLength(1);
    expect((await seedLivingDemo(database.db, startsAt)).created).toBe(false);
  });

  it('has two regions and six schools, each with term dates for last year, this year and next', async () => {
    expect((await database.db.select().from(regions)).map((r) => r.name).sort()).toEqual([
      'Midlands',
      'North West',
    ]);
    const made = await database.db.select().from(schools).where(eq(schools.groupId, groupId));
    expect(made.map((s) => s.name).sort()).toEqual(livingSchools.map((s) => s.name).sort());
    const years = await database.db
      .select({ schoolId: halfTerms.schoolId, year: halfTerms.academicYear, n: sql<number>`count(*)::int` })
      .from(halfTerms)
      .groupBy(halfTerms.schoolId, halfTerms.academicYear);
    expect(years).toHaveLength(18);
    expect(new Set(years.map((y) => y.year))).toEqual(new Set(['2025/26', '2026/27', '2027/28']));
    expect(years.every((y) => y.n === 6)).toBe(true);
  });

  it('made each school and person through the use cases, so each is in the audit log', async () => {
    const count = async (action: string) =>
      (
        await database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditEvents)
          .where(and(eq(auditEvents.groupId, groupId), eq(auditEvents.action, action)))
      )[0]!.n;
    expect(await count('groups.created')).toBe(1);
    expect(await count('regions.created')).toBe(2);
    expect(await count('schools.created')).toBe(6);
    expect(await count('users.created')).toBe(livingSchoolPeople.length + livingProviderPeople.length);
  });

  it('gives each person their role where they work, and the demo key to those who need two factors', async () => {
    const people = await database.db
      .select({ email: users.email, role: roleAssignments.role, factor: secondFactors.confirmedAt })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .leftJoin(secondFactors, eq(secondFactors.userId, users.id));
    const byEmail = new Map(people.map((p) => [p.email, p]));
    expect(byEmail.get('admin@northway.example')).toMatchObject({ role: 'trust_admin' });
    expect(byEmail.get('aplead@riverside.example')).toMatchObject({ role: 'ap_lead' });
    expect(byEmail.get('aplead@riverside.example')!.factor).not.toBeNull();
    expect(byEmail.get('attendance@riverside.example')!.factor).toBeNull();
    expect(byEmail.get('governor@northway.example')!.factor).toBeNull();
  });

  it('has approved providers of every kind of setting, and one in each other state', async () => {
    const [admin] = await database.db.select().from(users).where(eq(users.email, 'admin@northway.example'));
    const assignments = await database.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, admin!.id));
    const actor = {
      userId: admin!.id,
      groupId,
      email: admin!.email,
      displayName: admin!.displayName,
      sessionTokenHash: '',
      assignments,
    };
    const { providers } = await listProviders({
      db: database.db,
      actor,
      filters: { sort: 'name' },
      today: '2026-12-06',
    });
    const states = Object.fromEntries(providers.map((p) => [p.name, p.status]));
    expect(states).toEqual({
      'Bridges Learning Centre': 'approved',
      'Compass Pupil Referral Unit': 'approved',
      'Crossroads Learning': 'lapsed',
      'Elm Tree Tutoring': 'awaiting_letter',
      'Greenway Farm Education': 'under_audit',
      'Harbour House School': 'approved',
      'Ironworks Motor Skills': 'approved',
      'Kingsway Boxing Academy': 'suspended',
      'Larkspur Sports Coaching': 'ready_for_approval',
      'Lighthouse Arts Project': 'draft',
      'Northbank College': 'approved',
      'Pathways Mentoring': 'withdrawn',
      'Summit Outdoor Learning': 'lapsed',
    });
    const approvedKinds = new Set(providers.filter((p) => p.status === 'approved').map((p) => p.settingType));
    expect(approvedKinds).toEqual(
      new Set(['unregistered', 'registered_school', 'further_education', 'pru_or_ap_academy', 'work_based']),
    );
  });

  it("has sixty pupils across the six schools and eight of last summer's leavers, each added by their school", async () => {
    const perSchool = await database.db
      .select({ school: schools.name, n: sql<number>`count(*)::int` })
      .from(pupils)
      .innerJoin(schools, eq(schools.id, pupils.schoolId))
      .groupBy(schools.name);
    expect(Object.fromEntries(perSchool.map((r) => [r.school, r.n]))).toEqual({
      'Riverside Academy': 21,
      'Oakfield College': 14,
      'Meadowbank Academy': 11,
      'Hillview School': 9,
      'Larchwood School': 7,
      'Brookside Primary School': 6,
    });
  });

  it('has 45 placements: 28 running of every kind, 9 referrals and 8 ended last year', async () => {
    const rows = await database.db
      .select({ status: placements.status, type: placements.type, n: sql<number>`count(*)::int` })
      .from(placements)
      .groupBy(placements.status, placements.type);
    const count = (status: string, type?: string) =>
      rows.filter((r) => r.status === status && (!type || r.type === type)).reduce((sum, r) => sum + r.n, 0);
    expect([count('active'), count('referral'), count('ended')]).toEqual([28, 9, 8]);
    expect([
      count('active', 'commissioned_ap'),
      count('active', 'off_site_direction'),
      count('active', 'managed_move'),
      count('active', 'suspension_cover'),
      count('active', 'local_authority'),
    ]).toEqual([21, 2, 2, 2, 1]);
  });

  it('sends only agreed referrals, codes the LA’s placement K, and has a reduced timetable and a late leaver', async () => {
    const referrals = await database.db
      .select({ sent: sql<boolean>`${placements.referralSentAt} is not null`, n: sql<number>`count(*)::int` })
      .from(placements)
      .where(eq(placements.status, 'referral'))
      .groupBy(sql`1`);
    // Sent: the ready ones but Crossroads'; not sent: those still being referred or planned.
    expect(Object.fromEntries(referrals.map((r) => [String(r.sent), r.n]))).toEqual({ true: 2, false: 7 });
    const codes = await database.db
      .selectDistinct({ code: attendanceMarks.code })
      .from(attendanceMarks)
      .innerJoin(placements, eq(placements.id, attendanceMarks.placementId))
      .where(and(eq(placements.type, 'local_authority'), eq(attendanceMarks.mark, 'present')));
    expect(codes.map((c) => c.code)).toEqual(['K']);
    const reduced = await database.db
      .select({ reduced: placements.reducedTimetable })
      .from(placements)
      .where(sql`${placements.reducedTimetable} is not null`);
    expect(reduced).toHaveLength(1);
    expect(reduced[0]!.reduced).toMatchObject({
      reviewOn: null,
      sessions: [{ session: 'pm' }, { session: 'pm' }],
    });
    const leavers = await database.db
      .select({ leftOn: pupils.leftOn, endedOn: placements.endedOn })
      .from(pupils)
      .innerJoin(placements, eq(placements.pupilId, pupils.id))
      .where(sql`${pupils.leftOn} is not null`);
    expect(leavers).toHaveLength(1);
    expect(leavers[0]!.endedOn! > leavers[0]!.leftOn!).toBe(true);
  });

  it('has its half-termly reviews done on time, bar the latest at the provider whose cover ran out', async () => {
    const reviews = await database.db
      .select({
        dueOn: placementReviews.dueOn,
        completedOn: placementReviews.completedOn,
        provider: providers.name,
      })
      .from(placementReviews)
      .innerJoin(placements, eq(placements.id, placementReviews.placementId))
      .innerJoin(providers, eq(providers.id, placements.providerId));
    const past = reviews.filter((r) => r.dueOn < '2026-12-06');
    expect(past.filter((r) => r.completedOn).length).toBeGreaterThan(40);
    expect(past.filter((r) => !r.completedOn)).toEqual([
      { dueOn: '2026-10-23', completedOn: null, provider: 'Summit Outdoor Learning' },
    ]);
  });

  it('has termly QA visits completed, one action still open, and last summer’s visit to Ironworks from Larchwood missing', async () => {
    const visits = await database.db
      .select({
        status: qaVisits.status,
        school: schools.name,
        provider: providers.name,
        on: qaVisits.visitOn,
      })
      .from(qaVisits)
      .innerJoin(schools, eq(schools.id, qaVisits.schoolId))
      .innerJoin(providers, eq(providers.id, qaVisits.providerId));
    expect(visits.length).toBeGreaterThan(15);
    expect(visits.every((v) => v.status === 'completed')).toBe(true);
    const larchwoodIronworks = visits.filter(
      (v) => v.school === 'Larchwood School' && v.provider === 'Ironworks Motor Skills',
    );
    expect(larchwoodIronworks.map((v) => v.on).sort()).toEqual(['2025-11-13', '2026-03-05', '2026-11-12']);
    const actions = await database.db.select().from(qaActions);
    expect(actions.map((a) => a.doneOn)).toEqual([null]);
  });
});

/** A demo person as a signed-in session would act: their own role assignments, nothing more. */
async function actorOfEmail(email: string): Promise<Actor> {
  const [user] = await database.db.select().from(users).where(eq(users.email, email));
  const assignments = await database.db
    .select()
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, user!.id));
  return {
    userId: user!.id,
    groupId,
    email,
    displayName: user!.displayName,
    sessionTokenHash: '',
    assignments,
  };
}

const schoolStaffEmails = ['admin@northway.example', ...livingSchoolPeople.map((p) => p.email)];
/** Everyone with duties: governors hold none on the board (they read the governors' report). */
const dutyHolders = [
  'admin@northway.example',
  ...livingSchoolPeople.filter((p) => p.role !== 'governor').map((p) => p.email),
];

describe('what the living demo shows, from its own data', () => {
  it('has a provider in every state and a running placement of every type', async () => {
    const { providers } = await listProviders({
      db: database.db,
      actor: await actorOfEmail('admin@northway.example'),
      filters: { sort: 'name' },
      today: '2026-12-06',
    });
    expect(new Set(providers.map((p) => p.status))).toEqual(new Set(providerStatuses));
    const running = await database.db
      .selectDistinct({ type: placements.type })
      .from(placements)
      .where(eq(placements.status, 'active'));
    expect(new Set(running.map((r) => r.type))).toEqual(new Set(placementTypes));
  });

  it('fires every kind of early warning for the people who look after it', async () => {
    const kinds = new Set<string>();
    for (const email of schoolStaffEmails) {
      const actor = await actorOfEmail(email);
      if (!hasPermission(actor, 'warnings.read')) continue;
      const { active } = await earlyWarnings(database.db, actor, '2026-12-06', {});
      for (const w of active) kinds.add(w.kind);
    }
    expect([...kinds].sort()).toEqual(Object.keys(warningKinds).sort());
  });

  it('puts every kind of duty on the what-is-due board, and something of their own on the board of everyone with duties', async () => {
    const kinds = new Set<string>();
    const empty: string[] = [];
    for (const email of dutyHolders) {
      const board = await whatIsDue({
        db: database.db,
        actor: await actorOfEmail(email),
        today: '2026-12-06',
      });
      if (!board.items.some((i) => !i.forOthers)) empty.push(email);
      for (const item of board.items) kinds.add(item.kind);
    }
    expect([...kinds].sort()).toEqual(Object.keys(obligationKinds).sort());
    expect(empty).toEqual([]);
  });
});

describe('the living demo’s term so far', () => {
  it('has registers since September from every provider with pupils, Compass’s by API, some sent late', async () => {
    const bySource = await database.db
      .select({ source: attendanceMarks.source, late: attendanceMarks.late, n: sql<number>`count(*)::int` })
      .from(attendanceMarks)
      .groupBy(attendanceMarks.source, attendanceMarks.late);
    const count = (source: string, late?: boolean) =>
      bySource
        .filter((r) => r.source === source && (late === undefined || r.late === late))
        .reduce((sum, r) => sum + r.n, 0);
    expect(count('portal')).toBeGreaterThan(300);
    expect(count('api')).toBeGreaterThan(100);
    expect(count('portal', true)).toBeGreaterThan(0);
    // The reason found on each closed call replaced its N: those marks are now the school's.
    expect(count('school')).toBeGreaterThan(0);
    const [first] = await database.db
      .select({ on: sql<string>`min(${attendanceMarks.date})::text` })
      .from(attendanceMarks);
    expect(first!.on < '2026-09-30').toBe(true);
    const codes = new Set(
      (await database.db.selectDistinct({ code: attendanceMarks.code }).from(attendanceMarks)).map(
        (r) => r.code,
      ),
    );
    for (const code of ['B', 'D', 'I', 'O', 'N']) expect(codes).toContain(code);
  });

  it('has first-day calls made and closed, escalated to a home visit, and the latest still open', async () => {
    const calls = await database.db.select().from(firstDayCalls);
    expect(calls.filter((c) => c.status === 'closed').length).toBeGreaterThan(10);
    expect(calls.filter((c) => c.status === 'open').length).toBeGreaterThan(0);
    const steps = new Set((await database.db.select().from(firstDayCallLog)).map((l) => l.step));
    expect(steps).toEqual(new Set(['call', 'dsl_informed', 'home_visit']));
    const interventions = await database.db.select().from(attendanceInterventions);
    expect(interventions.some((i) => i.status === 'closed' && i.outcome)).toBe(true);
    expect(interventions.some((i) => i.status === 'open')).toBe(true);
  });

  it('has concerns and incidents of every kind, from providers and from school, one told late and one this morning', async () => {
    const all = await database.db.select().from(incidents);
    expect(new Set(all.map((i) => i.kind))).toEqual(new Set(incidentKinds));
    expect(new Set(all.map((i) => i.source))).toEqual(new Set(['portal', 'school']));
    expect(new Set(all.map((i) => i.status))).toEqual(new Set(['reported', 'triaged', 'closed']));
    expect(all.filter((i) => !toldSameDay(i.occurredAt, i.schoolToldAt))).toHaveLength(1);
    const today = all.filter((i) => i.reportedAt.toISOString().startsWith('2026-12-06'));
    expect(today.map((i) => [i.kind, i.source, i.status])).toEqual([
      ['safeguarding_concern', 'portal', 'reported'],
    ]);
  });
});
