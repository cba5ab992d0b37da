import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root, found from this module rather than the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The censor engines a performance can use. `lexicon` is the embedded default. */
export const CENSOR_ENGINES = ['lexicon', 'openai', 'huggingface'] as const;
export type CensorEngineName = (typeof CENSOR_ENGINES)[number];

/** The image engines a performance can use. `poster` is the embedded default. */
export const IMAGE_ENGINES = ['poster', 'replicate', 'huggingface', 'openai'] as const;
export type ImageEngineName = (typeof IMAGE_ENGINES)[number];

/** The house style appended in code to every approved prompt, unless a guild or a run sets its own. */
export const DEFAULT_STYLE =
  'corporate memphis illustration, flat pastel vectors, friendly smiling figures, brand-safe, approved for all audiences';

// Empty strings count as unset, so `.env.example`'s empty placeholders behave like missing variables.
const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).optional());
const url = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess((v) => (v === '' || v === undefined ? fallback : v), schema);

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

  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: url,
  OPENAI_CENSOR_MODEL: withDefault(z.string().min(1), 'gpt-4o-mini'),
  OPENAI_IMAGE_MODEL: withDefault(z.string().min(1), 'gpt-image-1'),
  OPENAI_IMAGE_SIZE: withDefault(
    z.string().regex(/^(?:\d{2,4}x\d{2,4}|auto)$/, 'must be WIDTHxHEIGHT or auto'),
    '1024x1024',
  ),
  /** Temperature of the hosted censors (openai, huggingface); 0 gives the same rewrite for the same brief. */
  CENSOR_TEMPERATURE: withDefault(z.coerce.number().min(0).max(2), 0),

  HF_TOKEN: optionalText,
  HF_CENSOR_MODEL: withDefault(z.string().min(1), 'tiiuae/falcon-7b-instruct'),
  HF_CENSOR_ENDPOINT_URL: url,
  /** `text-generation` sends the fine-tune's `### Human: … ### Assistant:` template; `chat-completion` a chat. */
  HF_CENSOR_TASK: withDefault(z.enum(['text-generation', 'chat-completion']), 'text-generation'),
  HF_IMAGE_MODEL: withDefault(z.string().min(1), 'stabilityai/stable-diffusion-xl-base-1.0'),
  HF_IMAGE_ENDPOINT_URL: url,

  REPLICATE_API_TOKEN: optionalText,
  REPLICATE_BASE_URL: url,
  REPLICATE_IMAGE_MODEL: withDefault(z.string().min(1), 'black-forest-labs/flux-schnell'),
  /** Extra inputs for the Replicate model as a JSON object, e.g. {"num_inference_steps":4}. */
  REPLICATE_IMAGE_INPUT: z.preprocess((v) => {
    if (v === '' || v === undefined) return undefined;
    try {
      return JSON.parse(String(v));
    } catch {
      return v;
    }
  }, z.record(z.string(), z.unknown(), { error: 'must be a JSON object' }).optional()),
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

/** Parses the settings shared by the CLI and the bot. The only reader of the environment is the entry point that calls this. */
export function loadSharedConfig(env: Record<string, string | undefined>): SharedConfig {
  return parse(sharedSchema, env);
}

/** Parses everything the bot needs; a missing token or application id is one clear line. */
export function loadBotConfig(env: Record<string, string | undefined>): BotConfig {
  return parse(sharedSchema.extend(discordSchema.shape), env);
}
