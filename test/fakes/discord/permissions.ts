import { PermissionFlagsBits as P } from 'discord.js';

/** What a plain member may do: the @everyone role of a freshly created server, roughly. */
export const EVERYONE_PERMISSIONS: bigint =
  P.CreateInstantInvite |
  P.AddReactions |
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory |
  P.UseExternalEmojis |
  P.Connect |
  P.Speak |
  P.ChangeNickname |
  P.UseApplicationCommands |
  P.CreatePublicThreads |
  P.SendMessagesInThreads;

/** A moderator in this project's sense: a member who may also manage the server (ManageGuild, 0x20). */
export const MODERATOR_PERMISSIONS: bigint =
  EVERYONE_PERMISSIONS | P.ManageGuild | P.ManageMessages | P.ManageThreads | P.ModerateMembers;

/** What the bot's managed role grants by default: enough to run threads and edit its own posts. */
export const BOT_PERMISSIONS: bigint =
  EVERYONE_PERMISSIONS | P.ManageThreads | P.ManageMessages | P.CreatePrivateThreads | P.UseExternalStickers;

/** Accepts the forms tests write permissions in: a bigint bitfield or Discord's decimal string. */
export function toPermissionBits(value: bigint | string | undefined, fallback: bigint): bigint {
  if (value === undefined) return fallback;
  return typeof value === 'bigint' ? value : BigInt(value);
}

/** Discord grants everything to Administrator; otherwise every required bit must be present. */
export function hasPermissions(granted: bigint, required: bigint): boolean {
  return (granted & P.Administrator) === P.Administrator || (granted & required) === required;
}
