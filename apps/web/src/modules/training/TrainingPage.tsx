import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  MultiSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { dateInWords, reviewDecisionLabels, trainingTopicLabels, trainingTopics } from '@waymark/domain';
import { ApiError } from '../../api/errors.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SchoolSelect } from '../../ui/SchoolSelect.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { useOrganisation } from '../organisation/organisation.api.ts';
import { type PlacementSummary, usePlacements } from '../placements/placements.api.ts';
import {
  type Staff,
  useAddStaff,
  useStaffTraining,
  useTrainingEffectiveness,
  useTrainingStaff,
} from './training.api.ts';

/** Training of staff who work in or support AP, their yearly needs review, and its effect on their pupils. */
export function TrainingPage() {
  const session = useCurrentSession();
  const canManage = can(session, 'training.manage');
  const staff = useTrainingStaff();
  const placements = usePlacements({}, { enabled: can(session, 'placements.read') });
  return (
    <>
      <PageHeader
        title="Staff training"
        description="Everyone who works in or supports alternative provision: their training, when it runs out, a yearly review of what they need next, and the pupils they support."
      />
      <Stack>
        <ErrorAlert error={staff.error} />
        {staff.isPending ? (
          <Loading label="Loading staff" />
        ) : staff.data?.staff.length ? (
          staff.data.staff.map((s) => (
            <StaffCard
              key={s.id}
              staff={s}
              canManage={canManage}
              placements={placements.data?.placements ?? []}
            />
          ))
        ) : (
          <Card withBorder padding="lg">
            <Text>No staff recorded yet.</Text>
          </Card>
        )}
        {canManage && <AddStaffCard />}
        <EffectivenessCard />
      </Stack>
    </>
  );
}

function AddStaffCard() {
  const organisation = useOrganisation();
  const form = useForm({ initialValues: { schoolId: '', name: '', role: '' } });
  const add = useAddStaff();
  const addStaff = (v: typeof form.values) =>
    add.mutate(v, {
      onSuccess: () => {
        form.reset();
        notifySuccess('Added.');
      },
      onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
    });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Add a member of staff
      </Title>
      <form onSubmit={form.onSubmit(addStaff)} noValidate aria-label="Add a member of staff">
        <Group align="flex-end" wrap="wrap">
          <SchoolSelect schools={organisation.data?.schools} required {...form.getInputProps('schoolId')} />
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <TextInput label="Role" required {...form.getInputProps('role')} />
          <Button type="submit" variant="outline" loading={add.isPending}>
            Add
          </Button>
        </Group>
      </form>
    </Card>
  );
}

function StaffCard({
  staff: s,
  canManage,
  placements,
}: {
  staff: Staff;
  canManage: boolean;
  placements: PlacementSummary[];
}) {
  const changes = useStaffTraining(s.id);
  const record = useForm({
    initialValues: {
      course: '',
      trainingProvider: '',
      completedOn: '',
      topics: [] as string[],
      expiresOn: '',
    },
  });
  const saveRecord = changes.record;
  const recordCourse = (v: typeof record.values) =>
    saveRecord.mutate(v, {
      onSuccess: () => {
        record.reset();
        notifySuccess('Training recorded.');
      },
      onError: (error) => error instanceof ApiError && record.setErrors(error.fieldErrors()),
    });
  const review = useForm({ initialValues: { reviewedOn: '', needs: '', plan: '' } });
  const saveReview = changes.review;
  const recordReview = (v: typeof review.values) =>
    saveReview.mutate(v, {
      onSuccess: () => {
        review.reset();
        notifySuccess('Review recorded.');
      },
      onError: (error) => error instanceof ApiError && review.setErrors(error.fieldErrors()),
    });
  const supports = changes.supports;
  const ofSchool = placements.filter((p) => p.schoolName === s.schoolName && p.status !== 'cancelled');
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4">
          {s.name}, {s.role} ({s.schoolName})
        </Title>
        {s.reviewDue ? (
          <Tag tone="warning">Needs review due</Tag>
        ) : (
          <Tag tone="positive">Next needs review {dateInWords(s.nextReviewOn)}</Tag>
        )}
      </Group>
      {s.records.length === 0 ? (
        <Text mb="sm">No training recorded.</Text>
      ) : (
        <List mb="sm" spacing="xs">
          {s.records.map((r) => (
            <List.Item key={r.id}>
              {r.course} ({r.trainingProvider}), {dateInWords(r.completedOn)}:{' '}
              {r.topics.map((t) => trainingTopicLabels[t]).join(', ')}
              {r.expiresOn ? `; ${r.expired ? 'expired' : 'valid until'} ${dateInWords(r.expiresOn)}` : ''}
              {r.certificateFilename && (
                <>
                  {' · '}
                  <Anchor href={`/api/training/records/${r.id}/certificate`}>certificate</Anchor>
                </>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {s.lastReview && (
        <Text size="sm" mb="sm">
          Last needs review {dateInWords(s.lastReview.reviewedOn)} ({s.lastReview.reviewedByName}):{' '}
          {s.lastReview.needs}. Plan: {s.lastReview.plan}
        </Text>
      )}
      {canManage && (
        <Stack gap="lg">
          <MultiSelect
            label={`Pupils ${s.name} supports`}
            data={ofSchool.map((p) => ({ value: p.id, label: `${p.pupilName} at ${p.providerName}` }))}
            value={s.placementIds}
            onChange={(ids) => supports.mutate(ids)}
            searchable
          />
          <form
            onSubmit={record.onSubmit(recordCourse)}
            noValidate
            aria-label={`Record training for ${s.name}`}
          >
            <Stack gap="sm">
              <Title order={3} size="h5">
                Record training
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label="Course" required {...record.getInputProps('course')} />
                <TextInput label="Run by" required {...record.getInputProps('trainingProvider')} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <DateField label="Completed on" required {...record.getInputProps('completedOn')} />
                <DateField label="Expires on" {...record.getInputProps('expiresOn')} />
              </SimpleGrid>
              <Checkbox.Group label="Topics" required {...record.getInputProps('topics')}>
                <Group mt={4} wrap="wrap">
                  {trainingTopics.map((t) => (
                    <Checkbox key={t} value={t} label={trainingTopicLabels[t]} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Group>
                <Button type="submit" variant="outline" loading={saveRecord.isPending}>
                  Record the training
                </Button>
              </Group>
            </Stack>
          </form>
          <form
            onSubmit={review.onSubmit(recordReview)}
            noValidate
            aria-label={`Review training needs of ${s.name}`}
          >
            <Stack gap="sm">
              <Title order={3} size="h5">
                Yearly training-needs review
              </Title>
              <DateField label="Reviewed on" required {...review.getInputProps('reviewedOn')} />
              <Textarea
                label="Needs found"
                required
                autosize
                minRows={1}
                {...review.getInputProps('needs')}
              />
              <Textarea
                label="Training planned"
                required
                autosize
                minRows={1}
                {...review.getInputProps('plan')}
              />
              <Group>
                <Button type="submit" variant="outline" loading={saveReview.isPending}>
                  Record the review
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      )}
    </Card>
  );
}

function EffectivenessCard() {
  const view = useTrainingEffectiveness();
  const rows = view.data?.staff ?? [];
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Training and pupil outcomes
      </Title>
      <Text size="sm" mb="sm">
        Each person's training in date beside the attendance and latest review decision of the pupils they
        support.
      </Text>
      <ErrorAlert error={view.error} />
      {view.isPending ? (
        <Loading label="Loading" />
      ) : (
        <DataTable
          label="Training and pupil outcomes"
          minWidth={640}
          striped
          headers={['Member of staff', 'Training in date', 'Pupils supported: attendance, last review']}
          rows={rows}
          empty="No staff are recorded yet. Add the people who work in or support AP above; each one's training and the pupils they support then show here."
          row={(r) => (
            <Table.Tr key={r.staffId}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.topics.map((t) => trainingTopicLabels[t]).join(', ') || 'None'}</Table.Td>
              <Table.Td>
                {r.pupils.length
                  ? r.pupils
                      .map(
                        (p) =>
                          `${p.pupilName}: ${p.attendancePercent === null ? 'no marks yet' : `${p.attendancePercent}%`}, ${p.lastReviewDecision ? reviewDecisionLabels[p.lastReviewDecision].toLowerCase() : 'not reviewed'}`,
                      )
                      .join('; ')
                  : 'None recorded'}
              </Table.Td>
            </Table.Tr>
          )}
        />
      )}
    </Card>
  );
}
