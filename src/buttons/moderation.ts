import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { NO_MENTIONS, noteEmbed } from '../discord/format.js';
import { assertModerator } from '../discord/guards.js';
import { fill, scriptFor } from '../services/script/voices.js';
import { scriptOf } from '../services/show/act.js';
import type { Performance } from '../services/store/schemas.js';
import type { ButtonHandler } from './types.js';

/** Takes the buttons off a moderation message at once, so a decision cannot be clicked twice. */
async function close(
  interaction: ButtonInteraction,
  key: 'released' | 'vetoed' | 'appealGranted' | 'appealDenied',
  performance: Performance | undefined,
): Promise<void> {
  const script = scriptFor(performance?.voice);
  const line = fill(script.replies[key], { moderator: `<@${interaction.user.id}>` });
  await interaction.update({
    embeds: [noteEmbed(line, performance?.number ?? 0, script)],
    components: [],
    allowedMentions: NO_MENTIONS,
  });
}

async function recordOf(id: string, ctx: Parameters<ButtonHandler['execute']>[2]) {
  return ctx.services.store.performances.get(id);
}

export const release = {
  kind: 'release',
  async execute(interaction, { performanceId }, ctx) {
    assertModerator(interaction);
    await close(interaction, 'released', await recordOf(performanceId, ctx));
    await ctx.services.director.release(performanceId);
  },
} satisfies ButtonHandler;

export const veto = {
  kind: 'veto',
  async execute(interaction, { performanceId }, ctx) {
    assertModerator(interaction);
    await close(interaction, 'vetoed', await recordOf(performanceId, ctx));
    await ctx.services.director.veto(performanceId);
  },
} satisfies ButtonHandler;

export const grant = {
  kind: 'grant',
  async execute(interaction, { performanceId }, ctx) {
    assertModerator(interaction);
    await close(interaction, 'appealGranted', await recordOf(performanceId, ctx));
    await ctx.services.director.decideAppeal(performanceId, true);
  },
} satisfies ButtonHandler;

export const deny = {
  kind: 'deny',
  async execute(interaction, { performanceId }, ctx) {
    assertModerator(interaction);
    await close(interaction, 'appealDenied', await recordOf(performanceId, ctx));
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
      content: fill(scriptOf(performance).replies.withdrawn, { number: performance.number }),
      allowedMentions: NO_MENTIONS,
    });
  },
} satisfies ButtonHandler;
