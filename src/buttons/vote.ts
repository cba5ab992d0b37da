import { type APIEmbedField, EmbedBuilder } from 'discord.js';
import { appealCutButtons } from '../discord/appeal-format.js';
import { finaleButtons, NO_MENTIONS, tallyLine } from '../discord/format.js';
import { editOriginal } from '../discord/interaction-webhook.js';
import { UserFacingError } from '../errors.js';
import { scriptOf } from '../services/show/act.js';
import { type Tally, VOTE_SIDES, type VoteSide } from '../services/store/schemas.js';
import type { ButtonHandler } from './types.js';

/** One vote per member per performance, changeable; the tally on the message is updated in the same call. */
export const vote = {
  kind: 'vote',
  async execute(interaction, { performanceId, arg }, ctx) {
    if (!VOTE_SIDES.includes(arg as VoteSide)) throw new UserFacingError('That ballot is not valid.');
    // Acknowledged before the store is asked anything: a slow store never loses the click.
    await interaction.deferUpdate();
    const performance = await ctx.services.store.performances.get(performanceId);
    // The finale is posted a moment before the record says `done`: a vote in between counts.
    const open = performance?.status === 'done' || performance?.status === 'performing';
    if (!performance || !open) throw new UserFacingError('Voting on this performance is closed.');
    if (arg === 'appeal' && performance.appeal?.outcome !== 'overturned')
      throw new UserFacingError('This performance has no Appeal Cut to vote for.');
    const script = scriptOf(performance);
    const show = async (tally: Tally) => {
      const verdict = (f: APIEmbedField) =>
        f.name === script.finale.audienceVerdict ? { ...f, value: tallyLine(tally, script) } : f;
      const [first, ...rest] = interaction.message.embeds;
      const embeds = first
        ? [EmbedBuilder.from(first).setFields(first.fields.map(verdict)).toJSON(), ...rest.map((e) => e.toJSON())]
        : [];
      // The Appeal Cut has its own message and button; the finale keeps the original and censored ones.
      const components =
        interaction.message.id === performance.appeal?.messageId
          ? appealCutButtons(performance, tally, script)
          : finaleButtons(performance, tally, script);
      await editOriginal(interaction, { embeds, components, allowedMentions: NO_MENTIONS });
    };
    const cast = () => ctx.services.store.votes.cast(performanceId, interaction.user.id, arg as VoteSide);
    const tally = await ctx.services.ballots.count(interaction.message.id, cast, show);
    ctx.services.wall?.tally(performance, tally);
  },
} satisfies ButtonHandler;
