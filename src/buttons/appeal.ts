import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import type { Context } from '../context.js';
import { GROUNDS_INPUT, groundsModal, MAX_GROUNDS_LENGTH } from '../discord/appeal-format.js';
import { finaleButtons, NO_MENTIONS } from '../discord/format.js';
import { editOriginal } from '../discord/interaction-webhook.js';
import { scriptFor, VOICES } from '../services/script/voices.js';
import { scriptOf } from '../services/show/act.js';
import { validateBrief } from '../services/show/brief.js';
import type { ButtonHandler } from './types.js';

/**
 * The author's one appeal: the button opens a modal for the grounds (the modal is the acknowledgement, so
 * nothing is read before it); the hearing starts when the modal is submitted.
 */
export const appeal = {
  kind: 'appeal',
  async execute(interaction, { performanceId, arg }) {
    // The button carries the act's voice, so the modal is shown before anything is read.
    const voice = VOICES.find((name) => name === arg);
    await interaction.showModal(groundsModal({ id: performanceId }, scriptFor(voice)));
  },
} satisfies ButtonHandler;

const ANSWERS = { pending: 'appealLodged', upheld: 'appealUpheld', overturned: 'appealOverturned' } as const;

/** The grounds arrive: the hearing is public, in the thread; the author gets the outcome privately. */
export async function submitAppeal(
  interaction: ModalSubmitInteraction,
  performanceId: string,
  ctx: Context,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const typed = interaction.fields.getTextInputValue(GROUNDS_INPUT).replace(/\s+/g, ' ').trim();
  const grounds = typed ? validateBrief(typed, 'grounds of appeal', MAX_GROUNDS_LENGTH) : undefined;
  const { director, store } = ctx.services;
  const outcome = await director.appeal(performanceId, interaction.user.id, grounds);
  const performance = await store.performances.get(performanceId);
  if (performance && interaction.message) {
    const tally = await store.votes.tally(performanceId);
    const components = finaleButtons(performance, tally, scriptOf(performance));
    await interaction.message.edit({ components, allowedMentions: NO_MENTIONS });
  }
  const content = scriptFor(performance?.voice).replies[ANSWERS[outcome]];
  await editOriginal(interaction, { content, allowedMentions: NO_MENTIONS });
}
