/**
 * Attendance at the size of a large trust (bench/synthetic-trust.ts: 60 schools, 3,000 active
 * placements, five years of session marks), through the real server, each path beside the raw SQL
 * that does the least the same answer needs:
 *   (a) a provider submitting a 40-pupil register, fresh and retried;
 *   (b) the attendance officer's board for one school;
 *   (c) a year's rates for one school, and for the whole trust by school.
 *
 * Needs a PostgreSQL server (BENCH_DATABASE_URL): six million marks are a server's load, and the raw
 * SQL runs on its own connection beside the server process.
 */
import pg from 'pg';
import { type Figures, measure } from './measure.ts';
import { getJson, postJson, type Session, signIn, startServer } from './server.ts';
import {
  addSyntheticTrust,
  attendanceOfficerEmail,
  MARKS_UNTIL,
  PROVIDERS,
  providerUserEmail,
  type SyntheticTrust,
} from './synthetic-trust.ts';

/** The school days after the seeded marks, in Bench School 01's calendar, for fresh submissions. */
const FRESH_DATES = [
  '2026-11-16',
  '2026-11-17',
  '2026-11-18',
  '2026-11-19',
  '2026-11-20',
  '2026-11-23',
  '2026-11-24',
  '2026-11-25',
  '2026-11-26',
  '2026-11-27',
];
const BOARD_DATE = '2026-11-27';
const YEAR = { from: '2025-09-01', to: '2026-08-31' };
/** A day mid-month: the rates read six whole months of kept counts and the marks of half a month. */
const PART_YEAR_TO = '2026-03-13';

interface RegisterRow {
  placementId: string;
}

export async function benchAttendance(): Promise<{ trust: SyntheticTrust; rows: Figures[] } | null> {
  if (!process.env.BENCH_DATABASE_URL) return null;
  const server = await startServer();
  const { base } = server;
  try {
    const trust = await addSyntheticTrust(server.databaseUrl!);
    const sql = new pg.Pool({ connectionString: server.databaseUrl, max: 8 });

    // Every provider's member of staff signed in, with the placements on their register.
    const providers: { session: Session; placementIds: string[] }[] = [];
    for (let n = 1; n <= PROVIDERS; n++) {
      const session = await signIn(base, providerUserEmail(n));
      const register = await getJson<{ pupils: RegisterRow[] }>(
        base,
        session,
        `/api/portal/register?date=${FRESH_DATES[0]}`,
      );
      providers.push({ session, placementIds: register.pupils.map((p) => p.placementId) });
    }
    if (providers[0]!.placementIds.length !== 40)
      throw new Error(`expected 40 pupils on a register, found ${providers[0]!.placementIds.length}`);

    // Fresh submissions: each operation is a session no one has returned yet (provider × day × am/pm).
    const fresh = FRESH_DATES.flatMap((date) =>
      (['am', 'pm'] as const).flatMap((session) =>
        providers.map((provider) => ({ provider, date, session })),
      ),
    );
    const body = (placementIds: string[], date: string, session: 'am' | 'pm') => ({
      date,
      session,
      marks: placementIds.map((placementId, i) =>
        i % 13 === 0
          ? { placementId, mark: 'absent', reason: 'illness' }
          : { placementId, mark: i % 11 === 0 ? 'late' : 'present' },
      ),
    });
    const submit = (i: number) => {
      const { provider, date, session } = fresh[i]!;
      return postJson(
        base,
        provider.session,
        '/api/portal/register',
        body(provider.placementIds, date, session),
      );
    };
    const officer = await signIn(base, attendanceOfficerEmail);
    const admin = await signIn(base, 'admin@northway.example');
    const schoolId = trust.firstSchoolId;

    const rows: Figures[] = [];
    rows.push(
      // One provider on its own, as at most hours of the day: fresh sessions 600 to 699.
      await measure('HTTP: one provider submits a 40-pupil register, nothing else running', 100, 1, (i) =>
        submit(600 + i),
      ),
      await measure('HTTP: provider submits a 40-pupil register (new marks)', 600, 8, (i) => submit(i)),
      await measure('HTTP: the same register submitted again (idempotent retry)', 600, 8, (i) => submit(i)),
      await measure('SQL: insert 40 marks in one statement', 600, 8, (i) => {
        const { provider, session } = fresh[i]!;
        // Dates no one uses, so each insert writes 40 new rows like the fresh submission.
        const date = new Date(Date.UTC(2031, 0, 1 + i)).toISOString().slice(0, 10);
        return sql.query(
          `insert into attendance_marks (group_id, school_id, provider_id, placement_id, pupil_id, date, session,
                                         mark, code, source, recorded_by, recorded_by_name, recorded_at)
           select group_id, school_id, provider_id, id, pupil_id, $2, $3, 'present', 'B', 'portal', created_by, 'SQL', now()
             from placements where id = any($1::uuid[])`,
          [provider.placementIds, date, session],
        );
      }),
    );
    rows.push(
      await measure('HTTP: the board, one officer on their own', 200, 1, () =>
        getJson(base, officer, `/api/attendance/board?date=${BOARD_DATE}`),
      ),
      await measure('HTTP: attendance officer’s board for one school (50 pupils)', 1_000, 8, () =>
        getJson(base, officer, `/api/attendance/board?date=${BOARD_DATE}`),
      ),
      await measure('SQL: expected placements of one school with the day’s marks', 1_000, 8, () =>
        sql.query(
          `select p.id, p.sessions, pu.legal_first_name, pu.legal_last_name, pr.name, m.session, m.mark, m.code
             from placements p
             join pupils pu on pu.id = p.pupil_id
             join providers pr on pr.id = p.provider_id
             left join attendance_marks m on m.placement_id = p.id and m.date = $2
            where p.school_id = $1 and p.status = 'active' and p.starts_on <= $2
              and (p.planned_end_on is null or p.planned_end_on >= $2)`,
          [schoolId, BOARD_DATE],
        ),
      ),
    );
    rows.push(
      await measure('HTTP: a year’s rates for one school, by placement', 300, 8, () =>
        getJson(base, officer, `/api/attendance/rates?from=${YEAR.from}&to=${YEAR.to}&by=placement`),
      ),
      await measure('SQL: a year’s codes for one school counted by placement', 300, 8, () =>
        sql.query(
          `select placement_id, code, count(*) from attendance_marks
            where school_id = $1 and date between $2 and $3 group by 1, 2`,
          [schoolId, YEAR.from, YEAR.to],
        ),
      ),
      await measure('HTTP: a year’s rates for the whole trust, by school', 100, 2, () =>
        getJson(base, admin, `/api/attendance/rates?from=${YEAR.from}&to=${YEAR.to}&by=school`),
      ),
      await measure('SQL: the same year’s codes by school from the kept monthly counts', 100, 2, () =>
        sql.query(
          `select school_id, code, sum(count) from attendance_month_counts
            where group_id = (select group_id from schools where id = $1) and month between $2 and $3
            group by 1, 2`,
          [schoolId, YEAR.from, YEAR.to],
        ),
      ),
      await measure(`HTTP: the trust’s rates by school from ${YEAR.from} to ${PART_YEAR_TO}`, 100, 2, () =>
        getJson(base, admin, `/api/attendance/rates?from=${YEAR.from}&to=${PART_YEAR_TO}&by=school`),
      ),
      await measure('SQL: a year’s codes for the whole trust counted by school', 10, 2, () =>
        sql.query(
          `select school_id, code, count(*) from attendance_marks
            where group_id = (select group_id from schools where id = $1) and date between $2 and $3
            group by 1, 2`,
          [schoolId, YEAR.from, YEAR.to],
        ),
      ),
    );
    // Issue 8's oversight paths on the same trust: the board and the group governors' report.
    const groupId = (await getJson<{ group: { id: string } }>(base, admin, '/api/organisation')).group.id;
    const report = `/api/reports/governors?scope=group&id=${groupId}&academicYear=2026/27&term=autumn`;
    rows.push(
      await measure('HTTP: what is due, the attendance officer of one school', 300, 8, () =>
        getJson(base, officer, '/api/obligations'),
      ),
      await measure('HTTP: what is due, an administrator of the whole group (60 schools)', 20, 2, () =>
        getJson(base, admin, '/api/obligations'),
      ),
      await measure('HTTP: group governors’ report, autumn term (data)', 10, 1, () =>
        getJson(base, admin, report),
      ),
      await measure('HTTP: group governors’ report, autumn term (PDF)', 10, 1, async () => {
        const response = await fetch(`${base}${report.replace('/governors?', '/governors.pdf?')}`, {
          headers: { cookie: admin.cookie },
        });
        if (!response.ok) throw new Error(`report PDF: ${response.status}`);
        await response.arrayBuffer();
      }),
    );
    // Issue 10: early warnings (read afresh on each request) and a school's inspection pack.
    const pack = `/api/inspection-pack?school=${schoolId}`;
    rows.push(
      await measure('HTTP: early warnings, the attendance officer of one school', 100, 4, () =>
        getJson(base, officer, '/api/warnings'),
      ),
      await measure('HTTP: early warnings, an administrator of the whole group (60 schools)', 10, 1, () =>
        getJson(base, admin, '/api/warnings'),
      ),
      await measure('HTTP: a school’s inspection pack (data)', 20, 1, () => getJson(base, admin, pack)),
    );
    for (const format of ['pdf', 'xlsx'])
      rows.push(
        await measure(`HTTP: a school’s inspection pack (${format.toUpperCase()})`, 10, 1, async () => {
          const response = await fetch(`${base}${pack.replace('?', `/${format}?`)}`, {
            headers: { cookie: admin.cookie },
          });
          if (!response.ok) throw new Error(`pack ${format}: ${response.status}`);
          await response.arrayBuffer();
        }),
      );
    await sql.end();
    return { trust, rows };
  } finally {
    await server.stop();
  }
}

export const attendanceBenchNote = `Marks seeded up to ${MARKS_UNTIL}; board on ${BOARD_DATE}; rates for ${YEAR.from} to ${YEAR.to}.`;
