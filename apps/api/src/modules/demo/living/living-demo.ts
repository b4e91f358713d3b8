/**
 * The living demo: Northway Learning Trust in a school year in progress on the day Waymark starts,
 * built chapter by chapter through Waymark's own use cases (decision 0021). All of it is made in one
 * transaction, so a start that fails leaves nothing half-built, and under an advisory lock, so two
 * processes started together make it once.
 */
import { todayInLondon } from '@waymark/domain';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { createOrganisationRepository } from '../../organisation/organisation.repository.ts';
import { DEMO_GROUP_NAME, DEMO_PASSWORD } from '../demo-trust.ts';
import type { DemoSignIn } from '../print-sign-ins.ts';
import { planAttendance } from './attendance.ts';
import { setUpTrust } from './organisation.ts';
import { planPlacements } from './placements.ts';
import { planProviderContact } from './provider-contact.ts';
import { livingProviders } from './provider-directory.ts';
import { livingProviderPeople, planProviderDirectory } from './providers.ts';
import { planPupils } from './pupils.ts';
import { planQaVisits } from './qa-visits.ts';
import { planConcerns } from './safeguarding.ts';
import { planStaffAndBudgets } from './staff-and-budgets.ts';
import { livingAdmin, livingSchoolPeople, livingSchools } from './trust.ts';
import { planVoiceAndProgress } from './voice-and-progress.ts';
import { type DemoWorld, playTimeline, seededRandom } from './world.ts';

/** The advisory lock that makes seeding safe when several processes start at once. */
const LIVING_DEMO_LOCK = 727_102;
/** The same seed gives the same trust: names, patterns of attendance and concerns. */
export const LIVING_DEMO_SEED = 20_260_901;

export async function seedLivingDemo(
  db: Database,
  now: Date,
  /** Where Waymark is reached: the links in the emails the demo's events send. */
  publicUrl = 'http://localhost:3000',
): Promise<{ created: boolean; signIns: DemoSignIn[] }> {
  const signIns = livingSignIns();
  if (await createOrganisationRepository({ db }).findGroupByName(DEMO_GROUP_NAME))
    return { created: false, signIns };
  const created = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LIVING_DEMO_LOCK})`);
    if (await createOrganisationRepository({ db: tx }).findGroupByName(DEMO_GROUP_NAME)) return false;
    const world: DemoWorld = {
      db: tx,
      today: todayInLondon(now),
      now,
      publicUrl,
      ids: new Map(),
      actors: new Map(),
      random: seededRandom(LIVING_DEMO_SEED),
      timeline: [],
    };
    await setUpTrust(world);
    planProviderDirectory(world);
    planPupils(world);
    planPlacements(world);
    planQaVisits(world);
    planAttendance(world);
    planConcerns(world);
    planProviderContact(world);
    planVoiceAndProgress(world);
    planStaffAndBudgets(world);
    await playTimeline(world);
    return true;
  });
  return { created, signIns };
}

/** Everyone in the demo, with where they work, for the console at start. */
function livingSignIns(): DemoSignIn[] {
  const where = (scope: string) =>
    scope === 'group'
      ? DEMO_GROUP_NAME
      : (livingSchools.find((s) => s.key === scope)?.name ??
        livingProviders.find((p) => p.key === scope)?.details.name ??
        scope);
  return [
    { ...livingAdmin, role: 'trust_admin', scope: 'group' },
    ...livingSchoolPeople,
    ...livingProviderPeople,
  ].map((person) => ({
    email: person.email,
    password: DEMO_PASSWORD,
    role: person.role,
    where: where(person.scope),
  }));
}
