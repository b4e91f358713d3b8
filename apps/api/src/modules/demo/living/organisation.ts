/**
 * Chapter 1: the trust is set up as a new customer would set it up. `trust:create` makes the trust and
 * its administrator; the administrator adds the regions, the schools with last year's and this year's
 * term dates, and the people, each with their role where they work.
 */
import { addDays, policyVersionSchema, secondFactorRequiredFor, seedPolicyVersion } from '@waymark/domain';
import { replaceTermDatesBodySchema } from '@waymark/domain/contracts/calendar';
import { regionBodySchema, schoolBodySchema } from '@waymark/domain/contracts/organisation';
import { createUserBodySchema } from '@waymark/domain/contracts/users';
import { replaceTermDates } from '../../calendar/calendar.usecases.ts';
import { createTrust } from '../../organisation/create-trust.ts';
import { createRegion, createSchool } from '../../organisation/organisation.usecases.ts';
import { recordPolicyVersion } from '../../policy/policy.usecases.ts';
import { enrolWithKnownKey } from '../../second-factor/seeded-enrolment.ts';
import { createUser } from '../../users/users.usecases.ts';
import { demoTermDatesAround, demoYearStart } from '../demo-calendar.ts';
import { DEMO_AUTHENTICATOR_KEY, DEMO_GROUP_NAME, DEMO_PASSWORD } from '../demo-trust.ts';
import { type DemoPerson, livingAdmin, livingRegions, livingSchoolPeople, livingSchools } from './trust.ts';
import { actorOf, asEntered, type DemoWorld, idOf, loadActor, londonInstant } from './world.ts';

export async function setUpTrust(world: DemoWorld) {
  const trust = await createTrust(world.db, {
    trustName: DEMO_GROUP_NAME,
    adminEmail: livingAdmin.email,
    adminName: livingAdmin.displayName,
    adminPassword: DEMO_PASSWORD,
  });
  world.ids.set('group', trust.groupId);
  const admin = await loadActor(world, { id: trust.adminId, ...livingAdmin });
  await useDemoAuthenticator(world, admin.userId, ['trust_admin']);

  const command = { db: world.db, actor: admin, ipAddress: null };
  for (const name of livingRegions) {
    const region = await createRegion({ ...command, ...asEntered(regionBodySchema, { name }) });
    world.ids.set(name, region.id);
  }
  const years = demoTermDatesAround(world.today);
  for (const { key, region, ...school } of livingSchools) {
    const input = asEntered(schoolBodySchema, { ...school, regionId: idOf(world, region) });
    const made = await createSchool({ ...command, input });
    world.ids.set(key, made.id);
    for (const year of years) {
      const academicYear = year.halfTerms[0]!.academicYear;
      const body = asEntered(replaceTermDatesBodySchema, { academicYear, ...year });
      await replaceTermDates({ ...command, schoolId: made.id, ...body });
    }
  }
  for (const person of livingSchoolPeople) await addPerson(world, person);

  // The trust's AP policy as adopted at the start of last school year; its annual review is now due.
  const lastYearStart = demoYearStart(addDays(demoYearStart(world.today), -1));
  const policy = asEntered(policyVersionSchema, {
    ...seedPolicyVersion,
    issuedOn: lastYearStart,
    nextReviewOn: addDays(demoYearStart(world.today), 30),
  });
  await recordPolicyVersion({ ...command, now: londonInstant(lastYearStart, '12:00') }, policy);
}

/** The administrator adds someone with their role, as on the Users page. */
export async function addPerson(world: DemoWorld, person: DemoPerson) {
  const admin = actorOf(world, livingAdmin.email);
  const input = asEntered(createUserBodySchema, {
    email: person.email,
    displayName: person.displayName,
    password: DEMO_PASSWORD,
    assignments: [{ role: person.role, scopeType: person.scopeType, scopeId: idOf(world, person.scope) }],
  });
  const user = await createUser({ db: world.db, actor: admin, ipAddress: null, input });
  await loadActor(world, { id: user.id, email: person.email, displayName: person.displayName });
  await useDemoAuthenticator(world, user.id, [person.role]);
}

/**
 * The one record the demo writes itself: a real enrolment draws a new random key, but every demo
 * account that needs a second factor shares the key the README prints, already confirmed.
 */
async function useDemoAuthenticator(world: DemoWorld, userId: string, roles: DemoPerson['role'][]) {
  if (!secondFactorRequiredFor(roles)) return;
  await enrolWithKnownKey(world.db, { userId, secret: DEMO_AUTHENTICATOR_KEY, at: world.now });
}
