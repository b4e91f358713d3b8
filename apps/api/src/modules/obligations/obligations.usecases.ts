/**
 * Collects the obligations each capability creates, for the signed-in person: only the kinds their
 * roles let them see, only at the schools in their reach. Each capability declares its duties in its
 * own `<feature>.duties.ts`, reading its own tables and its neighbours' front doors; the domain orders
 * them (packages/domain/src/obligations).
 */
import { arrangeObligations, type BoardView, type Obligation } from '@waymark/domain';
import { type Actor, hasPermission, reachOf } from '../../lib/actor.ts';
import type { Reading } from '../../lib/use-case.ts';
import { calls, interventions } from '../attendance/attendance.duties.ts';
import { incidentWork } from '../incidents/incidents.duties.ts';
import { schoolsInReachOf } from '../organisation/organisation.repository.ts';
import {
  ehcpReviews,
  offRollPlacements,
  placementWork,
  referralChecks,
} from '../placements/placements.duties.ts';
import { policy } from '../policy/policy.duties.ts';
import { providerApprovals, renewals } from '../providers/providers.duties.ts';
import { qa } from '../qa/qa.duties.ts';
import { governorsReports } from '../reports/reports.duties.ts';
import { training } from '../training/training.duties.ts';
import { voice } from '../voice/voice.duties.ts';
import type { Collector } from './collect.ts';

/** Which collectors a person's permissions open; each only looks within their reach. */
const collectors: { when: (actor: Actor) => boolean; collect: Collector }[] = [
  { when: (a) => hasPermission(a, 'providers.manage'), collect: renewals },
  {
    when: (a) => hasPermission(a, 'providers.approve') || hasPermission(a, 'providers.manage'),
    collect: providerApprovals,
  },
  { when: (a) => hasPermission(a, 'placements.manage'), collect: placementWork },
  { when: (a) => hasPermission(a, 'placements.manage'), collect: ehcpReviews },
  { when: (a) => hasPermission(a, 'placements.manage'), collect: referralChecks },
  { when: (a) => hasPermission(a, 'placements.manage'), collect: offRollPlacements },
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
  { when: (a) => hasPermission(a, 'providers.approve'), collect: governorsReports },
];

export async function whatIsDue({
  db,
  actor,
  today,
  view = {},
}: Reading & { today: string; view?: BoardView }) {
  // The collectors read different tables, so they ask at once rather than one after another.
  const found: Obligation[] = (
    await Promise.all(collectors.filter((c) => c.when(actor)).map((c) => c.collect(db, actor, today)))
  ).flat();
  // Everyone who looks after more than one school sees each of them counted, nothing due or not.
  const inReach = await schoolsInReachOf(db, actor, reachOf(actor, 'placements.read'));
  return arrangeObligations(found, today, {
    ...view,
    schools: inReach.length > 1 ? inReach : [],
    // Staff of one school see its duties and the group's among them, not a row "across the group".
    groupRow: inReach.length > 1 || inReach.length === 0,
    roles: actor.assignments.map((a) => a.role),
  });
}
