import { Alert, Button, Card, Group, NumberInput, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { fieldErrorsOf } from '@waymark/domain/contracts/field-errors';
import {
  type RegistrationCheckRequest,
  registrationCheckBodySchema,
} from '@waymark/domain/contracts/providers';
import { ApiError } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { type Provider, useRegistrationCheck } from './providers.api.ts';

/** The registration test (Appendix 1): live placements plus others' pupils, and the alarm when registration is owed. */
export function RegistrationCard({ provider, canEdit }: { provider: Provider; canEdit: boolean }) {
  const form = useForm({
    initialValues: {
      fullTimePupils: (provider.registration?.fullTimePupils ?? '') as number | string,
      fullTimePupilsLookedAfterOrEhcp: (provider.registration?.fullTimePupilsLookedAfterOrEhcp ?? '') as
        | number
        | string,
    },
    validate: (values) => fieldErrorsOf(registrationCheckBodySchema, values),
  });
  const save = useRegistrationCheck(provider.id);
  const check = (values: typeof form.values) =>
    // The form's check (the route's own schema) has passed, so the values are numbers.
    save.mutate(values as RegistrationCheckRequest, {
      onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
    });
  const r = provider.registration;
  // Whether the test was carried out, and when it is due again: the approval checklist's own words.
  const step = provider.approval.steps.find((s) => s.id === 'registration');
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Registration test
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Full-time (18+ hours a week) education to 5 or more pupils of compulsory school age, or to 1 who is
        looked after or has an EHCP, means the provider must be registered as an independent school. Waymark
        counts your group’s active placements itself; add the full-time pupils other schools or local
        authorities place there, as the provider tells you.
      </Text>
      {r?.alarm && (
        <Alert color="red" title="Do not place pupils here" role="alert" mb="sm">
          {r.reason}
        </Alert>
      )}
      {r && !r.alarm && <Text mb="sm">{r.reason}.</Text>}
      {r && (
        <Text size="sm" mb="sm">
          From your group’s placements: {r.fromPlacements.fullTimePupils} full-time (
          {r.fromPlacements.fullTimePupilsLookedAfterOrEhcp} looked after or with an EHCP). Placed by others:{' '}
          {r.reportedByProvider
            ? `${r.reportedByProvider.fullTimePupils} (${r.reportedByProvider.fullTimePupilsLookedAfterOrEhcp} looked after or with an EHCP)`
            : 'not asked yet'}
          .
        </Text>
      )}
      {!r?.alarm && step && <Text mb="sm">{step.detail}.</Text>}
      {canEdit && (
        <form onSubmit={form.onSubmit(check)} noValidate>
          {save.error && !(save.error instanceof ApiError && save.error.fields.length) && (
            <ErrorAlert error={save.error} />
          )}
          <Group align="flex-start" wrap="wrap">
            <NumberInput
              label="Full-time pupils placed by other schools or LAs"
              min={0}
              allowDecimal={false}
              {...form.getInputProps('fullTimePupils')}
            />
            <NumberInput
              label="Of those, looked after or with an EHCP"
              min={0}
              allowDecimal={false}
              {...form.getInputProps('fullTimePupilsLookedAfterOrEhcp')}
            />
          </Group>
          <Button type="submit" variant="outline" mt="sm" loading={save.isPending}>
            Apply the test
          </Button>
        </form>
      )}
    </Card>
  );
}
