import { AttachmentBuilder, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Context } from '../context.js';
import { finaleButtons, finaleEmbeds, NO_MENTIONS } from '../discord/format.js';
import { guildIdOf } from '../discord/guards.js';
import { UserFacingError } from '../errors.js';
import { createImageModel } from '../services/engines.js';
import { maskedBrief } from '../services/show/frames.js';
import type { Performance } from '../services/store/schemas.js';
import type { Command } from './types.js';

async function findPerformance(ctx: Context, guildId: string, id: string): Promise<Performance> {
  const number = /^(?:№|#|no\.?\s*)?(\d+)$/i.exec(id.trim())?.[1];
  const { performances } = ctx.services.store;
  const found = number
    ? (await performances.listByGuild(guildId)).find((p) => p.number === Number(number))
    : await performances.get(id.trim());
  if (!found || found.guildId !== guildId)
    throw new UserFacingError(`There is no performance ${id} on record in this server.`);
  if (found.status !== 'done')
    throw new UserFacingError(`Performance №${found.number} has no final cut to show (it is ${found.status}).`);
  return found;
}

export const show = {
  data: new SlashCommandBuilder()
    .setName('show')
    .setDescription('Post a past performance again, with working buttons')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) =>
      o.setName('id').setDescription('Performance number (e.g. 12) or id').setRequired(true).setMaxLength(40),
    )
    .addBooleanOption((o) => o.setName('print').setDescription('Attach the redline document (A3, 300 dpi PNG)'))
    .toJSON(),

  async execute(interaction, ctx) {
    const guildId = guildIdOf(interaction);
    const performance = await findPerformance(ctx, guildId, interaction.options.getString('id', true));
    // Rendering the poster again can take longer than Discord's three seconds allow under load: defer first.
    await interaction.deferReply();
    const tally = await ctx.services.store.votes.tally(performance.id);
    const original = maskedBrief(performance.brief, performance.result?.changes ?? []);
    // The poster is deterministic, so the same prompt and seed give back the very image; hosted images are not
    // rendered (and paid for) twice: the thread keeps them.
    const name = `performance-${performance.number}.png`;
    const poster =
      performance.imageEngine === 'poster'
        ? await createImageModel('poster', ctx.services.engines).render({
            prompt: performance.prompt ?? '',
            performanceNumber: performance.number,
            seed: performance.number,
          })
        : undefined;
    const files = poster ? [new AttachmentBuilder(poster.png, { name })] : [];
    const print = interaction.options.getBoolean('print')
      ? new AttachmentBuilder(await (await import('../wall/print.js')).renderRedline({ performance, poster, tally }), {
          name: `redline-performance-${performance.number}.png`,
          description: `The redline document of performance №${performance.number}`,
        })
      : undefined;
    const embeds = finaleEmbeds(performance, original, tally, { censored: name });
    if (!poster) {
      delete embeds[0]?.image;
      if (embeds[0] && performance.threadId) embeds[0].description = `The image stands in <#${performance.threadId}>.`;
    }
    await interaction.editReply({
      embeds,
      components: finaleButtons(performance, tally),
      files: print ? [...files, print] : files,
      allowedMentions: NO_MENTIONS,
    });
  },
} satisfies Command;
