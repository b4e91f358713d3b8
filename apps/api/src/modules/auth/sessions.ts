/**
 * Server-side sessions: how one is started, recognised on each request and ended. The cookie carries a
 * random token; the database keeps its hash, so a leaked database cannot be replayed as sessions.
 */
import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, type SessionLookup } from '../../lib/authorization.ts';
import { newToken, sha256 } from '../../lib/tokens.ts';
import type { AuthRepository } from './auth.repository.ts';

export { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE };

/** Set on a browser the person chose to trust after an authenticator code (sent to /api/auth only). */
export const TRUSTED_BROWSER_COOKIE = 'waymark_trusted_browser';
/** Writing last_seen on every request would turn every read into a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export async function startSession({
  authRepository,
  userId,
  sessionConfig,
  now,
  ipAddress,
  userAgent,
  secondFactor,
}: {
  authRepository: AuthRepository;
  userId: string;
  /** `code` or `enrol` while the second step of signing in is still to be done. */
  secondFactor: 'done' | 'code' | 'enrol';
  sessionConfig: Config['session'];
  now: Date;
  ipAddress: string | null;
  userAgent: string | null;
}) {
  const sessionToken = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + sessionConfig.maxHours * 3_600_000);
  await authRepository.createSession({
    tokenHash: sha256(sessionToken),
    userId,
    csrfHash: sha256(csrfToken),
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ipAddress,
    userAgent: userAgent?.slice(0, 300) ?? null,
    secondFactor,
  });
  return { sessionToken, csrfToken, expiresAt };
}

export async function lookUpSession({
  authRepository,
  sessionToken,
  sessionConfig,
  now,
}: {
  authRepository: AuthRepository;
  sessionToken: string | undefined;
  sessionConfig: Config['session'];
  now: Date;
}): Promise<SessionLookup> {
  if (!sessionToken) return { state: 'none' };
  const tokenHash = sha256(sessionToken);
  const found = await authRepository.findSessionWithUser(tokenHash);
  if (!found) return { state: 'expired' };
  const { session, user } = found;
  const idleDeadline = session.lastSeenAt.getTime() + sessionConfig.idleMinutes * 60_000;
  if (!user.isActive || session.expiresAt <= now || idleDeadline <= now.getTime()) {
    await authRepository.deleteSession(tokenHash);
    return { state: 'expired' };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await authRepository.touchSession(tokenHash, now);
  }
  const assignments = await authRepository.findAssignments(user.id);
  return {
    state: 'active',
    csrfHash: session.csrfHash,
    secondFactor: session.secondFactor,
    actor: {
      userId: user.id,
      groupId: user.groupId,
      email: user.email,
      displayName: user.displayName,
      sessionTokenHash: tokenHash,
      assignments,
    },
  };
}

/**
 * The cookies of a new session: the session token (httpOnly; Lax so a link from an email arrives signed
 * in) and the CSRF token the page's script echoes in the X-CSRF-Token header (so not httpOnly).
 */
export function setSessionCookies(
  reply: FastifyReply,
  tokens: { sessionToken: string; csrfToken: string },
  config: Pick<Config, 'cookieSecure' | 'session'>,
) {
  const options = { path: '/', secure: config.cookieSecure, maxAge: config.session.maxHours * 3600 };
  reply.setCookie(SESSION_COOKIE, tokens.sessionToken, { ...options, httpOnly: true, sameSite: 'lax' });
  reply.setCookie(CSRF_COOKIE, tokens.csrfToken, { ...options, sameSite: 'strict' });
}
