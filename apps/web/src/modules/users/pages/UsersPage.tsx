import { Anchor, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { roleNames, roles } from '@waymark/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../../ui/DataTable.tsx';
import { ErrorAlert, Loading } from '../../../ui/Feedback.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { Pager } from '../../../ui/Pager.tsx';
import { SchoolSelect } from '../../../ui/SchoolSelect.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { can, useCurrentSession } from '../../auth/session.ts';
import { useOrganisation } from '../../organisation/organisation.api.ts';
import { useUsers } from '../users.api.ts';

export function UsersPage() {
  const session = useCurrentSession();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const { data: organisation } = useOrganisation();
  const users = useUsers({
    search: debouncedSearch,
    role: role ?? undefined,
    schoolId: schoolId ?? undefined,
    page,
  });

  return (
    <>
      <PageHeader
        title="Users and roles"
        description="Who can sign in to Waymark, and what they can do where."
        actions={
          can(session, 'users.manage') && (
            <Group>
              <Button variant="default" component={Link} to="/users/single-sign-on">
                Single sign-on
              </Button>
              <Button component={Link} to="/users/new">
                Add a user
              </Button>
            </Group>
          )
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label="Search by name or email"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
        />
        <Select
          label="Role"
          placeholder="Any role"
          clearable
          data={roleNames.map((r) => ({ value: r, label: roles[r].label }))}
          value={role}
          onChange={(v) => {
            setRole(v);
            setPage(1);
          }}
        />
        <SchoolSelect
          schools={organisation?.schools}
          placeholder="Any school"
          clearable
          value={schoolId}
          onChange={(v) => {
            setSchoolId(v);
            setPage(1);
          }}
        />
      </Group>
      <ErrorAlert error={users.error} title="Users could not be loaded" />
      {users.isPending ? (
        <Loading label="Loading users" />
      ) : (
        users.data && (
          <>
            <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
              {users.data.pageInfo.total} {users.data.pageInfo.total === 1 ? 'user' : 'users'}
            </Text>
            <DataTable
              label="Users"
              minWidth={600}
              empty="Nobody matches these filters. Clear the search or choose another role or school."
              striped
              highlightOnHover
              headers={['Name', 'Email', 'Roles', 'Status']}
              rows={users.data.users}
              row={(user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/users/${user.id}`}>
                      {user.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>
                    {user.assignments.map((a) => `${roles[a.role].label} (${a.scopeName})`).join(', ') || '—'}
                  </Table.Td>
                  <Table.Td>
                    <Tag tone={user.isActive ? 'positive' : 'neutral'}>
                      {user.isActive ? 'Active' : 'Deactivated'}
                    </Tag>
                  </Table.Td>
                </Table.Tr>
              )}
            />
            <Pager pageInfo={users.data.pageInfo} page={page} onChange={setPage} />
          </>
        )
      )}
    </>
  );
}
