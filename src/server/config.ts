import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

/** Every environment variable Ruta reads, with its default. README.md documents this same list. */
const ConfigSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a whole number from 1 to 65535' })
    .int()
    .min(1)
    .max(65535)
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  BODY_LIMIT_BYTES: z.coerce
    .number({ error: 'must be a whole number of bytes from 1024 to 104857600' })
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  TRUST_PROXY: booleanFlag.default(false),
  /** Sign-in attempts allowed per client IP per minute, on top of the per-email lockout. */
  SIGN_IN_RATE_LIMIT: z.coerce
    .number({ error: 'must be a whole number from 1 to 100000' })
    .int()
    .min(1)
    .max(100_000)
    .default(60),
  /** Requests per client IP per minute to the public service finder's API (no sign-in). */
  PUBLIC_RATE_LIMIT: z.coerce
    .number({ error: 'must be a whole number from 1 to 100000' })
    .int()
    .min(1)
    .max(100_000)
    .default(300),
  SEED_DEMO: booleanFlag.default(true),
  /** For automated tests only: every demo user gets this password instead of a generated one. */
  SEED_DEMO_PASSWORD: z.string().min(12, { error: 'must be at least 12 characters long' }).optional(),
  WEB_DIST_DIR: z.string().min(1).default('./dist/web'),
  /** Where notifications are emailed through (smtp:// or smtps://, with credentials); unset, they are only logged. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** The sender of notification emails. */
  MAIL_FROM: z.string().min(3).default('Ruta <no-responder@ruta.example>'),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the configuration from the environment. A bad value stops the start with one sentence naming the
 * variable, because an operator reading a log at 2 a.m. should not have to decode a stack trace.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(ConfigSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') input[key] = value.trim();
  }
  const parsed = ConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const variable = String(issue?.path[0] ?? 'environment');
  throw new ConfigError(
    `Invalid configuration: ${variable} ${issue?.message ?? 'is not valid'} (got ${JSON.stringify(input[variable] ?? '')}).`,
  );
}
