import { Anchor, Button, Card, Group, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { roles } from '@waymark/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { ApiError } from '../../../api/errors.ts';
import { ErrorAlert, Loading } from '../../../ui/Feedback.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { TableScroll } from '../../../ui/TableScroll.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { can, useCurrentSession } from '../../auth/session.ts';
import { type AssignmentDraft, AssignmentPicker, emptyAssignment } from '../components/AssignmentPicker.tsx';
import { type User, userCalls, useUser, useUserChange } from '../users.api.ts';

export function UserPage() {
  const { userId = '' } = useParams();
  const session = useCurrentSession();
  const user = useUser(userId);
  const canManage = can(session, 'users.manage');

  if (user.isPending) return <Loading label="Loading the user" />;
  if (user.error) {
    return (
      <>
        <PageHeader title="User not found" />
        <ErrorAlert error={user.error} title="This user could not be shown" />
        <Anchor component={Link} to="/users">
          Back to users
        </Anchor>
      </>
    );
  }
  const u = user.data;
  return (
    <>
      <PageHeader
        title={u.displayName}
        description={u.email}
        actions={
          <Tag size="lg" tone={u.isActive ? 'positive' : 'neutral'}>
            {u.isActive ? 'Active' : 'Deactivated'}
          </Tag>
        }
      />
      <Stack gap="lg" maw={900}>
        <Assignments user={u} canManage={canManage} />
        {canManage && <AccountActions user={u} isSelf={u.id === session.user.id} />}
        <Anchor component={Link} to="/users">
          Back to users
        </Anchor>
      </Stack>
    </>
  );
}

const useUserMutation = <TArgs,>(user: User, run: (args: TArgs) => Promise<unknown>, success: string) =>
  useUserChange(user.id, run, { onSaved: () => notifySuccess(success) });

function Assignments({ user, canManage }: { user: User; canManage: boolean }) {
  const [draft, setDraft] = useState<AssignmentDraft>(emptyAssignment);
  const add = useUserMutation(user, (a: AssignmentDraft) => userCalls.addRole(user.id, a), 'Role added.');
  const remove = useUserMutation(user, (id: string) => userCalls.removeRole(user.id, id), 'Role removed.');
  const fieldErrors = add.error instanceof ApiError ? add.error.fieldErrors() : {};
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Roles
      </Title>
      <ErrorAlert error={remove.error} title="The role was not removed" />
      {user.assignments.length === 0 ? (
        <Text mb="md">No roles yet: this user can sign in but sees nothing.</Text>
      ) : (
        <TableScroll label="Roles" minWidth={480} mb="md">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Where</Table.Th>
                {canManage && <Table.Th scope="col">Action</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {user.assignments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{roles[a.role].label}</Table.Td>
                  <Table.Td>{a.scopeName}</Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="outline"
                        color="red.9"
                        loading={remove.isPending && remove.variables === a.id}
                        onClick={() => remove.mutate(a.id)}
                        aria-label={`Remove ${roles[a.role].label} at ${a.scopeName}`}
                      >
                        Remove
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {canManage && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(draft, { onSuccess: () => setDraft(emptyAssignment) });
          }}
        >
          <Title order={3} size="h5" mb="xs">
            Give another role
          </Title>
          {add.error && !Object.keys(fieldErrors).length && (
            <ErrorAlert error={add.error} title="The role was not added" />
          )}
          <AssignmentPicker value={draft} onChange={setDraft} errors={fieldErrors} />
          <Button type="submit" mt="sm" loading={add.isPending} disabled={!draft.scopeId}>
            Add role
          </Button>
        </form>
      )}
    </Card>
  );
}

function AccountActions({ user, isSelf }: { user: User; isSelf: boolean }) {
  const [password, setPassword] = useState('');
  const setActive = useUserMutation(
    user,
    (isActive: boolean) => userCalls.setActive(user.id, isActive),
    user.isActive ? 'User deactivated and signed out.' : 'User reactivated.',
  );
  const resetPassword = useUserMutation(
    user,
    (p: string) => userCalls.resetPassword(user.id, p),
    'New password set; the user’s sessions were ended.',
  );
  const endSessions = useUserMutation(
    user,
    () => userCalls.signOutEverywhere(user.id),
    'Signed out of every device.',
  );
  const resetSecondFactor = useUserMutation(
    user,
    () => userCalls.resetSecondFactor(user.id),
    'Two-factor sign-in reset; they set up their app again at their next sign-in.',
  );
  const passwordError =
    resetPassword.error instanceof ApiError ? resetPassword.error.fieldErrors().password : undefined;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Account
      </Title>
      <ErrorAlert error={setActive.error ?? endSessions.error ?? resetSecondFactor.error} />
      <Stack>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            resetPassword.mutate(password, { onSuccess: () => setPassword('') });
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <PasswordInput
              label="Set a new password"
              description="Also clears a lockout after failed sign-ins."
              autoComplete="new-password"
              value={password}
              error={
                passwordError ??
                (resetPassword.error && !passwordError ? resetPassword.error.message : undefined)
              }
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" variant="outline" loading={resetPassword.isPending} disabled={!password}>
              Set password
            </Button>
          </Group>
        </form>
        <Group wrap="wrap">
          <Button
            variant="outline"
            onClick={() => endSessions.mutate(undefined)}
            loading={endSessions.isPending}
          >
            Sign out of every device
          </Button>
          {!isSelf && (
            <Button
              variant="outline"
              onClick={() => resetSecondFactor.mutate(undefined)}
              loading={resetSecondFactor.isPending}
            >
              Reset two-factor sign-in
            </Button>
          )}
          {!isSelf && (
            <Button
              variant="outline"
              color={user.isActive ? 'red.9' : 'green.9'}
              onClick={() => setActive.mutate(!user.isActive)}
              loading={setActive.isPending}
            >
              {user.isActive ? 'Deactivate user' : 'Reactivate user'}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
