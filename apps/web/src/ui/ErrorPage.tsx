import { Anchor, Container, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** The error boundary for every route: something broke while showing the page. */
export function ErrorPage() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Container size="sm" py="xl" component="main">
      <Title order={1} size="h2" mb="md">
        {notFound ? 'Page not found' : 'Sorry, this page could not be shown'}
      </Title>
      <Text mb="md">
        {notFound
          ? 'There is no page at this address.'
          : 'Something went wrong while showing this page. Nothing you entered has been lost from pages you already saved. Try again, and tell your administrator if it keeps happening.'}
      </Text>
      <Anchor href="/">Go to the home page</Anchor>
    </Container>
  );
}
