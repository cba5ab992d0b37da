import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { NO_MENTIONS, noteEmbed } from '../discord/format.js';
import { assertModerator } from '../discord/guards.js';
import type { Performance } from '../services/store/schemas.js';
import type { ButtonHandler } from './types.js';

/** The lines a moderator's decision leaves on its message, in one place (to move to the script). */
const DECISION_LINES = {
  release: (by: string) => `Released by <@${by}>. The illustration department has been briefed.`,
  veto: (by: string) => `Vetoed by <@${by}>.`,
  grant: (by: string) => `Appeal granted by <@${by}>. The censor will reconsider.`,
  deny: (by: string) => `Appeal denied by <@${by}>.`,
  withdrawn: (number: number) =>
    `Performance №${number} has been withdrawn: its messages are removed and its thread closed.`,
} as const;

/**
 * Acknowledges at once (Discord's 3 s hold whatever the store does), then returns what takes the buttons off the
 * message: called only by the decision that won its race, so the message names the winner; a loser is told
 * privately by the error boundary.
 */
async function acknowledge(interaction: ButtonInteraction, line: (by: string) => string) {
  assertModerator(interaction);
  await interaction.deferUpdate();
  return async (performance: Performance) => {
    await interaction.editReply({
      embeds: [noteEmbed(line(interaction.user.id), performance.number)],
      components: [],
      allowedMentions: NO_MENTIONS,
    });
  };
}

export const release = {
  kind: 'release',
  async execute(interaction, { performanceId }, ctx) {
    await ctx.services.director.release(performanceId, await acknowledge(interaction, DECISION_LINES.release));
  },
} satisfies ButtonHandler;

export const veto = {
  kind: 'veto',
  async execute(interaction, { performanceId }, ctx) {
    await ctx.services.director.veto(performanceId, await acknowledge(interaction, DECISION_LINES.veto));
  },
} satisfies ButtonHandler;

export const grant = {
  kind: 'grant',
  async execute(interaction, { performanceId }, ctx) {
    await ctx.services.director.decideAppeal(performanceId, true, await acknowledge(interaction, DECISION_LINES.grant));
  },
} satisfies ButtonHandler;

export const deny = {
  kind: 'deny',
  async execute(interaction, { performanceId }, ctx) {
    await ctx.services.director.decideAppeal(performanceId, false, await acknowledge(interaction, DECISION_LINES.deny));
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
      content: DECISION_LINES.withdrawn(performance.number),
      allowedMentions: NO_MENTIONS,
    });
  },
} satisfies ButtonHandler;
