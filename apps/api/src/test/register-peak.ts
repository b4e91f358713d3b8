/**
 * The 9:30 attendance peak under load (autocannon): many provider staff, each signed in with their own
 * session, submitting their registers at once over real HTTP. Used at a CI-sized scale by a test and at
 * full size (200 people) by bench/. The school, providers, placements and people are set up through the
 * API, as the AP lead, headteacher and providers would.
 */
import autocannon from 'autocannon';
import { buildTrust, buildUser } from './builders.ts';
import { signedInClient, type TestClient } from './http-client.ts';
import { activePlacement } from './placement-builders.ts';
import { approvedProvider } from './provider-builders.ts';
import { upnFor } from './pupil-builders.ts';
import type { TestApp } from './test-app.ts';

interface Submitter {
  /** How many times this person has submitted so far in the run. */
  turns: number;
  cookie: string;
  csrf: string;
  placementIds: string[];
}

export interface PeakFigures {
  people: number;
  connections: number;
  seconds: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  requestsPerSecond: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
}

export async function setUpRegisterPeak(
  t: TestApp,
  {
    providers,
    staffPerProvider,
    pupilsPerProvider,
  }: { providers: number; staffPerProvider: number; pupilsPerProvider: number },
): Promise<Submitter[]> {
  const trust = await buildTrust(t.database.db);
  const user = async (role: 'ap_lead' | 'headteacher') =>
    signedInClient(
      t.app,
      (
        await buildUser(t.database.db, {
          groupId: trust.group.id,
          roles: [{ role, scopeType: 'school', scopeId: trust.schoolA.id }],
        })
      ).email,
    );
  const lead = await user('ap_lead');
  const head = await user('headteacher');
  const submitters: Submitter[] = [];
  let pupilNumber = 1;
  for (let p = 0; p < providers; p++) {
    const providerId = await approvedProvider(lead, head, { name: `Peak Provider ${p + 1}` });
    const placementIds: string[] = [];
    for (let i = 0; i < pupilsPerProvider; i++) {
      const { placementId } = await activePlacement(lead, {
        schoolId: trust.schoolA.id,
        providerId,
        pupil: { upn: upnFor(pupilNumber++), uln: '', legalFirstName: `Pupil${pupilNumber}` },
        plan: {
          sessions: [
            { day: 'mon', session: 'am', hours: 3 },
            { day: 'mon', session: 'pm', hours: 2 },
          ],
        },
      });
      placementIds.push(placementId);
    }
    for (let s = 0; s < staffPerProvider; s++) {
      const staff = await buildUser(t.database.db, {
        groupId: trust.group.id,
        roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
      });
      const client: TestClient = await signedInClient(t.app, staff.email);
      submitters.push({
        turns: 0,
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        csrf: client.cookies.get('waymark_csrf')!,
        placementIds,
      });
    }
  }
  return submitters;
}

/**
 * Provider staff submitting their registers for Monday 12 January, morning and afternoon in turn,
 * present or late: the first submission records the marks, later ones are the retries and corrections
 * a busy morning brings, colleagues at one provider racing each other over the same pupils.
 */
export async function runRegisterPeak(
  url: string,
  submitters: Submitter[],
  { seconds }: { seconds: number },
): Promise<PeakFigures> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: submitters.length,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/portal/register',
        // autocannon starts each connection's context afresh for every request, so who is next and
        // which turn it is are counted here.
        setupRequest: (request) => {
          const who = submitters[next++ % submitters.length]!;
          who.turns += 1;
          const turn = who.turns;
          return {
            ...request,
            headers: { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrf },
            body: JSON.stringify({
              date: '2026-01-12',
              session: turn % 2 ? 'am' : 'pm',
              marks: who.placementIds.map((placementId) => ({
                placementId,
                mark: turn % 4 < 2 ? 'present' : 'late',
                // Colleagues at the same provider may have marked first: a change always gives its reason.
                correctionReason: 'Register corrected by the provider',
              })),
            }),
          };
        },
      },
    ],
  });
  return {
    people: submitters.length,
    connections: submitters.length,
    seconds,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
  };
}
