import { Anchor, Button, Group } from '@mantine/core';
import { Link } from 'react-router';

/** The foot of a page-sized form: its submit button, and a way back without saving. */
export function FormActions({
  submit,
  pending,
  cancelTo,
  mt,
}: {
  submit: string;
  pending: boolean;
  cancelTo: string;
  mt?: string;
}) {
  return (
    <Group mt={mt}>
      <Button type="submit" loading={pending}>
        {submit}
      </Button>
      <Anchor component={Link} to={cancelTo}>
        Cancel
      </Anchor>
    </Group>
  );
}
