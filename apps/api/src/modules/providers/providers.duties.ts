/** Provider duties on the board: evidence to renew, approvals to sign off, letters due after a change of leads. */
import {
  providerLetterAfterChangeObligations,
  providerRenewalObligations,
  providerSignOffObligations,
} from '@waymark/domain';
import { hasPermission } from '../../lib/actor.ts';
import type { Collector } from '../obligations/collect.ts';
import { listProviders } from './providers.usecases.ts';
import { expiringEvidence } from './renewals.ts';

export const renewals: Collector = async (db, actor, today) =>
  providerRenewalObligations(await expiringEvidence(db, actor.groupId, today), today);

export const providerApprovals: Collector = async (db, actor, today) =>
  (await listProviders({ db, actor, filters: { sort: 'name' }, today })).providers.flatMap((p) => {
    const facts = { id: p.id, name: p.name, status: p.status, ...p.approval };
    return [
      ...(hasPermission(actor, 'providers.approve') ? providerSignOffObligations(facts, today) : []),
      ...(hasPermission(actor, 'providers.manage') ? providerLetterAfterChangeObligations(facts) : []),
    ];
  });
