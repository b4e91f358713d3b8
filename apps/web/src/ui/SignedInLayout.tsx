import { Anchor, AppShell, Burger, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Navigate, Outlet, Link as RouterLink, useLocation, useNavigate } from 'react-router';
import { authCalls, can, sessionQueryKey, useCurrentSession, useSession } from '../modules/auth/session.ts';
import { localDrafts } from '../modules/qa/local-drafts.ts';
import { Loading } from './Feedback.tsx';
import { navItems } from './navigation.ts';

/** Every page behind sign-in: the header, the menu for the user's roles, and the page itself. */
export function SignedInLayout() {
  const { data, isPending } = useSession();
  const location = useLocation();
  if (isPending) return <Loading label="Checking your sign-in" />;
  if (!data?.session)
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <Shell />;
}

function Shell() {
  const session = useCurrentSession();
  const [menuOpen, { toggle, close }] = useDisclosure(false);
  // Mantine slides the collapsed phone menu off-screen; hiding it too keeps its links out of the tab order.
  const isPhone = useMediaQuery('(max-width: 48em)');
  const menuHidden = isPhone && !menuOpen;
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function signOut() {
    // Nothing of a QA visit stays on the device after sign-out: warn first if some is unsent.
    const unsent = localDrafts.unsent();
    if (
      unsent &&
      !window.confirm(
        `${unsent === 1 ? 'A QA visit draft has' : `${unsent} QA visit drafts have`} not reached Waymark yet. Signing out removes ${unsent === 1 ? 'it' : 'them'} from this device. Sign out anyway?`,
      )
    )
      return;
    localDrafts.clearAll();
    await authCalls.signOut().catch(() => {});
    queryClient.clear();
    queryClient.setQueryData(sessionQueryKey, { session: null });
    navigate('/sign-in');
  }

  const items = navItems.filter((item) => !item.permission || can(session, item.permission));
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !menuOpen } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={menuOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={menuOpen ? 'Close menu' : 'Open menu'}
            />
            <Anchor component={RouterLink} to="/" fw={700} size="lg" underline="never" c="blue.9">
              Waymark
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="xs">
              {session.group.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="sm">
              {session.user.displayName}
            </Text>
            <Button variant="outline" size="xs" onClick={signOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="xs"
        aria-label="Main menu"
        style={menuHidden ? { visibility: 'hidden' } : undefined}
      >
        <Stack gap={2}>
          {items.map((item) => {
            const active =
              item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to);
            return (
              // A plain link styled in global.css: Mantine's NavLink would bring its collapsing
              // sub-menus to every page's first load, and this menu has none.
              <RouterLink
                key={item.to}
                to={item.to}
                className="wm-nav-link"
                aria-current={active ? 'page' : undefined}
                onClick={close}
              >
                {item.label}
              </RouterLink>
            );
          })}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

/** Shows the child routes only to users with the permission; the API refuses them anyway. */
