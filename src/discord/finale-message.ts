import { AttachmentBuilder, type MessageCreateOptions } from 'discord.js';
import { submittedText } from '../services/censor/pipeline.js';
import { imageExtension } from '../services/imagery/types.js';
import { fill } from '../services/script/voices.js';
import { scriptOf } from '../services/show/act.js';
import { maskedBrief } from '../services/show/frames.js';
import type { FinaleImages } from '../services/show/presenter.js';
import type { Performance, Tally } from '../services/store/schemas.js';
import { finaleButtons, finaleEmbeds } from './format.js';
import { altText, plainText } from './user-text.js';

/** The submission as the audience may read it: blackout and block terms as bars. */
export function maskedOf(performance: Performance) {
  return maskedBrief(submittedText(performance.brief, performance.memberStyle), performance.result?.changes ?? []);
}

/** The finale post: the image(s) with alt text, both versions side by side, the tally, the gallery link if any. */
export function finaleMessage(
  performance: Performance,
  images: FinaleImages,
  tally: Tally,
  page?: string,
): MessageCreateOptions {
  const script = scriptOf(performance);
  const censoredName = `performance-${performance.number}.${imageExtension(images.censored)}`;
  const files = [
    new AttachmentBuilder(images.censored.bytes, {
      name: censoredName,
      description: altText(script.finale.altApproved, performance.prompt ?? ''),
    }),
  ];
  let originalName: string | undefined;
  if (images.original) {
    originalName = `performance-${performance.number}-original.${imageExtension(images.original)}`;
    files.push(
      new AttachmentBuilder(images.original.bytes, {
        name: originalName,
        description: altText(script.finale.altOriginal, plainText(maskedOf(performance))),
      }),
    );
  }
  const names = { censored: censoredName, original: originalName };
  const embeds = finaleEmbeds(performance, maskedOf(performance), tally, names, script);
  if (page) {
    const link = fill(script.finale.galleryLink, { number: performance.number });
    embeds[0]?.fields?.push({ name: script.finale.gallery, value: `[${link}](${page})` });
  }
  return { embeds, components: finaleButtons(performance, tally, script), files };
}
