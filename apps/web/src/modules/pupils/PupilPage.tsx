import {
  Anchor,
  Button,
  Card,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  dateInWords,
  placementTypeLabels,
  placementTypes,
  senStatusLabels,
  yearGroupLabel,
} from '@waymark/domain';
import type { CreatePlacementRequest } from '@waymark/domain/contracts/placements';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { AttendanceCalendarCard } from '../attendance/AttendanceCalendarCard.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { PlacementsTable } from '../placements/PlacementsTable.tsx';
import { useCreatePlacement, usePlacements } from '../placements/placements.api.ts';
import { useProviders } from '../providers/providers.api.ts';
import { LeavingCard } from './LeavingCard.tsx';
import { PupilDocumentsCard } from './PupilDocumentsCard.tsx';
import { type Pupil, usePupil } from './pupils.api.ts';

export function PupilPage() {
  const { pupilId = '' } = useParams();
  const session = useCurrentSession();
  const pupil = usePupil(pupilId);
  const placements = usePlacements({ pupilId });
  if (pupil.isPending) return <Loading label="Loading the pupil" />;
  if (!pupil.data) return <ErrorAlert error={pupil.error} title="The pupil could not be loaded" />;
  const p = pupil.data;
  return (
    <>
      <PageHeader title={p.displayName} description={`${yearGroupLabel(p.yearGroup)} at ${p.schoolName}`} />
      <Stack gap="lg">
        <Details pupil={p} />
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            Placements
          </Title>
          {placements.data?.placements.length ? (
            <PlacementsTable placements={placements.data.placements} showPupil={false} />
          ) : (
            <Text>No placements yet.</Text>
          )}
        </Card>
        {can(session, 'safeguarding.read') && (
          <Anchor component={Link} to={`/pupils/${p.id}/chronology`}>
            Safeguarding chronology
          </Anchor>
        )}
        {can(session, 'attendance.read') && <AttendanceCalendarCard pupilId={p.id} />}
        <PupilDocumentsCard pupilId={p.id} canEdit={can(session, 'pupils.manage')} />
        {can(session, 'placements.manage') && !p.leaving && <ReferralForm pupilId={p.id} />}
        <LeavingCard pupil={p} canEdit={can(session, 'pupils.manage')} />
      </Stack>
    </>
  );
}

function Details({ pupil: p }: { pupil: Pupil }) {
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Record
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Text>
          UPN {p.upn}
          {p.uln ? `, ULN ${p.uln}` : ''}
          <br />
          Born {dateInWords(p.dateOfBirth)}, sex {p.sex}
          <br />
          Legal name {p.legalFirstName} {p.legalLastName}
        </Text>
        <Text>
          {senStatusLabels[p.senStatus]}
          {p.ehcpLocalAuthority
            ? ` (${p.ehcpLocalAuthority}${p.ehcpAnnualReviewOn ? `, annual review ${dateInWords(p.ehcpAnnualReviewOn)}` : ''})`
            : ''}
          <br />
          {p.lookedAfter ? `Looked after; virtual school: ${p.virtualSchoolContact}` : 'Not looked after'}
        </Text>
      </SimpleGrid>
      {p.parents.length > 0 && (
        <>
          <Title order={3} size="h5" mt="md" mb="xs">
            Parents and carers
          </Title>
          <List>
            {p.parents.map((c) => (
              <List.Item key={c.name}>
                {c.name} ({c.relationship}) {[c.telephone, c.email].filter(Boolean).join(', ')}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Card>
  );
}

function ReferralForm({ pupilId }: { pupilId: string }) {
  const navigate = useNavigate();
  const providers = useProviders({ sort: 'name' });
  const form = useForm({
    initialValues: { providerId: '', type: '', reason: '' },
    validate: {
      providerId: (v) => (v ? null : 'Choose the provider'),
      type: (v) => (v ? null : 'Choose the kind of placement'),
      reason: (v) => (v.trim() ? null : 'Enter the reason for the placement'),
    },
  });
  const refer = useCreatePlacement();
  const start = (values: typeof form.values) =>
    // The form's own checks have passed: a provider and a kind of placement are chosen.
    refer.mutate({ pupilId, ...values } as CreatePlacementRequest, {
      onSuccess: (placement) => navigate(`/placements/${placement.id}`),
      onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
    });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Refer to a provider
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Start a referral now; the placement can begin once the provider is approved and the plan is agreed.
      </Text>
      <form onSubmit={form.onSubmit(start)} noValidate>
        <Stack gap="sm">
          {refer.error && !(refer.error instanceof ApiError && refer.error.fields.length) && (
            <ErrorAlert error={refer.error} />
          )}
          <Group align="flex-start" wrap="wrap">
            <Select
              label="Provider"
              required
              searchable
              data={(providers.data?.providers ?? []).map((p) => ({
                value: p.id,
                label: p.status === 'approved' ? p.name : `${p.name} (not approved)`,
              }))}
              {...form.getInputProps('providerId')}
            />
            <Select
              label="Kind of placement"
              required
              data={placementTypes.map((t) => ({ value: t, label: placementTypeLabels[t] }))}
              {...form.getInputProps('type')}
            />
          </Group>
          <Textarea
            label="Reason for the placement"
            required
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <Group>
            <Button type="submit" loading={refer.isPending}>
              Start referral
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
