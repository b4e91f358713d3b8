import { Anchor, Container, Text, Title } from '@mantine/core';

/** Shown in place of a page that broke while showing (app/AppRoutes.tsx catches it). */
export function ErrorPage() {
  return (
    <Container size="sm" py="xl" component="main">
      <Title order={1} size="h2" mb="md">
        Sorry, this page could not be shown
      </Title>
      <Text mb="md">
        Something went wrong while showing this page. Nothing you entered has been lost from pages you already
        saved. Try again, and tell your administrator if it keeps happening.
      </Text>
      <Anchor href="/">Go to the home page</Anchor>
    </Container>
  );
}
