import {
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { dateInWords } from '@waymark/domain';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import {
  type RecordedSla,
  type SlaRequest,
  useProviderDocuments,
  useRecordSla,
  useSla,
} from './providers.api.ts';

/** The agreement's terms as the form edits them: what the route takes, without its record-keeping. */
type Sla = Required<Omit<SlaRequest, 'signedDocumentId'>> & { signedDocumentId: string | null };

const clauses = [
  ['safeguarding', 'Safeguarding'],
  ['dataSharing', 'Data sharing'],
  ['attendanceMethod', 'How attendance is reported'],
  ['complaints', 'Complaints'],
  ['escalation', 'Escalation'],
] as const;

/** The terms of a recorded agreement, to edit: the record's id and time stay behind. */
const termsOf = ({ id: _id, recordedAt: _recordedAt, ...terms }: RecordedSla): Sla => terms;

/** The service level agreement (policy §6.1): agreed terms, the attendance times, the signed copy. */
export function SlaCard({ providerId, canEdit }: { providerId: string; canEdit: boolean }) {
  const sla = useSla(providerId);
  const documents = useProviderDocuments(providerId);
  if (sla.isPending) return null;
  const current = sla.data?.sla ?? null;
  const signedCopies = (documents.data?.documents ?? [])
    .filter((d) => d.kind === 'sla')
    .map((d) => ({ value: d.id, label: `${d.title} (version ${d.version})` }));
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Service level agreement
      </Title>
      <ErrorAlert error={sla.error} title="The SLA could not be loaded" />
      {current ? (
        <Text mb="sm">
          {dateInWords(current.startsOn)} to {dateInWords(current.endsOn)}. Attendance reported by{' '}
          {current.attendanceAmBy} (morning) and {current.attendancePmBy} (afternoon).{' '}
          {current.signedDocumentId ? 'Signed copy on file.' : 'The signed copy is not on file yet.'}
        </Text>
      ) : (
        <Text mb="sm">No SLA recorded.</Text>
      )}
      {canEdit && (
        <SlaForm
          key={current?.startsOn ?? 'new'}
          providerId={providerId}
          current={current}
          signedCopies={signedCopies}
        />
      )}
    </Card>
  );
}

function SlaForm({
  providerId,
  current,
  signedCopies,
}: {
  providerId: string;
  current: RecordedSla | null;
  signedCopies: { value: string; label: string }[];
}) {
  const form = useForm<Sla>({
    initialValues: (current && termsOf(current)) ?? {
      safeguarding: '',
      dataSharing: '',
      attendanceAmBy: '10:00',
      attendancePmBy: '14:00',
      attendanceMethod: '',
      complaints: '',
      escalation: '',
      startsOn: '',
      endsOn: '',
      signedDocumentId: null,
    },
  });
  const save = useRecordSla(providerId);
  const record = (values: Sla) =>
    save.mutate(values, {
      onSuccess: () => notifySuccess('SLA recorded.'),
      onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
    });
  return (
    <form onSubmit={form.onSubmit(record)} noValidate>
      <Stack gap="sm">
        {save.error && !(save.error instanceof ApiError && save.error.fields.length) && (
          <ErrorAlert error={save.error} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {clauses.map(([key, label]) => (
            <Textarea key={key} label={label} required autosize minRows={1} {...form.getInputProps(key)} />
          ))}
        </SimpleGrid>
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label="Morning attendance by"
            type="time"
            required
            {...form.getInputProps('attendanceAmBy')}
          />
          <TextInput
            label="Afternoon attendance by"
            type="time"
            required
            {...form.getInputProps('attendancePmBy')}
          />
          <DateField label="Starts" required {...form.getInputProps('startsOn')} />
          <DateField label="Ends" required {...form.getInputProps('endsOn')} />
        </Group>
        <Select
          label="Signed copy"
          description="File the signed SLA under Evidence on file, then choose it here"
          clearable
          data={signedCopies}
          {...form.getInputProps('signedDocumentId')}
        />
        <Button type="submit" variant="outline" loading={save.isPending} w="fit-content">
          Record SLA
        </Button>
      </Stack>
    </form>
  );
}
