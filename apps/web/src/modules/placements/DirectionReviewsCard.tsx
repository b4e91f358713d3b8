import {
  Button,
  Card,
  Group,
  List,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  DIRECTION_REVIEW_WEEKS,
  dateInWords,
  directionReviewOutcomeLabels,
  directionReviewOutcomes,
  directionReviewRequesterLabels,
  directionReviewRequesters,
  maybeDateInWords,
} from '@waymark/domain';
import { useState } from 'react';

import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { Tag } from '../../ui/Tag.tsx';
import { type Placement, usePlacementChange } from './placements.api.ts';

type Request = Placement['directionReviews']['requests'][number];

function RequestState({ request }: { request: Request }) {
  if (request.state === 'to_hold')
    return (
      <Tag tone="danger">
        Review owed{request.lastHeldOn ? `: the last was on ${dateInWords(request.lastHeldOn)}` : ''}
      </Tag>
    );
  if (request.state === 'held')
    return <Tag tone="positive">Reviewed on {maybeDateInWords(request.lastHeldOn)}</Tag>;
  return <Tag tone="neutral">Not required: reviewed on {maybeDateInWords(request.lastHeldOn)}</Tag>;
}

/**
 * The governing board's reviews of an off-site direction: the parents' or local authority's written
 * requests, whether each is owed a review (none in the 10 weeks before it), and the reviews held.
 */
export function DirectionReviewsCard({ placement, canRecord }: { placement: Placement; canRecord: boolean }) {
  const { requests, held } = placement.directionReviews;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Reviews of the direction
      </Title>
      <Text size="sm" mb="sm">
        The parents, or the local authority for a pupil with an EHCP, may ask the governing board in writing
        to review the direction. The board must hold a review unless it held one in the{' '}
        {DIRECTION_REVIEW_WEEKS} weeks before the request.
      </Text>
      {requests.length === 0 && held.length === 0 ? (
        <Text mb="sm">No review asked for or held yet.</Text>
      ) : (
        <List mb="md" spacing="xs">
          {requests.map((r) => (
            <List.Item key={r.id}>
              <Group gap="xs" wrap="wrap">
                <Text>
                  {dateInWords(r.requestedOn)}: {directionReviewRequesterLabels[r.requestedBy]} asked for a
                  review
                  {r.note ? `. ${r.note}` : ''}
                </Text>
                <RequestState request={r} />
              </Group>
            </List.Item>
          ))}
          {held.map((h) => (
            <List.Item key={h.id}>
              <Text>
                {dateInWords(h.heldOn)}: the board reviewed it. {directionReviewOutcomeLabels[h.outcome]}.{' '}
                {h.note}
              </Text>
              <Text size="sm" c="dimmed">
                Recorded by {h.recordedByName}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {canRecord && <DirectionReviewForm placementId={placement.id} />}
    </Card>
  );
}

function DirectionReviewForm({ placementId }: { placementId: string }) {
  const [kind, setKind] = useState<'requested' | 'held'>('requested');
  // A Select shows nothing only for null; an empty string would leave the last choice on screen.
  const form = useForm({
    initialValues: { on: '', requestedBy: null as string | null, outcome: null as string | null, note: '' },
  });
  const save = usePlacementChange<object>(placementId, 'POST', 'direction-reviews', {
    onSaved: () => {
      form.reset();
      notifySuccess(kind === 'requested' ? 'The request is recorded.' : 'The board’s review is recorded.');
    },
    onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
  });
  const record = (v: typeof form.values) =>
    save.mutate(
      kind === 'requested'
        ? { kind, on: v.on, requestedBy: v.requestedBy ?? undefined, note: v.note }
        : { kind, on: v.on, outcome: v.outcome ?? undefined, note: v.note },
    );
  return (
    <form
      onSubmit={form.onSubmit(record)}
      noValidate
      aria-label="Record a request for a review, or a review held"
    >
      <Stack gap="sm">
        <SegmentedControl
          fullWidth
          aria-label="What to record"
          value={kind}
          onChange={(v) => {
            setKind(v as 'requested' | 'held');
            form.clearErrors();
          }}
          data={[
            { value: 'requested', label: 'A request' },
            { value: 'held', label: 'A review held' },
          ]}
        />
        {save.error && !(save.error instanceof ApiError && save.error.fields.length) && (
          <ErrorAlert error={save.error} />
        )}
        <Group align="flex-start" wrap="wrap">
          <DateField
            label={kind === 'requested' ? 'Received on' : 'Held on'}
            required
            {...form.getInputProps('on')}
          />
          {kind === 'requested' ? (
            <Select
              label="Who asked"
              required
              data={directionReviewRequesters.map((r) => ({
                value: r,
                label: directionReviewRequesterLabels[r],
              }))}
              {...form.getInputProps('requestedBy')}
            />
          ) : (
            <Select
              label="What the board decided"
              required
              data={directionReviewOutcomes.map((o) => ({
                value: o,
                label: directionReviewOutcomeLabels[o],
              }))}
              {...form.getInputProps('outcome')}
            />
          )}
        </Group>
        <Textarea
          label={
            kind === 'requested'
              ? 'What they asked (optional)'
              : 'What the board considered, and why it decided so'
          }
          required={kind === 'held'}
          autosize
          minRows={1}
          {...form.getInputProps('note')}
        />
        <Group>
          <Button type="submit" variant="outline" loading={save.isPending}>
            {kind === 'requested' ? 'Record the request' : 'Record the review'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
