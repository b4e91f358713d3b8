import { Anchor, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { pupilSortName, senStatusLabels, yearGroupLabel } from '@waymark/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { usePupils } from './pupils.api.ts';

export function PupilsPage() {
  const session = useCurrentSession();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const pupils = usePupils({ search: debounced });
  return (
    <>
      <PageHeader
        title="Pupils"
        description="Pupils of your schools who are, or may be, placed in alternative provision."
        actions={
          can(session, 'pupils.manage') && (
            <Group>
              <Button component={Link} to="/pupils/import" variant="outline">
                Import pupils
              </Button>
              <Button component={Link} to="/pupils/new">
                Add a pupil
              </Button>
            </Group>
          )
        }
      />
      <Group mb="md">
        <TextInput
          label="Search"
          description="Name or UPN"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
      </Group>
      <ErrorAlert error={pupils.error} title="Pupils could not be loaded" />
      {pupils.isPending ? (
        <Loading label="Loading pupils" />
      ) : (
        pupils.data && (
          <>
            <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
              {pupils.data.pupils.length} pupils
            </Text>
            <DataTable
              label="Pupils"
              minWidth={640}
              striped
              headers={['Name', 'UPN', 'Year', 'School', 'Needs']}
              rows={pupils.data.pupils}
              empty={
                debounced
                  ? 'No pupil matches that name or UPN.'
                  : can(session, 'pupils.manage')
                    ? 'No pupils yet. Add each pupil who may be placed in alternative provision, or import them from your MIS (a CSV or a Common Transfer File), with the buttons above.'
                    : 'No pupils of your schools are recorded yet: the AP lead adds them.'
              }
              row={(p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/pupils/${p.id}`}>
                      {pupilSortName(p)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.upn}</Table.Td>
                  <Table.Td>{yearGroupLabel(p.yearGroup)}</Table.Td>
                  <Table.Td>{p.schoolName}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.senStatus === 'ehcp' && <Tag tone="info">EHCP</Tag>}
                      {p.senStatus === 'sen_support' && (
                        <Tag tone="neutral">{senStatusLabels.sen_support}</Tag>
                      )}
                      {p.lookedAfter && <Tag tone="info">Looked after</Tag>}
                    </Group>
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
