import { Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { momentInWords } from '@waymark/domain';
import { ApiError } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { type StaffMember, useProviderStaff } from '../invitations/invitations.api.ts';

const statusTags = {
  invited: <Tag tone="warning">Invited</Tag>,
  active: <Tag tone="positive">Can sign in</Tag>,
  deactivated: <Tag tone="neutral">Deactivated</Tag>,
};

/**
 * Who at the provider can use the portal. The school invites them by email; each person chooses their
 * own password through a one-time link, so nobody has to pass a password on.
 */
export function PortalStaffCard({ providerId }: { providerId: string }) {
  const { staff, invite, resend } = useProviderStaff(providerId);
  const form = useForm({
    initialValues: { displayName: '', email: '' },
    validate: {
      displayName: (v) => (v.trim() ? null : 'Enter the person’s name'),
      email: (v) =>
        /^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter an email address like name@provider.org',
    },
  });
  const sendInvitation = (values: typeof form.values) =>
    invite.mutate(values, {
      onSuccess: () => {
        form.reset();
        notifySuccess(`Invitation sent to ${values.email}.`);
      },
      onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
    });
  const sendAgain = (person: StaffMember) =>
    resend.mutate(person, {
      onSuccess: () =>
        notifySuccess(`A new invitation was sent to ${person.email}; the earlier link no longer works.`),
    });
  const people = staff.data?.staff ?? [];
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Provider portal access
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Staff at the provider sign in to complete the safeguarding letter and, later, attendance and reports.
        They see only this provider.
      </Text>
      <ErrorAlert error={staff.error ?? resend.error} title="Portal access could not be loaded" />
      {people.length === 0 ? (
        <Text mb="sm">Nobody from this provider has been invited yet.</Text>
      ) : (
        <TableScroll label="Provider staff with portal access" minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Td>{person.displayName}</Table.Td>
                  <Table.Td>{person.email}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {statusTags[person.status]}
                      {person.invitationExpiresAt && (
                        <Text size="sm">link works until {momentInWords(person.invitationExpiresAt)}</Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {person.status === 'invited' && (
                      <Button
                        size="xs"
                        variant="outline"
                        loading={resend.isPending && resend.variables?.id === person.id}
                        onClick={() => sendAgain(person)}
                        aria-label={`Send again to ${person.displayName}`}
                      >
                        Send again
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <form onSubmit={form.onSubmit(sendInvitation)} noValidate>
        <Stack gap="sm" mt="md">
          <Title order={3} size="h5">
            Invite someone
          </Title>
          {invite.error && !(invite.error instanceof ApiError && invite.error.fields.length) && (
            <ErrorAlert error={invite.error} />
          )}
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label="Their name"
              required
              autoComplete="off"
              {...form.getInputProps('displayName')}
            />
            <TextInput
              label="Their work email"
              type="email"
              required
              autoComplete="off"
              {...form.getInputProps('email')}
            />
          </Group>
          <Group>
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
