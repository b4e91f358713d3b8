import { useQuery } from '@tanstack/react-query';
import type { Permission, RoleName, ScopeType } from '@waymark/domain';
import { api } from '../../api/client.ts';

export interface Session {
  user: { id: string; email: string; displayName: string };
  group: { id: string; name: string };
  assignments: { id: string; role: RoleName; scopeType: ScopeType; scopeId: string; scopeName: string }[];
  permissions: Permission[];
}

export const sessionQueryKey = ['session'] as const;

/** Signed out, signed in, or between the password and the second step (`secondFactor`). */
export interface SessionAnswer {
  session: Session | null;
  secondFactor?: 'code' | 'enrol' | null;
}

export function fetchSession() {
  return api<SessionAnswer>('GET', '/api/auth/session');
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** The signed-in session, for pages inside the signed-in layout. */
export function useCurrentSession(): Session {
  const { data } = useSession();
  if (!data?.session) throw new Error('useCurrentSession used outside a signed-in page');
  return data.session;
}

export function can(session: Session, permission: Permission): boolean {
  return session.permissions.includes(permission);
}

const SIGN_OUT_REASON = 'waymark.signOutReason';

/** Why the user is back at sign-in, shown once there (session storage: this tab only). */
export function rememberSignOutReason(reason: string) {
  sessionStorage.setItem(SIGN_OUT_REASON, reason);
}

export function takeSignOutReason(): string | null {
  const reason = sessionStorage.getItem(SIGN_OUT_REASON);
  sessionStorage.removeItem(SIGN_OUT_REASON);
  return reason;
}
