import { Anchor, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { roles } from '@waymark/domain';
import { Link } from 'react-router';
import { navItems } from '../../ui/navigation.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { IncidentsToActCard } from '../incidents/IncidentsToActCard.tsx';
import { WhatIsDueCard } from '../obligations/WhatIsDueCard.tsx';
import { EhcpReviewsCard } from '../placements/EhcpReviewsCard.tsx';
import { RenewalsCard } from '../providers/RenewalsCard.tsx';
import { EarlyWarningsCard } from '../warnings/EarlyWarningsCard.tsx';
import { ProviderTodayCard } from './ProviderTodayCard.tsx';

/** The signed-in home: what is due for you (for a provider, today's registers and what waits), who you are here and (for school staff) where to go. */
export function HomePage() {
  const session = useCurrentSession();
  const shortcuts = navItems.filter(
    (item) => item.to !== '/' && (!item.permission || can(session, item.permission)),
  );
  // A provider's home is what to do today; their menu is short enough not to repeat it here.
  const provider = can(session, 'portal.use');
  return (
    <>
      <PageHeader title={`Welcome, ${session.user.displayName}`} description={session.group.name} />
      {provider && <ProviderTodayCard />}
      {!provider && (
        <Stack mb="lg">
          <WhatIsDueCard />
          {can(session, 'warnings.read') && <EarlyWarningsCard />}
        </Stack>
      )}
      <SimpleGrid cols={{ base: 1, md: provider ? 1 : 2 }} spacing="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="your-roles">
          <Title order={2} size="h4" mb="sm" id="your-roles">
            Your roles
          </Title>
          {session.assignments.length === 0 ? (
            <Text>You have no roles yet. Ask your trust administrator to give you one.</Text>
          ) : (
            <Stack gap="xs">
              {session.assignments.map((a) => (
                <Group key={a.id} gap="xs" wrap="wrap">
                  <Tag tone="info">{roles[a.role].label}</Tag>
                  <Text size="sm">{a.scopeName}</Text>
                </Group>
              ))}
            </Stack>
          )}
        </Card>
        {!provider && (
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="sm">
              Go to
            </Title>
            <List spacing="xs">
              {shortcuts.map((item) => (
                <List.Item key={item.to}>
                  <Anchor component={Link} to={item.to}>
                    {item.label}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Card>
        )}
      </SimpleGrid>
      {(can(session, 'incidents.manage') || can(session, 'safeguarding.manage')) && (
        <Stack mt="lg">
          <IncidentsToActCard />
        </Stack>
      )}
      {can(session, 'providers.manage') && (
        <Stack mt="lg">
          <EhcpReviewsCard />
          <RenewalsCard />
        </Stack>
      )}
    </>
  );
}
