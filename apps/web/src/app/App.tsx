import { MantineProvider } from '@mantine/core';
import { useNotifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { whenSignedOut } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { rememberSignOutReason, sessionQueryKey } from '../modules/auth/session.ts';
import { localDrafts } from '../modules/qa/local-drafts.ts';
import { AppRoutes } from './AppRoutes.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

const queryClient = new QueryClient({
  queryCache: new QueryCache(),
  defaultOptions: {
    queries: {
      // A 4xx will not succeed on retry; only retry what may be a passing network problem.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

whenSignedOut((code) => {
  // A session that ended takes the QA drafts on this device with it: welfare notes stay nowhere.
  const unsent = localDrafts.unsent();
  localDrafts.clearAll();
  if (code === 'auth.session_expired')
    rememberSignOutReason(
      `Your session has ended: it was unused for a while, or you signed out on another device. Sign in again to carry on.${unsent ? ' A QA visit draft that had not reached Waymark was removed from this device.' : ''}`,
    );
  queryClient.setQueryData(sessionQueryKey, { session: null });
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Confirmations />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

// The confirmations' display (with its animations) is fetched when the first one is shown, not with
// every first load: a provider opening the register on a phone's signal waits for less.
const ConfirmationsDisplay = lazy(() =>
  import('../ui/ConfirmationsDisplay.tsx').then((m) => ({ default: m.ConfirmationsDisplay })),
);

function Confirmations() {
  const queued = useNotifications().notifications.length > 0;
  // Once shown it stays mounted, so a confirmation closing can animate out.
  const [needed, setNeeded] = useState(false);
  if (queued && !needed) setNeeded(true);
  return needed ? (
    <Suspense fallback={null}>
      <ConfirmationsDisplay />
    </Suspense>
  ) : null;
}
