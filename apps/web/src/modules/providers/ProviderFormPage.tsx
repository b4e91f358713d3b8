import { Fieldset, Group, Paper, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ofstedGradeLabels, ofstedGrades, settingTypeLabels, settingTypes } from '@waymark/domain';
import { fieldErrorsOf } from '@waymark/domain/contracts/field-errors';
import { type ProviderRequest, providerInputSchema } from '@waymark/domain/contracts/providers';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type Provider, useProvider, useSaveProvider } from './providers.api.ts';

const emptyPerson = { name: '', trainingDetails: '', trainedOn: '' };
const who = { dsl: 'DSL', deputyDsl: 'Deputy DSL' } as const;

function formValues(p?: Provider) {
  const person = (x: Provider['dsl'] | undefined) => ({
    name: x?.name ?? '',
    trainingDetails: x?.trainingDetails ?? '',
    trainedOn: x?.trainedOn ?? '',
  });
  return {
    name: p?.name ?? '',
    settingType: p?.settingType ?? '',
    addressLine1: p?.addressLine1 ?? '',
    addressLine2: p?.addressLine2 ?? '',
    town: p?.town ?? '',
    postcode: p?.postcode ?? '',
    telephone: p?.telephone ?? '',
    email: p?.email ?? '',
    keyContactName: p?.keyContactName ?? '',
    keyContactRole: p?.keyContactRole ?? '',
    dfeNumber: p?.dfeNumber ?? '',
    urn: p?.urn ?? '',
    ukprn: p?.ukprn ?? '',
    aalaLicence: p?.aalaLicence ?? '',
    ofstedGrade: p?.ofstedGrade ?? '',
    ofstedReportDate: p?.ofstedReportDate ?? '',
    onLaFramework:
      p?.onLaFramework === null || p?.onLaFramework === undefined ? '' : p.onLaFramework ? 'yes' : 'no',
    dsl: p?.dsl ? person(p.dsl) : emptyPerson,
    deputyDsl: p?.deputyDsl ? person(p.deputyDsl) : emptyPerson,
  };
}

type Values = ReturnType<typeof formValues>;

/** The API's shape: blanks become "not recorded", a person without a name is no person. */
function toBody(v: Values) {
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  const person = (x: Values['dsl']) =>
    x.name.trim()
      ? { name: x.name.trim(), trainingDetails: orNull(x.trainingDetails), trainedOn: orNull(x.trainedOn) }
      : null;
  return {
    ...v,
    addressLine2: orNull(v.addressLine2),
    keyContactRole: orNull(v.keyContactRole),
    dfeNumber: orNull(v.dfeNumber),
    urn: orNull(v.urn),
    ukprn: orNull(v.ukprn),
    aalaLicence: orNull(v.aalaLicence),
    ofstedGrade: v.ofstedGrade || null,
    ofstedReportDate: orNull(v.ofstedReportDate),
    settingType: v.settingType || undefined,
    onLaFramework: v.onLaFramework === '' ? undefined : v.onLaFramework === 'yes',
    dsl: person(v.dsl),
    deputyDsl: person(v.deputyDsl),
  };
}

export function ProviderFormPage() {
  const { providerId } = useParams();
  const existing = useProvider(providerId ?? '');
  if (providerId && existing.isPending) return <Loading label="Loading the provider" />;
  if (providerId && existing.error)
    return <ErrorAlert error={existing.error} title="This provider could not be shown" />;
  return <ProviderForm provider={providerId ? existing.data : undefined} />;
}

function ProviderForm({ provider }: { provider: Provider | undefined }) {
  const navigate = useNavigate();
  const form = useForm({
    initialValues: formValues(provider),
    // The route's own schema, so the form names each field the server would refuse.
    validate: (values) => fieldErrorsOf(providerInputSchema, toBody(values)),
  });
  const save = useSaveProvider(provider?.id);
  const submit = (values: Values) =>
    // The form's check has passed, so the body is the request's shape.
    save.mutate(toBody(values) as ProviderRequest, {
      onSuccess: (saved) => {
        notifySuccess(provider ? `${saved.name} saved.` : `${saved.name} added to the directory.`);
        navigate(`/providers/${saved.id}`);
      },
      onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
    });
  const title = provider ? `Edit ${provider.name}` : 'Add a provider';
  return (
    <>
      <PageHeader
        title={title}
        description="The details at the top of the Appendix 1 audit form, kept once for the whole group."
      />
      <Paper withBorder p="lg" maw={900}>
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack>
            <ErrorAlert error={save.error} title="The provider was not saved" />
            <Fieldset legend="Provider">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label="Name of provider" required {...form.getInputProps('name')} />
                <Select
                  label="Kind of setting"
                  required
                  data={settingTypes.map((value) => ({ value, label: settingTypeLabels[value] }))}
                  {...form.getInputProps('settingType')}
                />
                <TextInput label="Address" required {...form.getInputProps('addressLine1')} />
                <TextInput label="Address line 2" {...form.getInputProps('addressLine2')} />
                <TextInput label="Town or city" required {...form.getInputProps('town')} />
                <TextInput label="Postcode" required {...form.getInputProps('postcode')} />
                <TextInput
                  label="Telephone number"
                  type="tel"
                  required
                  {...form.getInputProps('telephone')}
                />
                <TextInput label="E-mail address" type="email" required {...form.getInputProps('email')} />
                <TextInput label="Key contact" required {...form.getInputProps('keyContactName')} />
                <TextInput label="Key contact’s role" {...form.getInputProps('keyContactRole')} />
              </SimpleGrid>
            </Fieldset>
            <Fieldset legend="Registration and inspection">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="DfE number"
                  description="As 340/4001, if registered with the DfE"
                  {...form.getInputProps('dfeNumber')}
                />
                <TextInput
                  label="URN"
                  description="6 digits, from Get Information about Schools"
                  {...form.getInputProps('urn')}
                />
                <TextInput
                  label="UKPRN"
                  description="8 digits starting with 1"
                  {...form.getInputProps('ukprn')}
                />
                <TextInput
                  label="AALA licence number"
                  description="Outdoor adventurous activity providers"
                  {...form.getInputProps('aalaLicence')}
                />
                <Select
                  label="Ofsted grade"
                  clearable
                  data={ofstedGrades.map((value) => ({ value, label: ofstedGradeLabels[value] }))}
                  {...form.getInputProps('ofstedGrade')}
                />
                <DateField label="Ofsted report date" {...form.getInputProps('ofstedReportDate')} />
              </SimpleGrid>
              <Radio.Group
                label="On the local authority’s AP framework?"
                required
                mt="md"
                {...form.getInputProps('onLaFramework')}
              >
                <Group mt="xs">
                  <Radio value="yes" label="Yes" />
                  <Radio value="no" label="No" />
                </Group>
              </Radio.Group>
            </Fieldset>
            {(['dsl', 'deputyDsl'] as const).map((key) => (
              <Fieldset
                key={key}
                legend={
                  key === 'dsl' ? 'Designated safeguarding lead' : 'Deputy designated safeguarding lead'
                }
              >
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput label={`${who[key]} name`} {...form.getInputProps(`${key}.name`)} />
                  <TextInput
                    label={`${who[key]} training`}
                    description="Course and who ran it"
                    {...form.getInputProps(`${key}.trainingDetails`)}
                  />
                  <DateField label={`${who[key]} trained on`} {...form.getInputProps(`${key}.trainedOn`)} />
                </SimpleGrid>
              </Fieldset>
            ))}
            <FormActions
              submit={provider ? 'Save provider' : 'Add provider'}
              pending={save.isPending}
              cancelTo={provider ? `/providers/${provider.id}` : '/providers'}
            />
          </Stack>
        </form>
      </Paper>
    </>
  );
}
