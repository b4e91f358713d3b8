import { Checkbox, Fieldset, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { senStatuses, senStatusLabels } from '@waymark/domain';
import type { PupilRequest } from '@waymark/domain/contracts/pupils';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useOrganisation } from '../organisation/organisation.api.ts';
import { useAddPupil } from './pupils.api.ts';

const blank = {
  schoolId: '',
  upn: '',
  uln: '',
  legalFirstName: '',
  legalLastName: '',
  preferredName: '',
  dateOfBirth: '',
  sex: '',
  senStatus: 'none',
  ehcpLocalAuthority: '',
  ehcpAnnualReviewOn: '',
  lookedAfter: false,
  virtualSchoolContact: '',
  parentName: '',
  parentRelationship: '',
  parentTelephone: '',
  parentEmail: '',
};
type Values = typeof blank;

function toBody(v: Values) {
  const { parentName, parentRelationship, parentTelephone, parentEmail, ...pupil } = v;
  return {
    ...pupil,
    parents: parentName.trim()
      ? [
          {
            name: parentName,
            relationship: parentRelationship,
            telephone: parentTelephone,
            email: parentEmail,
            parentalResponsibility: true,
          },
        ]
      : [],
  };
}

/** Adding a pupil: the identifiers are checked as the census checks them. */
export function PupilFormPage() {
  const navigate = useNavigate();
  const { data: organisation } = useOrganisation();
  const schools = (organisation?.schools ?? []).map((s) => ({ value: s.id, label: s.name }));
  const form = useForm<Values>({ initialValues: blank });
  // One school: it is the pupil's school; no need to ask.
  const onlySchool = schools.length === 1 ? schools[0]!.value : null;
  const save = useAddPupil();
  const add = (values: Values) =>
    // Sent as entered: the route checks the identifiers as the census does and names each problem.
    save.mutate(toBody({ ...values, schoolId: onlySchool ?? values.schoolId }) as PupilRequest, {
      onSuccess: (pupil) => {
        notifySuccess(`${pupil.displayName} added.`);
        navigate(`/pupils/${pupil.id}`);
      },
      onError: (error) => {
        if (!(error instanceof ApiError)) return;
        const errors = error.fieldErrors();
        for (const [path, message] of Object.entries(errors)) {
          const parent = path.match(/^parents\.0\.(\w+)/);
          if (parent) errors[`parent${parent[1]![0]!.toUpperCase()}${parent[1]!.slice(1)}`] = message;
        }
        form.setErrors(errors);
      },
    });
  return (
    <>
      <PageHeader title="Add a pupil" />
      <Paper withBorder p="lg">
        <form onSubmit={form.onSubmit(add)} noValidate>
          <Stack>
            {save.error && !(save.error instanceof ApiError && save.error.fields.length) && (
              <ErrorAlert error={save.error} />
            )}
            {save.error instanceof ApiError && save.error.fields.length > 0 && (
              <ErrorAlert error={save.error} title="The pupil was not added" />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {schools.length > 1 ? (
                <Select label="School" required data={schools} {...form.getInputProps('schoolId')} />
              ) : null}
              <TextInput
                label="UPN"
                description="13 characters, as on the school census"
                required
                {...form.getInputProps('upn')}
              />
              <TextInput
                label="ULN"
                description="10 digits, if the pupil has one"
                {...form.getInputProps('uln')}
              />
              <TextInput label="Legal first name" required {...form.getInputProps('legalFirstName')} />
              <TextInput label="Legal last name" required {...form.getInputProps('legalLastName')} />
              <TextInput label="Preferred name" {...form.getInputProps('preferredName')} />
              <DateField label="Date of birth" required {...form.getInputProps('dateOfBirth')} />
              <Select
                label="Sex"
                required
                data={[
                  { value: 'F', label: 'F' },
                  { value: 'M', label: 'M' },
                ]}
                {...form.getInputProps('sex')}
              />
              <Select
                label="SEN status"
                required
                data={senStatuses.map((s) => ({ value: s, label: senStatusLabels[s] }))}
                {...form.getInputProps('senStatus')}
              />
              {form.values.senStatus === 'ehcp' && (
                <>
                  <TextInput
                    label="Local authority maintaining the EHCP"
                    required
                    {...form.getInputProps('ehcpLocalAuthority')}
                  />
                  <DateField label="EHCP annual review" {...form.getInputProps('ehcpAnnualReviewOn')} />
                </>
              )}
            </SimpleGrid>
            <Checkbox label="Looked after" {...form.getInputProps('lookedAfter', { type: 'checkbox' })} />
            {form.values.lookedAfter && (
              <TextInput
                label="Virtual school contact"
                required
                {...form.getInputProps('virtualSchoolContact')}
              />
            )}
            <Fieldset legend="Parent or carer">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label="Name" {...form.getInputProps('parentName')} />
                <TextInput
                  label="Relationship"
                  description="e.g. Mother, Foster carer"
                  {...form.getInputProps('parentRelationship')}
                />
                <TextInput label="Telephone" {...form.getInputProps('parentTelephone')} />
                <TextInput label="Email" type="email" {...form.getInputProps('parentEmail')} />
              </SimpleGrid>
            </Fieldset>
            <FormActions submit="Add pupil" pending={save.isPending} cancelTo="/pupils" />
          </Stack>
        </form>
      </Paper>
    </>
  );
}
