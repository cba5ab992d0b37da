import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import type { Context } from '../context.js';
import { GROUNDS_INPUT, groundsModal } from '../discord/appeal-format.js';
import { finaleButtons, NO_MENTIONS } from '../discord/format.js';
import { validateBrief } from '../services/show/brief.js';
import type { ButtonHandler } from './types.js';

/**
 * The author's one appeal: the button opens a modal for the grounds (the modal is the acknowledgement, so
 * nothing is read before it); the hearing starts when the modal is submitted.
 */
export const appeal = {
  kind: 'appeal',
  async execute(interaction, { performanceId }) {
    await interaction.showModal(groundsModal({ id: performanceId }));
  },
} satisfies ButtonHandler;

const ANSWERS = {
  pending: '⚖️ Your appeal has been lodged. The moderators will decide.',
  upheld: '⚖️ Your appeal was heard. The original decision stands.',
  overturned: '⚖️ Your appeal was heard and granted in part. See the thread.',
} as const;

/** The grounds arrive: the hearing is public, in the thread; the author gets the outcome privately. */
export async function submitAppeal(
  interaction: ModalSubmitInteraction,
  performanceId: string,
  ctx: Context,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const typed = interaction.fields.getTextInputValue(GROUNDS_INPUT).replace(/\s+/g, ' ').trim();
  const grounds = typed ? validateBrief(typed, 'grounds of appeal', 500) : undefined;
  const { director, store } = ctx.services;
  const outcome = await director.appeal(performanceId, interaction.user.id, grounds);
  const performance = await store.performances.get(performanceId);
  if (performance && interaction.message) {
    const tally = await store.votes.tally(performanceId);
    await interaction.message.edit({ components: finaleButtons(performance, tally), allowedMentions: NO_MENTIONS });
  }
  await interaction.editReply({ content: ANSWERS[outcome], allowedMentions: NO_MENTIONS });
}
