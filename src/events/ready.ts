import type { Client } from 'discord.js';
import type { Context } from '../context.js';

/** On connect: say who we are, then pick up the acts a restart interrupted. */
export async function onReady(client: Client<true>, ctx: Context): Promise<void> {
  ctx.log.info({ user: client.user.tag, guilds: client.guilds.cache.size }, 'on stage');
  try {
    await ctx.services.director.resumeUnfinished();
  } catch (err) {
    ctx.log.error({ err }, 'could not resume unfinished performances');
  }
}
