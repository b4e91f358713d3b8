/** The group's provider directory (policy §6.1, Appendix 1 header). */
import type { ProviderInput } from '@waymark/domain';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { diff, recordAudit } from '../../lib/audit-log.ts';
import { providersErrors } from './providers.errors.ts';
import { presentProvider, presentRegistration } from './providers.presenter.ts';
import { createProvidersRepository } from './providers.repository.ts';
import type { ProviderStatus } from './providers.schemas.ts';
import type { providers } from './providers.table.ts';

type Command = { db: Database; actor: Actor; ipAddress: string | null };

const statusOrder: ProviderStatus[] = ['draft', 'under_audit', 'awaiting_letter'];

/** The directory form's shape, flattened onto the table's columns. */
function toColumns(input: ProviderInput): Omit<typeof providers.$inferInsert, 'groupId'> {
  const { dsl, deputyDsl, ...rest } = input;
  return {
    ...rest,
    dslName: dsl?.name ?? null,
    dslTrainingDetails: dsl?.trainingDetails ?? null,
    dslTrainedOn: dsl?.trainedOn ?? null,
    deputyDslName: deputyDsl?.name ?? null,
    deputyDslTrainingDetails: deputyDsl?.trainingDetails ?? null,
    deputyDslTrainedOn: deputyDsl?.trainedOn ?? null,
  };
}

export async function listProviders({
  db,
  actor,
  filters,
}: {
  db: Database;
  actor: Actor;
  filters: {
    search?: string | undefined;
    settingType?: string | undefined;
    status?: ProviderStatus | undefined;
    sort: 'name' | 'updated' | 'status';
  };
}) {
  const repository = createProvidersRepository({ db });
  const rows = await repository.list(actor.groupId, filters, filters.sort === 'updated' ? 'updated' : 'name');
  const audits = await repository.lastAudits(rows.map((r) => r.id));
  // Status is derived from several records, so it is filtered and sorted here; the group scope is in SQL.
  let views = rows.map((row) => presentProvider(row, audits.get(row.id) ?? null));
  if (filters.status) views = views.filter((v) => v.status === filters.status);
  if (filters.sort === 'status')
    views.sort(
      (a, b) => statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status) || a.name.localeCompare(b.name),
    );
  return { providers: views };
}

export async function getProvider({
  db,
  actor,
  providerId,
}: {
  db: Database;
  actor: Actor;
  providerId: string;
}) {
  const repository = createProvidersRepository({ db });
  const provider = await repository.find(actor.groupId, providerId);
  if (!provider) throw providersErrors.notFound();
  const audits = await repository.lastAudits([provider.id]);
  return presentProvider(provider, audits.get(provider.id) ?? null);
}

export async function createProvider({ db, actor, ipAddress, input }: Command & { input: ProviderInput }) {
  const providerId = await db.transaction(async (tx) => {
    const repository = createProvidersRepository({ db: tx });
    if (await repository.nameTaken(actor.groupId, input.name)) throw providersErrors.duplicateName();
    const provider = await repository.insert({ groupId: actor.groupId, ...toColumns(input) });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'providers.created',
        recordType: 'provider',
        recordId: provider.id,
        summary: `Added ${provider.name} to the provider directory`,
      },
    );
    return provider.id;
  });
  return getProvider({ db, actor, providerId });
}

export async function updateProvider({
  db,
  actor,
  ipAddress,
  providerId,
  input,
}: Command & { providerId: string; input: ProviderInput }) {
  await db.transaction(async (tx) => {
    const repository = createProvidersRepository({ db: tx });
    const before = await repository.find(actor.groupId, providerId);
    if (!before) throw providersErrors.notFound();
    if (await repository.nameTaken(actor.groupId, input.name, providerId))
      throw providersErrors.duplicateName();
    const columns = toColumns(input);
    await repository.update(providerId, columns);
    const changed = diff(before, columns);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'providers.updated',
        recordType: 'provider',
        recordId: providerId,
        summary: `Updated ${input.name}: ${Object.keys(changed).join(', ') || 'no change'}`,
        changes: changed,
      },
    );
  });
  return getProvider({ db, actor, providerId });
}

/** Records the counts an auditor found for the registration test (until placements supply them). */
export async function recordRegistrationCheck({
  db,
  actor,
  ipAddress,
  providerId,
  counts,
  today,
}: Command & {
  providerId: string;
  counts: { fullTimePupils: number; fullTimePupilsLookedAfterOrEhcp: number };
  today: string;
}) {
  await db.transaction(async (tx) => {
    const repository = createProvidersRepository({ db: tx });
    const provider = await repository.find(actor.groupId, providerId);
    if (!provider) throw providersErrors.notFound();
    await repository.update(providerId, {
      registrationFullTimePupils: counts.fullTimePupils,
      registrationFullTimeLookedAfterOrEhcp: counts.fullTimePupilsLookedAfterOrEhcp,
      registrationCheckedOn: today,
    });
    const finding = presentRegistration({
      ...provider,
      registrationFullTimePupils: counts.fullTimePupils,
      registrationFullTimeLookedAfterOrEhcp: counts.fullTimePupilsLookedAfterOrEhcp,
    })!;
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: finding.alarm ? 'providers.registration_alarm' : 'providers.registration_checked',
        recordType: 'provider',
        recordId: providerId,
        summary: `Registration test for ${provider.name}: ${finding.reason}`,
      },
    );
  });
  return getProvider({ db, actor, providerId });
}
