import { ChannelType, InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { NO_MENTIONS } from '../discord/format.js';
import { answerPrivately, guildIdOf } from '../discord/guards.js';
import { UserFacingError } from '../errors.js';
import { MAX_BRIEF_LENGTH, MAX_STYLE_LENGTH, validateBrief } from '../services/show/brief.js';
import type { Command } from './types.js';

export const brief = {
  data: new SlashCommandBuilder()
    .setName('brief')
    .setDescription('Submit a creative brief (an image prompt) to the Content Standards Division')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) =>
      o
        .setName('text')
        .setDescription('Your image prompt, as you would like it')
        .setRequired(true)
        .setMaxLength(MAX_BRIEF_LENGTH),
    )
    .addStringOption((o) =>
      o
        .setName('style')
        .setDescription('A style of your own: censored with the brief, in public')
        .setMaxLength(MAX_STYLE_LENGTH),
    )
    .toJSON(),

  async execute(interaction, ctx) {
    const guildId = guildIdOf(interaction);
    if (interaction.channel?.type !== ChannelType.GuildText) {
      throw new UserFacingError('Briefs are performed in threads of a text channel: submit yours in a text channel.');
    }
    // Acknowledged before any work: Discord allows three seconds, and a burst of briefs must not eat them.
    // The brief is saved before the member is told their place, so nothing confirmed is ever lost.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const text = validateBrief(interaction.options.getString('text', true));
    const styleOption = interaction.options.getString('style');
    const style = styleOption === null ? undefined : validateBrief(styleOption, 'style', MAX_STYLE_LENGTH);
    const outcome = await ctx.services.director.submit({
      guildId,
      channelId: interaction.channelId,
      authorId: interaction.user.id,
      brief: text,
      style,
    });
    const number = outcome.performance.number;
    if (outcome.kind === 'queued') {
      const place = outcome.place === 1 ? 'You are next on stage.' : `You are #${outcome.place} in the queue.`;
      await answerPrivately(
        interaction,
        `📨 Brief №${number} received. ${place} The performance will open in a thread in this channel.`,
      );
      return;
    }
    const reasons = outcome.reasons.join('; ');
    await answerPrivately(
      interaction,
      `⛔ Brief №${number} has been refused under ${reasons}. It will not be performed, and its text will not be shown.`,
    );
    const settings = await ctx.services.store.guilds.get(guildId);
    if (settings.modLogChannelId) {
      const channel = await interaction.client.channels.fetch(settings.modLogChannelId).catch(() => null);
      if (channel?.isSendable()) {
        await channel.send({
          content: `⛔ Refused brief №${number} from <@${interaction.user.id}> in <#${interaction.channelId}> — ${reasons}. The text is withheld (performance id \`${outcome.performance.id}\`).`,
          allowedMentions: NO_MENTIONS,
        });
      } else {
        ctx.log.warn({ guildId, channelId: settings.modLogChannelId }, 'mod-log channel is not sendable');
      }
    }
  },
} satisfies Command;
