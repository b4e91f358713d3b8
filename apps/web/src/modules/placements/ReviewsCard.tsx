import {
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Respondent } from '@waymark/domain';
import { dateInWords, reviewDecisionLabels } from '@waymark/domain';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { Tag } from '../../ui/Tag.tsx';
import { useBehaviourLog } from '../incidents/incidents.api.ts';
import { describeAnswers } from '../voice/describe-answers.ts';
import { usePlacementVoice } from '../voice/voice.api.ts';
import { type Placement, type Review, usePlacementChange } from './placements.api.ts';

const stateTags = {
  done: <Tag tone="positive">Done</Tag>,
  due: <Tag tone="info">Due</Tag>,
  overdue: <Tag tone="danger">Overdue</Tag>,
};
const decisionLabels = reviewDecisionLabels;

/** Half-termly reviews (policy §7): the schedule, what each found, and the form for the next one. */
export function ReviewsCard({ placement, canReview }: { placement: Placement; canReview: boolean }) {
  const next = placement.reviews.find((r) => r.state !== 'done');
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Half-termly reviews
      </Title>
      {placement.reviews.length === 0 ? (
        <Text>Reviews are scheduled when the placement starts, one in each half-term it runs through.</Text>
      ) : (
        <List spacing="sm" listStyleType="none" mb="md">
          {placement.reviews.map((r) => (
            <List.Item key={r.id}>
              <Group gap="xs">
                <Text fw={600}>{r.halfTerm}</Text>
                {stateTags[r.state]}
                <Text size="sm">
                  {r.completedOn ? `held ${dateInWords(r.completedOn)}` : `due by ${dateInWords(r.dueOn)}`}
                </Text>
                {r.ehcpReviewRequired &&
                  (r.ehcpReviewArrangedOn ? (
                    <Tag tone="positive">EHCP review arranged {dateInWords(r.ehcpReviewArrangedOn)}</Tag>
                  ) : (
                    <Tag tone="warning">EHCP review required: AP lead to arrange</Tag>
                  ))}
              </Group>
              {canReview && r.ehcpReviewRequired && !r.ehcpReviewArrangedOn && (
                <EhcpArrangedForm placement={placement} path={`reviews/${r.id}`} />
              )}
              {r.completedOn && (
                <Text size="sm">
                  Attendance {r.attendancePercent}%. {r.behaviour} Decision:{' '}
                  {r.decision ? decisionLabels[r.decision] : ''}.
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {canReview && next && placement.status === 'active' && (
        <ReviewForm placement={placement} review={next} />
      )}
    </Card>
  );
}

function ReviewForm({ placement, review }: { placement: Placement; review: Review }) {
  const items = [
    ...placement.objectives.map((o, i) => ({ id: o.id, label: `Objective ${i + 1}: ${o.text}` })),
    ...placement.reintegrationTargets.map((t, i) => ({
      id: t.id,
      label: `Reintegration target ${i + 1}: ${t.text}`,
    })),
  ];
  const form = useForm({
    initialValues: {
      completedOn: '',
      progress: items.map((item) => ({ targetId: item.id, progress: '', evidence: '' })),
      attendancePercent: '' as number | '',
      behaviour: '',
      pupilView: '',
      parentView: '',
      decision: '',
      materialChange: false,
    },
  });
  // The provider's behaviour and restraint reports feed the review (the same query as the behaviour log).
  const log = useBehaviourLog(placement.id);
  const upToReview = (log.data?.entries ?? []).filter((e) => e.occurredAt.slice(0, 10) <= review.dueOn);
  const behaviourSummary = log.data
    ? `The behaviour log holds ${upToReview.length} report${upToReview.length === 1 ? '' : 's'} up to ${dateInWords(review.dueOn)}, ${upToReview.filter((e) => e.kind === 'restraint').length} of them restraint.`
    : undefined;
  // This half-term's voice answers (the link ends on the review's day, the half-term's last).
  const voice = usePlacementVoice(placement.id);
  const voiceSaid = (respondent: Respondent) => {
    const answered = voice.data?.requests.find(
      (r) => r.respondent === respondent && r.expiresOn === review.dueOn && r.answers,
    );
    return answered ? `They said: ${describeAnswers(respondent, answered.answers!).join('; ')}` : undefined;
  };
  const save = usePlacementChange<object>(placement.id, 'POST', `reviews/${review.id}`, {
    onSaved: () => notifySuccess('Review recorded.'),
    onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
  });
  const record = (values: typeof form.values) =>
    save.mutate({
      ...values,
      attendancePercent: values.attendancePercent === '' ? undefined : values.attendancePercent,
      decision: values.decision || undefined,
    });
  return (
    <form onSubmit={form.onSubmit(record)} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Record the {review.halfTerm} review
        </Title>
        {save.error && <ErrorAlert error={save.error} title="The review was not recorded" />}
        <Group align="flex-start" wrap="wrap">
          <DateField label="Date held" required {...form.getInputProps('completedOn')} />
          <NumberInput
            label="Attendance for the period (%)"
            required
            min={0}
            max={100}
            {...form.getInputProps('attendancePercent')}
          />
        </Group>
        {items.map((item, i) => (
          <SimpleGrid key={item.id} cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={`Progress: ${item.label}`}
              required
              autosize
              minRows={1}
              {...form.getInputProps(`progress.${i}.progress`)}
            />
            <TextInput label="Evidence" {...form.getInputProps(`progress.${i}.evidence`)} />
          </SimpleGrid>
        ))}
        <Textarea
          label="Behaviour"
          description={behaviourSummary}
          required
          autosize
          minRows={1}
          {...form.getInputProps('behaviour')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label="The pupil’s view"
            description={voiceSaid('pupil')}
            required
            autosize
            minRows={1}
            {...form.getInputProps('pupilView')}
          />
          <Textarea
            label="The parent’s or carer’s view"
            description={voiceSaid('parent')}
            required
            autosize
            minRows={1}
            {...form.getInputProps('parentView')}
          />
        </SimpleGrid>
        <Select
          label="Decision"
          required
          maw={280}
          data={Object.entries(decisionLabels).map(([value, label]) => ({ value, label }))}
          {...form.getInputProps('decision')}
        />
        <Checkbox
          label="The provision changes materially (for a pupil with an EHCP this needs an EHCP review)"
          {...form.getInputProps('materialChange', { type: 'checkbox' })}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Record review
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Records that the EHCP review a review or a timetable change asked for is arranged. */
export function EhcpArrangedForm({ placement, path }: { placement: Placement; path: string }) {
  const form = useForm({ initialValues: { arrangedOn: '', note: '' } });
  const save = usePlacementChange<typeof form.values>(placement.id, 'POST', `${path}/ehcp-review`, {
    refresh: [['placements', 'ehcp-reviews']],
    onSaved: () => notifySuccess('EHCP review recorded as arranged.'),
    onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Group align="flex-end" wrap="wrap" my="xs">
        <DateField label="EHCP review arranged on" {...form.getInputProps('arrangedOn')} />
        <TextInput label="What was arranged" {...form.getInputProps('note')} />
        <Button type="submit" variant="outline" size="sm" loading={save.isPending}>
          Record
        </Button>
      </Group>
    </form>
  );
}
