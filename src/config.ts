import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { optionalUrl, withDefault } from './config-fields.js';
import { CENSOR_ENGINES, CENSOR_PROVIDERS } from './services/censor/providers.js';
import { IMAGE_ENGINES, IMAGE_PROVIDERS } from './services/imagery/providers.js';
import { mergeKeys } from './services/provider.js';

/** The repository root, found from this module rather than the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

export { CENSOR_ENGINES, type CensorEngineName } from './services/censor/providers.js';
export { IMAGE_ENGINES, type ImageEngineName } from './services/imagery/providers.js';

/** The house style appended in code to every approved prompt, unless a guild or a run sets its own. */
export const DEFAULT_STYLE =
  'corporate memphis illustration, flat pastel vectors, friendly smiling figures, brand-safe, approved for all audiences';

const sharedSchema = z.object({
  STORE_URL: withDefault(
    z
      .string()
      .regex(
        /^(sqlite|redis|rediss|postgres|postgresql|memory):/,
        'must start with sqlite:, redis:, postgres: or memory:',
      ),
    'sqlite://data/stage.sqlite',
  ),
  CENSOR_ENGINE: withDefault(z.enum(CENSOR_ENGINES), 'lexicon'),
  IMAGE_ENGINE: withDefault(z.enum(IMAGE_ENGINES), 'poster'),
  STYLE: withDefault(z.string().trim().min(1).max(300), DEFAULT_STYLE),
  LOG_LEVEL: withDefault(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  MODEL_TIMEOUT_MS: withDefault(z.coerce.number().int().min(100).max(600_000), 60_000),
  MODEL_RETRIES: withDefault(z.coerce.number().int().min(0).max(5), 2),
  /** The public evaluation data (I2P, NSFWErasureBench, LDNOOBW); see its SOURCES.md. */
  EVALDATA_DIR: withDefault(z.string().min(1), path.resolve(REPO_ROOT, '../shared/evaldata')),

  /** The exhibition wall's port; the wall is off unless it is set (0 picks a free port). */
  WALL_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(65_535).optional()),
  /** The address the wall binds; loopback unless a deployment opens it on purpose. */
  WALL_HOST: withDefault(z.string().min(1), '127.0.0.1'),
  /** The wall's public address (behind a proxy): links in /stage wall and the finale's gallery link use it. */
  WALL_PUBLIC_URL: optionalUrl,
  /** Where the wall's QR code leads: the Discord invite or channel. */
  WALL_INVITE_URL: optionalUrl,

  // Each hosted provider declares the keys it reads, beside its adapter.
  ...mergeKeys([...CENSOR_PROVIDERS, ...IMAGE_PROVIDERS]),
});

const discordSchema = z.object({
  DISCORD_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string({ error: 'is required' }).min(1)),
  DISCORD_APPLICATION_ID: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string({ error: 'is required' }).regex(/^\d{17,20}$/, 'must be a Discord snowflake (digits)'),
  ),
  DISCORD_GUILD_ID: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^\d{17,20}$/, 'must be a Discord snowflake (digits)')
      .optional(),
  ),
  DISCORD_API_URL: withDefault(z.url(), 'https://discord.com/api'),
  /** How long the store lease lasts unless renewed: a killed bot's successor waits at most about this long. */
  STORE_LEASE_MS: withDefault(z.coerce.number().int().min(500).max(300_000), 15_000),
  /**
   * How long one store call keeps trying while the store is unreachable or locked (a Redis restart, a SQLite file
   * locked by another program) before it fails: clicks are acknowledged first and wait this long at most.
   */
  STORE_RETRY_MS: withDefault(z.coerce.number().int().min(0).max(600_000), 30_000),
  /** How long start-up keeps retrying an unreachable Discord or store before it gives up. */
  STARTUP_RETRY_MS: withDefault(z.coerce.number().int().min(0).max(600_000), 60_000),
  /** Gateway shards: unset or 1 runs one process; N or `auto` (Discord's recommendation) runs one process per shard. */
  SHARDS: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^(?:auto|[1-9]\d{0,3})$/, 'must be auto or a whole number from 1')
      .transform((v) => (v === 'auto' ? ('auto' as const) : Number(v)))
      .optional(),
  ),
});

/** Settings every entry point needs: store, engines, style, hosted model credentials. */
export type SharedConfig = Readonly<z.infer<typeof sharedSchema>>;
/** Settings the bot needs on top of the shared ones. */
export type BotConfig = Readonly<SharedConfig & z.infer<typeof discordSchema>>;

/** A configuration problem, worded as one line that names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parse<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return Object.freeze(result.data) as z.infer<T>;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? 'environment');
  const why =
    issue?.code === 'invalid_type' && env[name] === undefined ? 'is required' : (issue?.message ?? 'is invalid');
  throw new ConfigError(`config: ${name} ${why}`);
}

/**
 * Parses the settings shared by the CLI and the bot. The only reader of the environment is the entry point that
 * calls this. `extra` are providers registered beyond the built-in ones; their keys are read too.
 */
export function loadSharedConfig(
  env: Record<string, string | undefined>,
  extra: readonly { keys: z.ZodRawShape }[] = [],
): SharedConfig {
  // Extra providers' keys are read on top; the type still describes the built-in keys.
  if (!extra.length) return parse(sharedSchema, env);
  return parse(sharedSchema.extend(mergeKeys(extra)), env) as SharedConfig;
}

/** Parses everything the bot needs; a missing token or application id is one clear line. */
export function loadBotConfig(env: Record<string, string | undefined>): BotConfig {
  return parse(sharedSchema.extend(discordSchema.shape), env);
}
