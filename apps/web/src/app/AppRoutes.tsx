import { Component, type ReactNode, Suspense } from 'react';
import { useLocation, useRoutes } from 'react-router';
import { ErrorPage } from '../ui/ErrorPage.tsx';
import { Loading } from '../ui/Feedback.tsx';
import { routes } from './router.tsx';

/** Every page of Waymark, by address; a page that fails to show gives way to the error page. */
export function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <PageErrorBoundary pathname={pathname}>
      <Suspense fallback={<Loading />}>{useRoutes(routes)}</Suspense>
    </PageErrorBoundary>
  );
}

/** Catches what breaks while showing a page; going to another address tries again. */
class PageErrorBoundary extends Component<
  { pathname: string; children: ReactNode },
  { failedAt: string | null }
> {
  override state = { failedAt: null as string | null };

  static getDerivedStateFromError() {
    return { failedAt: window.location.pathname };
  }

  override render() {
    const { failedAt } = this.state;
    return failedAt !== null && failedAt === this.props.pathname ? <ErrorPage /> : this.props.children;
  }
}
