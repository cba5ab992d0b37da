import { AttachmentBuilder, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Context } from '../context.js';
import { appealCutButtons, appealCutEmbed } from '../discord/appeal-format.js';
import { finaleButtons, finaleEmbeds, NO_MENTIONS } from '../discord/format.js';
import { guildIdOf } from '../discord/guards.js';
import { altText } from '../discord/user-text.js';
import { UserFacingError } from '../errors.js';
import { recheckPrompt, submittedText } from '../services/censor/pipeline.js';
import { createCensorModel, createImageModel } from '../services/engines.js';
import { fill } from '../services/script/voices.js';
import { scriptOf } from '../services/show/act.js';
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
    // Acknowledged before the store is asked anything, or the poster drawn again; a refusal is then told privately.
    await interaction.deferReply();
    const performance = await findPerformance(ctx, guildId, interaction.options.getString('id', true));
    const tally = await ctx.services.store.votes.tally(performance.id);
    const original = maskedBrief(
      submittedText(performance.brief, performance.memberStyle),
      performance.result?.changes ?? [],
    );
    const { engines, store } = ctx.services;
    const { lexicon: overrides } = await store.guilds.get(guildId);
    const checker = createCensorModel('lexicon', engines);
    // The poster is deterministic, so the same prompt and seed give back the very image; hosted images are not
    // rendered (and paid for) twice: the thread keeps them. A stored prompt passes the censor again first.
    const poster = performance.imageEngine === 'poster' ? createImageModel('poster', engines) : undefined;
    const render = async (prompt: string, label: 'approved' | 'appeal') =>
      poster?.render({
        prompt: await recheckPrompt(checker, prompt, { overrides }),
        performanceNumber: performance.number,
        seed: performance.number,
        voice: performance.voice,
        label,
      });
    const script = scriptOf(performance);
    const name = `performance-${performance.number}.png`;
    const image = await render(performance.prompt ?? '', 'approved');
    const files = image
      ? [
          new AttachmentBuilder(image.bytes, {
            name,
            description: altText(script.finale.altApproved, performance.prompt ?? ''),
          }),
        ]
      : [];
    const embeds = finaleEmbeds(performance, original, tally, { censored: name }, script);
    if (files.length === 0) {
      delete embeds[0]?.image;
      if (embeds[0] && performance.threadId)
        embeds[0].description = fill(script.finale.imageInThread, { thread: `<#${performance.threadId}>` });
    }
    const components = finaleButtons(performance, tally, script);
    const cut = performance.appeal?.outcome === 'overturned' ? performance.appeal.prompt : undefined;
    if (cut) {
      const cutName = `performance-${performance.number}-appeal.png`;
      const cutImage = await render(cut, 'appeal');
      const embed = appealCutEmbed(performance, tally, cutName, script);
      if (cutImage)
        files.push(
          new AttachmentBuilder(cutImage.bytes, {
            name: cutName,
            description: altText(script.finale.altAppealCut, cut),
          }),
        );
      else delete embed.image;
      embeds.push(embed);
      components.push(...appealCutButtons(performance, tally, script));
    }
    if (interaction.options.getBoolean('print')) {
      // The canvas loads on the first print, not when the bot starts.
      const { renderRedline } = await import('../wall/print.js');
      const png = await renderRedline({ performance, poster: image, tally });
      files.push(
        new AttachmentBuilder(png, {
          name: `redline-performance-${performance.number}.png`,
          description: `The redline document of performance №${performance.number}`,
        }),
      );
    }
    const reply = await interaction.editReply({ embeds, components, files, allowedMentions: NO_MENTIONS });
    // Remembered on the record, so a withdrawal removes this message too.
    const repost = { channelId: reply.channelId, messageId: reply.id };
    await store.performances.update(performance.id, (current) => ({ reposts: [...(current.reposts ?? []), repost] }));
  },
} satisfies Command;
