export { connectClient } from './client.js';
export { DiscordErrorCode } from './errors.js';
export { FakeDiscord, type FakeDiscordOptions } from './fake-discord.js';
export { FakeInteraction } from './fake-interaction.js';
export type { GatewayProblem } from './gateway.js';
export type {
  ClickButtonOptions,
  InteractionTarget,
  SlashCommandOptions,
  SubmitModalOptions,
} from './interaction-driver.js';
export type { CallbackRecord } from './interactions.js';
export type { FakeAttachment, FakeMessage, MessageVersion } from './messages.js';
export type { FakeChannel, ThreadChannel } from './payloads.js';
export { BOT_PERMISSIONS, EVERYONE_PERMISSIONS, MODERATOR_PERMISSIONS } from './permissions.js';
export type { FaultSpec, LimitConfig } from './rate-limits.js';
export type { FakeStats, InvalidRequest, RecordedRequest } from './rest-server.js';
export type { GuildSeed } from './state.js';
export { type DiscordRequestValidator, discordRequestValidator } from './validator.js';
export { type WaitOptions, waitFor } from './wait.js';
