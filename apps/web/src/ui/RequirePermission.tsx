import type { Permission } from '@waymark/domain';
import { Outlet } from 'react-router';
import { can, useCurrentSession } from '../modules/auth/session.ts';
import { NoAccessPage } from './NotFoundPage.tsx';

/** The pages below it, for those whose roles give the permission; a plain "no access" page otherwise. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const session = useCurrentSession();
  return can(session, permission) ? <Outlet /> : <NoAccessPage />;
}
