import { RESTJSONErrorCodes } from 'discord.js';

/**
 * An expected failure whose message is written for the person in front of the show and is shown as is
 * (an ephemeral reply on Discord, one line on stderr in the CLI).
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

/** A hosted model failed (timeout, HTTP error, unusable output). The show falls back to the embedded engine. */
export class ModelError extends Error {
  override name = 'ModelError';
  constructor(
    readonly engine: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${engine}: ${message}`, options);
  }
}

/**
 * Discord API error codes that mean "the thing is already gone": an interaction that expired, a message or
 * thread someone deleted. They are logged at debug and otherwise ignored; every other error is handled.
 */
export const HARMLESS_DISCORD_CODES: ReadonlySet<number> = new Set([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownMessage,
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
]);

export function isHarmlessDiscordError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' && HARMLESS_DISCORD_CODES.has(code);
}
