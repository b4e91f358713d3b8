/**
 * A trust the size of a large multi-academy trust, added beside the demo trust's data in the same
 * group: 60 schools, 75 providers, 3,000 pupils each placed once a year for five academic years
 * (15,000 placements, the current year's 3,000 active) and every session mark of those five years;
 * or any smaller size (one school's, for the embedded database).
 *
 * Written as set-based SQL straight into the database (the use cases would take hours for six
 * million marks); the shapes match what the use cases write, and the benchmark then reads and writes
 * through the real server only.
 */
import pg from 'pg';

/** How large a synthetic trust is; `years` of history, the last of them the current one (2026/27). */
export interface TrustSize {
  schools: number;
  providers: number;
  pupils: number;
  years: number;
}

export const LARGE_TRUST: TrustSize = { schools: 60, providers: 75, pupils: 3_000, years: 5 };
export const PROVIDERS = LARGE_TRUST.providers;

/** What the seeding needs of a connection: pg's Client and PGlite both answer it. */
export interface Queryable {
  query(
    text: string,
    params?: unknown[],
  ): Promise<{ rows: Record<string, unknown>[]; rowCount?: number | null; affectedRows?: number }>;
}
/** Marks are written up to this date; the school days after it are left for the benchmark to submit. */
export const MARKS_UNTIL = '2026-11-13';

export const providerUserEmail = (n: number) => `staff@provider-${String(n).padStart(2, '0')}.bench.example`;
export const attendanceOfficerEmail = 'attendance@school-01.bench.example';

export interface SyntheticTrust {
  marks: number;
  placements: number;
  firstSchoolId: string;
  seconds: number;
}

/** Seeds a PostgreSQL server's database (by its URL) or an open connection (PGlite, say). */
export async function addSyntheticTrust(
  target: string | Queryable,
  { schools: SCHOOLS, providers: PROVIDERS, pupils: PUPILS, years: YEARS }: TrustSize = LARGE_TRUST,
): Promise<SyntheticTrust> {
  const started = Date.now();
  const own = typeof target === 'string' ? new pg.Client({ connectionString: target }) : null;
  if (own) await own.connect();
  const client: Queryable = own ?? (target as Queryable);
  try {
    await client.query('set synchronous_commit = off');
    await client.query('begin');
    const { rows: demo } = await client.query(`
      select g.id as group_id, s.region_id, s.id as school_id, u.id as admin_id,
             (select password_hash from users where email = 'staff@bridges.example') as password_hash
        from groups g join schools s on s.group_id = g.id and s.name like 'Riverside%'
        join users u on u.group_id = g.id and u.email = 'admin@northway.example'`);
    const { group_id, region_id, school_id, admin_id, password_hash } = demo[0]!;
    const params = [group_id, region_id];

    await client.query(
      `insert into schools (group_id, region_id, name, urn)
       select $1, $2, 'Bench School ' || lpad(n::text, 2, '0'), (200000 + n)::text
         from generate_series(1, ${SCHOOLS}) n`,
      params,
    );
    // Every school keeps the demo school's term dates and INSET days.
    await client.query(
      `insert into half_terms (school_id, academic_year, term, half, starts_on, ends_on)
       select s.id, h.academic_year, h.term, h.half, h.starts_on, h.ends_on
         from schools s cross join half_terms h
        where s.name like 'Bench School%' and h.school_id = $1`,
      [school_id],
    );
    await client.query(
      `insert into closure_days (school_id, academic_year, date, kind, note)
       select s.id, c.academic_year, c.date, c.kind, c.note
         from schools s cross join closure_days c
        where s.name like 'Bench School%' and c.school_id = $1`,
      [school_id],
    );
    await client.query(
      `insert into providers (group_id, name, setting_type, town)
       select $1, 'Bench Provider ' || lpad(n::text, 2, '0'), 'unregistered', 'Northway'
         from generate_series(1, ${PROVIDERS}) n`,
      [group_id],
    );
    // One member of staff per provider, with the demo password, and an attendance officer at school 1.
    await client.query(
      `with staff as (
         insert into users (group_id, email, display_name, password_hash)
         select $1, 'staff@provider-' || lpad(n::text, 2, '0') || '.bench.example', 'Bench staff ' || n, $2
           from generate_series(1, ${PROVIDERS}) n
         returning id, email)
       insert into role_assignments (user_id, role, scope_type, scope_id)
       select staff.id, 'provider_staff', 'provider', p.id
         from staff join providers p
           on p.name = 'Bench Provider ' || substring(staff.email from 'provider-([0-9]+)')`,
      [group_id, password_hash],
    );
    await client.query(
      `with officer as (
         insert into users (group_id, email, display_name, password_hash)
         values ($1, '${attendanceOfficerEmail}', 'Bench attendance officer', $2) returning id)
       insert into role_assignments (user_id, role, scope_type, scope_id)
       select officer.id, 'attendance_officer', 'school', s.id
         from officer, schools s where s.name = 'Bench School 01'`,
      [group_id, password_hash],
    );
    // Pupil i is at school ceil(i / (pupils / schools)) and placed with provider (i mod providers) + 1:
    // on the large trust each school has 50 pupils across many providers, each provider 40 pupils from
    // many schools.
    await client.query(
      `insert into pupils (group_id, school_id, upn, legal_first_name, legal_last_name, date_of_birth, sex, sen_status)
       select $1, s.id, 'B' || lpad(i::text, 12, '0'),
              (array['Amara','Ben','Chloe','Dylan','Ella','Finn','Grace','Harvey','Isla','Jayden'])[1 + i % 10],
              'Pupil' || lpad(i::text, 4, '0'),
              date '2011-09-01' + (i % 700), (array['M','F'])[1 + i % 2],
              (array['none','sen_support','ehcp'])[1 + i % 3]
         from generate_series(1, ${PUPILS}) i
         join schools s on s.name = 'Bench School ' || lpad((1 + (i - 1) / ${PUPILS / SCHOOLS})::text, 2, '0')`,
      [group_id],
    );
    // One placement per pupil per academic year; the earlier ones ended, the current one active.
    const fullWeek = JSON.stringify(
      ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((day) => [
        { day, session: 'am', hours: 3 },
        { day, session: 'pm', hours: 2.5 },
      ]),
    );
    await client.query(
      `insert into placements (group_id, school_id, pupil_id, provider_id, type, status, reason,
                               starts_on, planned_end_on, ended_on, sessions, created_by)
       select $1, pu.school_id, pu.id, pr.id, 'commissioned_ap',
              case when y = 2026 then 'active' else 'ended' end,
              'Synthetic placement for the benchmark',
              make_date(y, 9, 1), make_date(y + 1, 7, 20),
              case when y = 2026 then null else make_date(y + 1, 7, 20) end,
              $2::jsonb, $3
         from pupils pu
         join providers pr
           on pr.name = 'Bench Provider ' || lpad((1 + substring(pu.upn from 2)::bigint % ${PROVIDERS})::text, 2, '0')
        cross join generate_series(${2026 - YEARS + 1}, 2026) y
        where pu.group_id = $1 and pu.upn like 'B%'`,
      [group_id, fullWeek, admin_id],
    );
    // Every weekday from September to July of each placement: mostly present, some late, some absent.
    const marks = await client.query(
      `insert into attendance_marks (group_id, school_id, provider_id, placement_id, pupil_id, date, session,
                                     mark, reason, code, late, source, recorded_by, recorded_by_name, recorded_at)
       select p.group_id, p.school_id, p.provider_id, p.id, p.pupil_id, d::date, s.session,
              case when r < 0.90 then 'present' when r < 0.94 then 'late' else 'absent' end,
              case when r < 0.94 then null when r < 0.97 then 'illness' else 'unknown' end,
              case when r < 0.94 then 'B' when r < 0.97 then 'I' else 'N' end,
              r > 0.985, 'portal', $1, 'Bench staff', d::date + time '09:30'
         from placements p
        cross join generate_series(p.starts_on, least(p.planned_end_on, date '${MARKS_UNTIL}'), interval '1 day') d
        cross join (values ('am'), ('pm')) s(session)
        -- referring to the row keeps the draw per session (no caching of the subquery)
        cross join lateral (select random() + 0 * extract(epoch from d) + 0 * length(s.session) as r) rnd
        where p.reason = 'Synthetic placement for the benchmark'
          and extract(isodow from d) < 6 and extract(month from d) <> 8`,
      [admin_id],
    );
    await client.query('commit');
    await client.query('analyze');
    const { rows: first } = await client.query(`select id from schools where name = 'Bench School 01'`);
    const { rows: count } = await client.query(`select count(*)::int as n from placements`);
    return {
      marks: marks.rowCount ?? marks.affectedRows ?? 0,
      placements: count[0]!.n as number,
      firstSchoolId: first[0]!.id as string,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await own?.end();
  }
}
