import type { AnyThreadChannel, Message, SendableChannels } from 'discord.js';
import { scriptOf } from '../services/show/act.js';
import type { Performance } from '../services/store/schemas.js';
import { customId, noteEmbed } from './format.js';
import { findOwn, findSaved } from './once.js';
import { briefHeader } from './review-plan.js';

/**
 * What a resumed act finds of an earlier attempt in its thread, for when Discord has forgotten the nonces (a few
 * minutes): the presenter asks only when the thread was not opened by this attempt.
 */

/** The review message an earlier attempt posted: by its saved id, or — its id lost in a crash — by its opening line. */
export async function earlierReview(thread: SendableChannels, performance: Performance): Promise<Message | undefined> {
  const saved = await findSaved(thread, performance.reviewMessageId);
  if (saved || !thread.isThread()) return saved;
  const head = briefHeader(performance, []).split('\n')[0] ?? '';
  return findOwn(thread, (m) => m.content.startsWith(head));
}

/** The release desk an earlier attempt put up, if it is still there. */
export function earlierDesk(thread: AnyThreadChannel, performance: Performance): Promise<Message | undefined> {
  const desk = customId('release', performance.id);
  return findOwn(thread, (m) => JSON.stringify(m.components).includes(desk));
}

/**
 * A failure line the act posted before it was cut off (a crash, a store outage before `failed` was saved) is
 * edited to say the act goes on, so it does not stand above the finale that follows.
 */
export async function withdrawFailure(thread: AnyThreadChannel, performance: Performance): Promise<void> {
  const script = scriptOf(performance);
  const failure = noteEmbed(`⚠️ ${script.act.failure}`, performance.number, script).description;
  const posted = await findOwn(thread, (m) => m.embeds[0]?.description === failure);
  await posted?.edit({ embeds: [noteEmbed(script.act.recovered, performance.number, script)] });
}
