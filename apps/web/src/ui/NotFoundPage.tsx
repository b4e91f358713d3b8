import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from './PageHeader.tsx';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <Text mb="md">There is no page at this address. It may have moved, or the link may be mistyped.</Text>
      <Anchor component={Link} to="/">
        Go to the home page
      </Anchor>
    </>
  );
}

export function NoAccessPage() {
  return (
    <>
      <PageHeader title="Not available to your role" />
      <Text mb="md">Your roles do not include this page. If you need it, ask your trust administrator.</Text>
      <Anchor component={Link} to="/">
        Go to the home page
      </Anchor>
    </>
  );
}
