import { RESTJSONErrorCodes } from 'discord.js';

/**
 * Discord API error codes that mean "the thing is already gone": an interaction that expired, a message or
 * thread someone deleted. They are logged at debug and otherwise ignored; every other error is handled.
 */
const HARMLESS_DISCORD_CODES: ReadonlySet<number> = new Set([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownMessage,
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
]);

export function isHarmlessDiscordError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' && HARMLESS_DISCORD_CODES.has(code);
}
