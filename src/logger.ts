import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * Tokens that travel inside Discord URLs: an interaction's token (its callback and its webhook) and a webhook's
 * token. discord.js puts the URL on every DiscordAPIError, so a failed callback would print the token.
 */
const URL_SECRETS: Array<[RegExp, string]> = [
  [/(\/interactions\/\d+\/)[^/?#\s"']+/g, '$1[redacted]'],
  [/(\/webhooks\/\d+\/)[^/?#\s"']+/g, '$1[redacted]'],
];

/** A string, or any object's strings, with the tokens of Discord URLs replaced. */
export function scrubSecrets<T>(value: T, depth = 0): T {
  if (typeof value === 'string') {
    let text: string = value;
    for (const [pattern, replacement] of URL_SECRETS) text = text.replace(pattern, replacement);
    return text as T;
  }
  // An Error is left whole for the err serializer, which scrubs what it reads from it.
  if (depth > 6 || typeof value !== 'object' || value === null || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => scrubSecrets(item, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = scrubSecrets(item, depth + 1);
  return out as T;
}

/**
 * The one logger, built by the entry point. Structured fields only; anything that may hold a secret is redacted
 * by path so a token never reaches a log line even when a whole config or request object is logged.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          'token',
          '*.token',
          'DISCORD_TOKEN',
          '*.DISCORD_TOKEN',
          'OPENAI_API_KEY',
          '*.OPENAI_API_KEY',
          'HF_TOKEN',
          '*.HF_TOKEN',
          'REPLICATE_API_TOKEN',
          '*.REPLICATE_API_TOKEN',
          'headers.authorization',
          '*.headers.authorization',
        ],
        censor: '[redacted]',
      },
      serializers: { err: (err: Error) => scrubSecrets(pino.stdSerializers.err(err)) },
      formatters: { log: (object) => scrubSecrets(object) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => scrubSecrets(arg)) as Parameters<typeof method>);
        },
      },
    },
    destination as pino.DestinationStream,
  );
}

/** A logger that drops everything, for tests and quiet CLI runs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
