import { type Logger, pino } from 'pino';

export type { Logger };

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
    },
    destination as pino.DestinationStream,
  );
}

/** A logger that drops everything, for tests and quiet CLI runs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
