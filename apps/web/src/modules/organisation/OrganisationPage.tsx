import {
  Anchor,
  Button,
  Card,
  Group,
  List,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { UseMutationResult } from '@tanstack/react-query';
import { fieldErrorsOf } from '@waymark/domain/contracts/field-errors';
import { schoolBodySchema } from '@waymark/domain/contracts/organisation';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type Organisation, useAddRegion, useOrganisation, useSaveSchool } from './organisation.api.ts';

type School = Organisation['schools'][number];

/** The school as the route takes it: blank optional fields are "not known", not empty text. */
const schoolRequestOf = (values: {
  name: string;
  regionId: string;
  urn: string;
  localAuthority: string;
}) => ({
  ...values,
  urn: values.urn.trim() || null,
  localAuthority: values.localAuthority.trim() || null,
});

export function OrganisationPage() {
  const organisation = useOrganisation();
  const [editing, setEditing] = useState<School | null>(null);
  if (organisation.isPending) return <Loading label="Loading schools" />;
  if (organisation.error)
    return <ErrorAlert error={organisation.error} title="The organisation could not be loaded" />;
  const { regions, schools, providers, group } = organisation.data;
  return (
    <>
      <PageHeader
        title="Schools and regions"
        description={`How ${group.name} is organised, and the providers it works with.`}
      />
      <Card withBorder padding="lg" mb="lg">
        <Title order={2} size="h4" mb="sm">
          Schools
        </Title>
        <DataTable
          label="Schools"
          minWidth={560}
          empty="No schools yet. Add the group's first school below; its term dates, staff and pupils follow."
          headers={['School', 'Region', 'URN', 'Local authority', 'Action']}
          rows={schools}
          row={(school) => (
            <Table.Tr key={school.id}>
              <Table.Th scope="row">{school.name}</Table.Th>
              <Table.Td>{school.regionName}</Table.Td>
              <Table.Td>{school.urn ?? '—'}</Table.Td>
              <Table.Td>{school.localAuthority ?? '—'}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="outline"
                  onClick={() => setEditing(school)}
                  aria-label={`Edit ${school.name}`}
                >
                  Edit
                </Button>
              </Table.Td>
            </Table.Tr>
          )}
        />
      </Card>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <SchoolForm regions={regions} />
        <RegionForm regions={regions} />
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            Providers
          </Title>
          <Text mb="sm">
            {providers.length} {providers.length === 1 ? 'provider is' : 'providers are'} in the group’s
            directory.
          </Text>
          <Anchor component={Link} to="/providers">
            Go to the provider directory
          </Anchor>
        </Card>
      </SimpleGrid>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? `Edit ${editing.name}` : ''}
      >
        {editing && <SchoolForm regions={regions} school={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </>
  );
}

function SchoolForm({
  regions,
  school,
  onDone,
}: {
  regions: Organisation['regions'];
  school?: School;
  onDone?: () => void;
}) {
  const form = useForm({
    initialValues: {
      name: school?.name ?? '',
      regionId: school?.regionId ?? '',
      urn: school?.urn ?? '',
      localAuthority: school?.localAuthority ?? '',
    },
    // The route's own schema, so the form says what the server would before the round trip.
    validate: (values) => fieldErrorsOf(schoolBodySchema, schoolRequestOf(values)),
  });
  const save = useSaveSchool(school?.id);
  const Wrapper = school ? Stack : Card;
  return (
    <Wrapper {...(school ? {} : { withBorder: true, padding: 'lg' })}>
      {!school && (
        <Title order={2} size="h4" mb="sm">
          Add a school
        </Title>
      )}
      <form
        onSubmit={form.onSubmit((values) =>
          save.mutate(schoolRequestOf(values), {
            onSuccess: () => {
              notifySuccess(school ? `${values.name} saved.` : `${values.name} added.`);
              if (school) onDone?.();
              else form.reset();
            },
            onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()),
          }),
        )}
        noValidate
      >
        <Stack>
          {save.error && !(save.error instanceof ApiError && save.error.fields.length) && (
            <ErrorAlert error={save.error} />
          )}
          <TextInput label="School name" required {...form.getInputProps('name')} />
          <Select
            label="Region"
            required
            data={regions.map((r) => ({ value: r.id, label: r.name }))}
            {...form.getInputProps('regionId')}
          />
          <TextInput
            label="URN"
            description="From Get Information about Schools"
            {...form.getInputProps('urn')}
          />
          <TextInput label="Local authority" {...form.getInputProps('localAuthority')} />
          <Button type="submit" loading={save.isPending} w="fit-content">
            {school ? 'Save school' : 'Add school'}
          </Button>
        </Stack>
      </form>
    </Wrapper>
  );
}

function NameForm({
  title,
  label,
  names,
  save,
}: {
  title: string;
  label: string;
  names: string[];
  save: UseMutationResult<unknown, Error, string>;
}) {
  const [name, setName] = useState('');
  const fieldError = save.error instanceof ApiError ? save.error.fieldErrors().name : undefined;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {names.length > 0 ? (
        <List size="sm" mb="md">
          {names.map((n) => (
            <List.Item key={n}>{n}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" mb="md">
          None yet.
        </Text>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const added = name.trim();
          save.mutate(added, {
            onSuccess: () => {
              notifySuccess(`${added} added.`);
              setName('');
            },
          });
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={label}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError}
          />
          <Button type="submit" variant="outline" loading={save.isPending} disabled={!name.trim()}>
            Add
          </Button>
        </Group>
      </form>
    </Card>
  );
}

function RegionForm({ regions }: { regions: Organisation['regions'] }) {
  const save = useAddRegion();
  return <NameForm title="Regions" label="New region" names={regions.map((r) => r.name)} save={save} />;
}
