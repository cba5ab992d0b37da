import { type Client, RESTJSONErrorCodes } from 'discord.js';
import type { Logger } from '../logger.js';
import type { Performance } from '../services/store/schemas.js';

/** A channel or message already deleted is what a withdrawal wants; anything else is a real failure. */
function gone(err: unknown): null {
  const code = (err as { code?: number }).code;
  if (code === RESTJSONErrorCodes.UnknownChannel || code === RESTJSONErrorCodes.UnknownMessage) return null;
  throw err;
}

/** Messages fetched per page while clearing a thread; Discord's maximum. */
const PAGE = 100;

/**
 * Removes every message the show posted for an act (the review with the masked brief, the finale with both images,
 * the hearing and the Appeal Cut) from its thread, then locks and archives the thread, so nothing of a
 * withdrawn performance stays visible — and `/show` reposts elsewhere are removed too. The thread holds one act only, so every message of the bot in it is the act's.
 */
export async function removeAct(client: Client, performance: Performance, log: Logger): Promise<void> {
  // `/show` reposts live outside the thread: each is removed by its id.
  for (const { channelId, messageId } of performance.reposts ?? []) {
    const channel = await client.channels.fetch(channelId).catch(gone);
    if (channel?.isTextBased()) await channel.messages.delete(messageId).catch(gone);
  }
  if (!performance.threadId) return;
  const thread = await client.channels.fetch(performance.threadId).catch(gone);
  if (!thread?.isThread()) return;
  let removed = 0;
  let before: string | undefined;
  // Bounded: an act posts a handful of messages; fifty pages is far beyond any thread the show makes.
  for (let page = 0; page < 50; page++) {
    const messages = await thread.messages.fetch({ limit: PAGE, ...(before ? { before } : {}) });
    const ours = [...messages.values()].filter((m) => m.author.id === client.user?.id);
    for (const message of ours) await message.delete();
    removed += ours.length;
    before = messages.lastKey();
    if (messages.size < PAGE || !before) break;
  }
  await thread.edit({ locked: true, archived: true, reason: `performance ${performance.id} withdrawn` });
  log.info({ performanceId: performance.id, guildId: performance.guildId, removed }, 'performance withdrawn');
}
