/** The group's provider directory (policy §6.1, Appendix 1 header). */
import { type ProviderInput, type ProviderStatus, providerStatuses } from '@waymark/domain';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { diff, recordAudit } from '../../lib/audit-log.ts';
import type { Reading } from '../../lib/use-case.ts';
import { evaluateProviders } from './approval-facts.ts';
import { liveRegistrationCounts } from './live-registration.ts';
import { providersErrors } from './providers.errors.ts';
import { presentProvider, presentRegistration } from './providers.presenter.ts';
import { createProvidersRepository } from './providers.repository.ts';
import type { providers } from './providers.table.ts';

type Command = { db: Database; actor: Actor; ipAddress: string | null; today: string };

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
  today,
}: {
  db: Database;
  actor: Actor;
  filters: {
    search?: string | undefined;
    settingType?: string | undefined;
    status?: ProviderStatus | undefined;
    sort: 'name' | 'updated' | 'status';
  };
  today: string;
}) {
  const rows = await createProvidersRepository({ db }).list(
    actor.groupId,
    filters,
    filters.sort === 'updated' ? 'updated' : 'name',
  );
  const evaluations = await evaluateProviders(db, rows, today);
  // Status is derived from several records, so it is filtered and sorted here; the group scope is in SQL.
  let views = rows.map((row) => presentProvider(row, evaluations.get(row.id)!));
  if (filters.status) views = views.filter((v) => v.status === filters.status);
  if (filters.sort === 'status') {
    views.sort(
      (a, b) =>
        providerStatuses.indexOf(a.status) - providerStatuses.indexOf(b.status) ||
        a.name.localeCompare(b.name),
    );
  }
  return { providers: views };
}

export async function getProvider({
  db,
  actor,
  providerId,
  today,
}: Reading & { providerId: string; today: string }) {
  const provider = await createProvidersRepository({ db }).get(actor.groupId, providerId);
  const evaluations = await evaluateProviders(db, [provider], today);
  return presentProvider(provider, evaluations.get(provider.id)!);
}

export async function createProvider({
  db,
  actor,
  ipAddress,
  input,
  today,
}: Command & { input: ProviderInput }) {
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
  return getProvider({ db, actor, providerId, today });
}

export async function updateProvider({
  db,
  actor,
  ipAddress,
  providerId,
  input,
  today,
  now,
}: Command & { providerId: string; input: ProviderInput; now: Date }) {
  await db.transaction(async (tx) => {
    const repository = createProvidersRepository({ db: tx });
    const before = await repository.find(actor.groupId, providerId);
    if (!before) throw providersErrors.notFound();
    if (await repository.nameTaken(actor.groupId, input.name, providerId))
      throw providersErrors.duplicateName();
    const columns = toColumns(input);
    // Appendix 2: a change of DSL or deputy DSL makes a new safeguarding assurance letter due.
    const leadsChanged =
      (before.dslName ?? null) !== columns.dslName ||
      (before.deputyDslName ?? null) !== columns.deputyDslName;
    await repository.update(providerId, {
      ...columns,
      ...(leadsChanged && before.dslName !== null ? { safeguardingLeadsChangedAt: now } : {}),
    });
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
  return getProvider({ db, actor, providerId, today });
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
    const live = (await liveRegistrationCounts(tx, [provider.id], today)).get(provider.id);
    const finding = presentRegistration(
      {
        ...provider,
        registrationFullTimePupils: counts.fullTimePupils,
        registrationFullTimeLookedAfterOrEhcp: counts.fullTimePupilsLookedAfterOrEhcp,
      },
      live,
    )!;
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
  return getProvider({ db, actor, providerId, today });
}
