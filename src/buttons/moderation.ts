import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { NO_MENTIONS, noteEmbed } from '../discord/format.js';
import { assertModerator } from '../discord/guards.js';
import type { ButtonHandler } from './types.js';

/** Takes the buttons off a moderation message at once, so a decision cannot be clicked twice. */
async function close(interaction: ButtonInteraction, line: string, number: number | undefined): Promise<void> {
  await interaction.update({
    embeds: [noteEmbed(line, number ?? 0)],
    components: [],
    allowedMentions: NO_MENTIONS,
  });
}

async function numberOf(id: string, ctx: Parameters<ButtonHandler['execute']>[2]) {
  return (await ctx.services.store.performances.get(id))?.number;
}

export const release = {
  kind: 'release',
  async execute(interaction, { performanceId }, ctx) {
    assertModerator(interaction);
    await close(
      interaction,
      `Released by <@${interaction.user.id}>. The illustration department has been briefed.`,
      await numberOf(performanceId, ctx),
    );
    await ctx.services.director.release(performanceId);
  },
} satisfies ButtonHandler;

export const veto = {
  kind: 'veto',
  async execute(interaction, { performanceId }, ctx) {
    assertModerator(interaction);
    await close(interaction, `Vetoed by <@${interaction.user.id}>.`, await numberOf(performanceId, ctx));
    await ctx.services.director.veto(performanceId);
  },
} satisfies ButtonHandler;

export const grant = {
  kind: 'grant',
  async execute(interaction, { performanceId }, ctx) {
    assertModerator(interaction);
    await close(
      interaction,
      `Appeal granted by <@${interaction.user.id}>. The censor will reconsider.`,
      await numberOf(performanceId, ctx),
    );
    await ctx.services.director.decideAppeal(performanceId, true);
  },
} satisfies ButtonHandler;

export const deny = {
  kind: 'deny',
  async execute(interaction, { performanceId }, ctx) {
    assertModerator(interaction);
    await close(interaction, `Appeal denied by <@${interaction.user.id}>.`, await numberOf(performanceId, ctx));
    await ctx.services.director.decideAppeal(performanceId, false);
  },
} satisfies ButtonHandler;

/**
 * Withdraws a performance: every message of the act goes and its thread is locked and archived; the record,
 * brief included, stays for the moderators.
 */
export const remove = {
  kind: 'remove',
  async execute(interaction, { performanceId }, ctx) {
    assertModerator(interaction);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const performance = await ctx.services.director.withdraw(performanceId, interaction.user.id);
    await interaction.editReply({
      content: `Performance №${performance.number} has been withdrawn: its messages are removed and its thread closed.`,
      allowedMentions: NO_MENTIONS,
    });
  },
} satisfies ButtonHandler;
