import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { NO_MENTIONS, noteEmbed } from '../discord/format.js';
import { assertModerator } from '../discord/guards.js';
import { editOriginal } from '../discord/interaction-webhook.js';
import { fill, scriptFor } from '../services/script/voices.js';
import { scriptOf } from '../services/show/act.js';
import type { Performance } from '../services/store/schemas.js';
import type { ButtonHandler } from './types.js';

type DecisionLine = 'released' | 'vetoed' | 'appealGranted' | 'appealDenied';

/**
 * Acknowledges at once (Discord's 3 s hold whatever the store does), then returns what takes the buttons off the
 * message: called only by the decision that won its race, so the message names the winner; a loser is told
 * privately by the error boundary.
 */
async function acknowledge(interaction: ButtonInteraction, key: DecisionLine) {
  assertModerator(interaction);
  await interaction.deferUpdate();
  return async (performance: Performance) => {
    const script = scriptFor(performance.voice);
    const line = fill(script.replies[key], { moderator: `<@${interaction.user.id}>` });
    await editOriginal(interaction, {
      embeds: [noteEmbed(line, performance.number, script)],
      components: [],
      allowedMentions: NO_MENTIONS,
    });
  };
}

export const release = {
  kind: 'release',
  async execute(interaction, { performanceId }, ctx) {
    await ctx.services.director.release(performanceId, await acknowledge(interaction, 'released'));
  },
} satisfies ButtonHandler;

export const veto = {
  kind: 'veto',
  async execute(interaction, { performanceId }, ctx) {
    await ctx.services.director.veto(performanceId, await acknowledge(interaction, 'vetoed'));
  },
} satisfies ButtonHandler;

export const grant = {
  kind: 'grant',
  async execute(interaction, { performanceId }, ctx) {
    await ctx.services.director.decideAppeal(performanceId, true, await acknowledge(interaction, 'appealGranted'));
  },
} satisfies ButtonHandler;

export const deny = {
  kind: 'deny',
  async execute(interaction, { performanceId }, ctx) {
    await ctx.services.director.decideAppeal(performanceId, false, await acknowledge(interaction, 'appealDenied'));
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
    await editOriginal(interaction, {
      content: fill(scriptOf(performance).replies.withdrawn, { number: performance.number }),
      allowedMentions: NO_MENTIONS,
    });
  },
} satisfies ButtonHandler;
