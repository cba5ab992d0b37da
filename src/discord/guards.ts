import { type Interaction, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { UserFacingError } from '../errors.js';
import { NO_MENTIONS } from './format.js';
import { editOriginal, followUp } from './interaction-webhook.js';

/** Moderators are members with Manage Server. Checked at run time, not only by Discord's command defaults. */
export function assertModerator(interaction: Interaction): void {
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserFacingError('Only moderators (members with Manage Server) can do that.');
  }
}

/** The guild a performance belongs to: its id is `<guildId>-<number>` (see PerformanceRepository). */
export function guildOfPerformance(performanceId: string): string {
  return performanceId.slice(0, performanceId.lastIndexOf('-'));
}

/** A button or form must come from the guild whose performance it names; a forged one from elsewhere is refused. */
export function assertSameGuild(interaction: Interaction, performanceId: string): void {
  if (!interaction.guildId || guildOfPerformance(performanceId) !== interaction.guildId)
    throw new UserFacingError('That button belongs to another server’s show.');
}

/** The guild an interaction came from; the show runs in servers only. */
export function guildIdOf(interaction: Interaction): string {
  if (!interaction.guildId) throw new UserFacingError('The show runs in servers only, not in direct messages.');
  return interaction.guildId;
}

/** An ephemeral answer that pings nobody, whether or not the interaction was already acknowledged. */
export async function answerPrivately(interaction: Interaction, content: string): Promise<void> {
  if (!interaction.isRepliable()) return;
  const payload = { content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS } as const;
  // A deferred "thinking…" reply is filled in, not left hanging with the answer in a second message. A deferred
  // update (a button) has no reply of its own (`ephemeral` stays null): the answer follows, privately.
  const deferredReply = interaction.deferred && !interaction.replied && interaction.ephemeral !== null;
  if (deferredReply && interaction.ephemeral === false) {
    // A public "thinking…" reply (`/show` defers before it looks anything up) is taken back: the answer is private.
    await interaction.deleteReply();
    await followUp(interaction, payload);
  } else if (deferredReply) await editOriginal(interaction, { content, allowedMentions: NO_MENTIONS });
  else if (interaction.replied || interaction.deferred) await followUp(interaction, payload);
  else await interaction.reply(payload);
}
