/** A pupil placed and started through the API, as an AP lead would: the setup many API tests share. */

import type { TestClient } from './http-client.ts';
import { pupilBody } from './pupil-builders.ts';

/** Creates the pupil, refers, plans (Mondays from 12 January 2026) and starts; returns both ids. */
export async function activePlacement(
  lead: TestClient,
  {
    schoolId,
    providerId,
    pupil = {},
    plan = {},
  }: {
    schoolId: string;
    providerId: string;
    pupil?: Record<string, unknown>;
    plan?: Record<string, unknown>;
  },
) {
  const pupilId = (await lead.post('/api/pupils', pupilBody(schoolId, pupil))).json().id as string;
  const placementId = (
    await lead.post('/api/placements', { pupilId, providerId, type: 'commissioned_ap', reason: 'Vocational' })
  ).json().id as string;
  await lead.put(`/api/placements/${placementId}/plan`, {
    version: 1,
    reason: 'Vocational',
    startsOn: '2026-01-12',
    plannedEndOn: '2026-03-27',
    agreement: {
      discussedOn: '2026-01-08',
      withWhom: 'The pupil and a parent',
      how: 'Meeting',
      agreed: true,
    },
    objectives: [{ id: 'o1', text: 'Attend every morning', timeline: 'Spring', successCriteria: '95%' }],
    reintegrationTargets: [{ id: 'r1', text: 'Maths at school', timeline: 'Summer', post16Link: 'College' }],
    sessions: [{ day: 'mon', session: 'am', hours: 3 }],
    ...plan,
  });
  await lead.post(`/api/placements/${placementId}/send-referral`);
  const started = await lead.post(`/api/placements/${placementId}/start`);
  if (started.json().status !== 'active') throw new Error(`The placement did not start: ${started.body}`);
  return { pupilId, placementId };
}
