import { Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/errors.ts';
import { ErrorAlert } from '../../../ui/Feedback.tsx';
import { FormActions } from '../../../ui/FormActions.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { type AssignmentDraft, AssignmentPicker, emptyAssignment } from '../components/AssignmentPicker.tsx';
import { useCreateUser } from '../users.api.ts';

interface NewUserValues {
  displayName: string;
  email: string;
  password: string;
  assignment: AssignmentDraft;
}

export function NewUserPage() {
  const navigate = useNavigate();
  const form = useForm<NewUserValues>({
    initialValues: { displayName: '', email: '', password: '', assignment: emptyAssignment },
    validate: {
      displayName: (v) => (v.trim() ? null : 'Enter the person’s name'),
      email: (v) =>
        /^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter an email address like name@school.org.uk',
      password: (v) => (v.length >= 12 ? null : 'Use at least 12 characters'),
    },
  });
  const create = useCreateUser();
  const add = (values: NewUserValues) => {
    const { role, scopeType, scopeId } = values.assignment;
    create.mutate(
      {
        displayName: values.displayName,
        email: values.email,
        password: values.password,
        assignments: role && scopeType && scopeId ? [{ role, scopeType, scopeId }] : [],
      },
      {
        onSuccess: (user) => {
          notifySuccess(`${user.displayName} can now sign in.`);
          navigate(`/users/${user.id}`);
        },
        onError: (error) => {
          if (error instanceof ApiError) {
            const errors = error.fieldErrors();
            // The server names the first assignment's fields "assignments.0.x"; the form holds it as "assignment.x".
            form.setErrors(
              Object.fromEntries(
                Object.entries(errors).map(([k, v]) => [k.replace(/^assignments\.0\./, 'assignment.'), v]),
              ),
            );
          }
        },
      },
    );
  };
  const assignmentErrors = {
    role: form.errors['assignment.role'] as string | undefined,
    scopeType: form.errors['assignment.scopeType'] as string | undefined,
    scopeId: form.errors['assignment.scopeId'] as string | undefined,
  };

  return (
    <>
      <PageHeader
        title="Add a user"
        description="They sign in with this email address and the first password you set here."
      />
      <Paper withBorder p="lg" maw={760}>
        <form onSubmit={form.onSubmit(add)} noValidate>
          <Stack>
            <ErrorAlert error={create.error} title="The user was not added" />
            <TextInput label="Name" required autoComplete="off" {...form.getInputProps('displayName')} />
            <TextInput
              label="Email address"
              type="email"
              required
              autoComplete="off"
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label="First password"
              description="At least 12 characters. Pass it on safely; they can change it under Your account."
              required
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
            <Title order={2} size="h4" mt="sm">
              First role
            </Title>
            <Text size="sm" c="dimmed">
              Optional: you can add more roles after saving.
            </Text>
            <AssignmentPicker
              value={form.values.assignment}
              onChange={(next) => form.setFieldValue('assignment', next)}
              errors={assignmentErrors}
            />
            <FormActions submit="Add user" pending={create.isPending} cancelTo="/users" mt="md" />
          </Stack>
        </form>
      </Paper>
    </>
  );
}
