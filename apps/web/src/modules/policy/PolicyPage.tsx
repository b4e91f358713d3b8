import {
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { PolicyReviewState } from '@waymark/domain';
import { dateInWords } from '@waymark/domain';
import { ApiError } from '../../api/errors.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { usePolicy, useRecordIssue } from './policy.api.ts';

/** The AP policy: the issue in force, when it is next reviewed, and every earlier issue. */
export function PolicyPage() {
  const session = useCurrentSession();
  const policy = usePolicy();
  if (policy.isPending) return <Loading label="Loading the policy" />;
  if (policy.error) return <ErrorAlert error={policy.error} />;
  const { current, versions } = policy.data;
  return (
    <>
      <PageHeader
        title="AP policy"
        description="The policy Waymark runs, issue by issue, with the audit and QA form versions that belong to each. It is reviewed every year."
      />
      <Stack>
        <Card withBorder padding="lg">
          {current ? (
            <Stack gap="xs">
              <Group gap="sm" preventGrowOverflow={false}>
                <Title order={2} size="h4">
                  {current.policyNumber}, issue {current.issueNumber}
                </Title>
                <ReviewTag review={current.review} />
              </Group>
              <Text>
                Issued {dateInWords(current.issuedOn)}. Author {current.author}; approved by{' '}
                {current.approver}. Next review {dateInWords(current.nextReviewOn)}.
              </Text>
              <Text size="sm">
                Forms: Appendix 1 audit version {current.auditTemplateVersion}, Appendix 5 QA version{' '}
                {current.qaTemplateVersion}.
              </Text>
            </Stack>
          ) : (
            <Text>No issue of the policy is recorded yet.</Text>
          )}
        </Card>
        {versions.length > 0 && (
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="sm">
              Every issue
            </Title>
            <DataTable
              label="Issues of the policy"
              minWidth={640}
              striped
              headers={['Issue', 'Issued', 'Author / approver', 'What changed']}
              rows={versions}
              row={(v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>{v.issueNumber}</Table.Td>
                  <Table.Td>{dateInWords(v.issuedOn)}</Table.Td>
                  <Table.Td>
                    {v.author} / {v.approver}
                  </Table.Td>
                  <Table.Td>{v.changes}</Table.Td>
                </Table.Tr>
              )}
            />
          </Card>
        )}
        {can(session, 'policy.manage') && <NewIssueCard policyNumber={current?.policyNumber ?? ''} />}
      </Stack>
    </>
  );
}

function NewIssueCard({ policyNumber }: { policyNumber: string }) {
  const form = useForm({
    initialValues: {
      policyNumber,
      issueNumber: '',
      issuedOn: '',
      author: '',
      approver: '',
      nextReviewOn: '',
      changes: '',
    },
  });
  const save = useRecordIssue();
  const record = (v: typeof form.values) =>
    save.mutate(v, {
      onSuccess: () => {
        form.reset();
        notifySuccess('The new issue is recorded.');
      },
      onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
    });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Record a new issue after the review
      </Title>
      <form onSubmit={form.onSubmit(record)} noValidate aria-label="Record a new issue">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="Policy number" required {...form.getInputProps('policyNumber')} />
            <TextInput label="Issue number" required {...form.getInputProps('issueNumber')} />
            <DateField label="Issue date" required {...form.getInputProps('issuedOn')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="Author" required {...form.getInputProps('author')} />
            <TextInput label="Approver" required {...form.getInputProps('approver')} />
            <DateField label="Next review" required {...form.getInputProps('nextReviewOn')} />
          </SimpleGrid>
          <Textarea label="What changed" required autosize minRows={2} {...form.getInputProps('changes')} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Record the issue
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function ReviewTag({ review }: { review: PolicyReviewState }) {
  if (review === 'overdue') return <Tag tone="danger">Review overdue</Tag>;
  if (review === 'due_soon') return <Tag tone="warning">Review due soon</Tag>;
  return <Tag tone="positive">In date</Tag>;
}
