/**
 * Configuration comes only from environment variables, parsed once at start. A bad value stops the
 * start with a message naming the variable, rather than failing later in a request.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  WAYMARK_DATA_DIR: z.string().min(1).default('data'),
  SEED_DEMO: booleanFromEnv.optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  COOKIE_SECURE: booleanFromEnv.optional(),
  TRUST_PROXY: booleanFromEnv.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  WEB_DIST_DIR: z.string().optional(),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+/, 'must be the address people use, such as https://waymark.example.org')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\//,
      'must start with smtp:// or smtps://, such as smtp://user:pass@mail.example.org:587',
    )
    .optional(),
  MAIL_FROM: z.string().min(3).default('Waymark <no-reply@waymark.invalid>'),
  MAIL_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  WAYMARK_CLOCK: z.iso
    .datetime({ offset: true, error: 'must be an instant such as 2026-11-27T09:00:00Z' })
    .optional(),
});

export type Config = ReturnType<typeof loadConfig>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(
      `Waymark cannot start: some environment variables are not right:\n${lines.join('\n')}`,
    );
  }
  const e = parsed.data;
  if (e.WAYMARK_CLOCK && e.NODE_ENV === 'production')
    throw new ConfigError(
      'Waymark cannot start: WAYMARK_CLOCK sets the clock for tests and demos and is refused when NODE_ENV=production.',
    );
  // Relative paths are relative to where the command was run (npm sets INIT_CWD), not to the workspace.
  const baseDir = env.INIT_CWD ?? process.cwd();
  const dataDir = isAbsolute(e.WAYMARK_DATA_DIR) ? e.WAYMARK_DATA_DIR : resolve(baseDir, e.WAYMARK_DATA_DIR);
  const database = e.DATABASE_URL
    ? ({ kind: 'postgres', url: e.DATABASE_URL } as const)
    : ({ kind: 'embedded', dataDir: resolve(dataDir, 'pglite') } as const);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database,
    // Demo data only on the embedded database unless asked for: a server database is someone's real data.
    seedDemo: e.SEED_DEMO ?? database.kind === 'embedded',
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    signInRateLimitPerMinute: e.SIGN_IN_RATE_LIMIT_PER_MINUTE,
    webDistDir: e.WEB_DIST_DIR ?? resolve(repositoryRoot, 'apps/web/dist'),
    // Links in emails must point where people reach Waymark, not where the process listens.
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    // No SMTP server: emails stay in the outbox, readable by administrators, until one is configured.
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM, pollSeconds: e.MAIL_POLL_SECONDS },
    version: process.env.npm_package_version ?? '0.1.0',
    // Outside production only: the instant the clock starts from (it then runs on in real time).
    clockStartsAt: e.WAYMARK_CLOCK ? new Date(e.WAYMARK_CLOCK) : null,
  };
}
