/**
 * The signed-in session and the calls that change it, with types from the shared contract
 * (`@waymark/domain/contracts/auth`). Signing in, the second step and signing out are plain calls: each
 * page decides what the cache and the screen do next, since a step can end signed in, half-way or out.
 */
import { useQuery } from '@tanstack/react-query';
import type { Permission } from '@waymark/domain';
import type { SessionAnswer, SessionView } from '@waymark/domain/contracts/auth';
import { api } from '../../api/client.ts';

export type { SessionAnswer } from '@waymark/domain/contracts/auth';
export type Session = SessionView;

export const sessionQueryKey = ['session'] as const;

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

/** A code from the authenticator app (or a recovery code), and whether to trust this browser. */
export interface SecondFactorCode {
  code: string;
  trustBrowser: boolean;
}

export const authCalls = {
  signIn: (credentials: { email: string; password: string }) =>
    api<SessionAnswer>('POST', '/api/auth/sign-in', credentials),
  signOut: () => api('POST', '/api/auth/sign-out'),
  /** Where the school's own sign-in service is, for this email's domain. */
  startSingleSignOn: (email: string) =>
    api<{ redirectTo: string }>('POST', '/api/auth/single-sign-on/start', { email }),
  passSecondFactor: (code: SecondFactorCode) =>
    api<{ session: Session }>('POST', '/api/auth/second-factor', code),
  /** A new authenticator secret (its key, link and QR code); a signed-in person confirms their password. */
  startEnrolment: (password?: string) =>
    api<{ secret: string; uri: string; qrCode: string }>(
      'POST',
      '/api/auth/second-factor/enrolment',
      password ? { password } : {},
    ),
  confirmEnrolment: (code: SecondFactorCode) =>
    api<{ recoveryCodes: string[]; session: Session }>(
      'POST',
      '/api/auth/second-factor/enrolment/confirm',
      code,
    ),
};
