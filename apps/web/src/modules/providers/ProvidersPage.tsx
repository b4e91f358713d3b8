import { Anchor, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { dateInWords, settingTypeLabels, settingTypes, todayInLondon } from '@waymark/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../ui/DataTable.tsx';
import { ExportLinks } from '../../ui/ExportLinks.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { statusLabels, statusTones, useProviders } from './providers.api.ts';

export function ProvidersPage() {
  const session = useCurrentSession();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [settingType, setSettingType] = useState<string | null>(null);
  const [sort, setSort] = useState('name');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const providers = useProviders({
    search: debouncedSearch,
    status: status ?? undefined,
    settingType: settingType ?? undefined,
    sort,
  });
  return (
    <>
      <PageHeader
        title="Providers"
        description="The group’s alternative providers, and where each stands on the way to approval."
        actions={
          can(session, 'providers.manage') && (
            <Button component={Link} to="/providers/new">
              Add a provider
            </Button>
          )
        }
      />
      <ExportLinks list="providers" label="the provider directory" />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          description="Name, town or postcode"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={Object.entries(statusLabels).map(([value, label]) => ({ value, label }))}
          value={status}
          onChange={setStatus}
        />
        <Select
          label="Kind of setting"
          placeholder="Any kind"
          clearable
          data={settingTypes.map((value) => ({ value, label: settingTypeLabels[value] }))}
          value={settingType}
          onChange={setSettingType}
        />
        <Select
          label="Sort by"
          data={[
            { value: 'name', label: 'Name' },
            { value: 'status', label: 'Status' },
            { value: 'updated', label: 'Recently changed' },
          ]}
          value={sort}
          onChange={(v) => v && setSort(v)}
          allowDeselect={false}
        />
      </Group>
      <ErrorAlert error={providers.error} title="Providers could not be loaded" />
      {providers.isPending ? (
        <Loading label="Loading providers" />
      ) : (
        providers.data && (
          <>
            <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
              {providers.data.providers.length}{' '}
              {providers.data.providers.length === 1 ? 'provider' : 'providers'}
            </Text>
            <DataTable
              label="Providers"
              minWidth={640}
              empty="No provider matches these filters. Clear the search or choose another status, or add a provider."
              striped
              highlightOnHover
              headers={['Provider', 'Kind of setting', 'Town', 'Status', 'Last audit']}
              rows={providers.data.providers}
              row={(p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/providers/${p.id}`}>
                      {p.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.settingType ? settingTypeLabels[p.settingType] : 'Not recorded'}</Table.Td>
                  <Table.Td>{p.town ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Tag tone={statusTones[p.status]}>{statusLabels[p.status]}</Tag>
                      {p.registration?.alarm && <Tag tone="danger">Must register</Tag>}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {p.lastAudit
                      ? `${dateInWords(todayInLondon(new Date(p.lastAudit.visitedAt)))}${p.lastAudit.status === 'draft' ? ' (in progress)' : ''}`
                      : 'None yet'}
                  </Table.Td>
                </Table.Tr>
              )}
            />
          </>
        )
      )}
    </>
  );
}
