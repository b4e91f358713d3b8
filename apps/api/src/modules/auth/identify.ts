/**
 * Who is asking: the session behind a cookie, or the provider system behind an API key. The gate in
 * lib/authorization.ts calls these; app.ts hands them over so the gate depends on no feature.
 */
import type { Identify } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { actorForApiKey } from '../attendance/api-keys.ts';
import { createAuthRepository } from './auth.repository.ts';
import { lookUpSession } from './sessions.ts';

export function identifyWith(deps: AppDependencies): Identify {
  const authRepository = createAuthRepository({ db: deps.db });
  return {
    byApiKey: (header) => actorForApiKey(deps.db, header, deps.clock()),
    bySession: (sessionToken) =>
      lookUpSession({ authRepository, sessionToken, sessionConfig: deps.config.session, now: deps.clock() }),
  };
}
