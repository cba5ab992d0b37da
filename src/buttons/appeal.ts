import { MessageFlags } from 'discord.js';
import { finaleButtons, NO_MENTIONS } from '../discord/format.js';
import type { ButtonHandler } from './types.js';

/** The author's one appeal. The hearing is public, in the thread; the author gets the outcome privately. */
export const appeal = {
  kind: 'appeal',
  async execute(interaction, { performanceId }, ctx) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const { director, store } = ctx.services;
    const outcome = await director.appeal(performanceId, interaction.user.id);
    const performance = await store.performances.get(performanceId);
    if (performance) {
      const tally = await store.votes.tally(performanceId);
      await interaction.message.edit({ components: finaleButtons(performance, tally), allowedMentions: NO_MENTIONS });
    }
    const answers = {
      pending: '⚖️ Your appeal has been lodged. The moderators will decide.',
      upheld: '⚖️ Your appeal was heard. The original decision stands.',
      overturned: '⚖️ Your appeal was heard and granted in part. See the thread.',
    } as const;
    await interaction.editReply({ content: answers[outcome], allowedMentions: NO_MENTIONS });
  },
} satisfies ButtonHandler;
