import type { GatewayGuildCreateDispatchData, GatewayReadyDispatchData } from 'discord.js';
import { shardOf } from './gateway.js';
import { APPLICATION_FLAGS, isThread } from './payloads.js';
import type { FakeState } from './state.js';

/** READY for a new session, then one GUILD_CREATE per guild: what discord.js needs to fill its caches. */
export function readyPayloads(
  state: FakeState,
  sessionId: string,
  resumeUrl: string,
  shard: [number, number] = [0, 1],
) {
  const guilds = [...state.guilds.values()].filter((guild) => shardOf(guild.api.id, shard[1]) === shard[0]);
  const ready: GatewayReadyDispatchData = {
    v: 10,
    user: state.bot,
    guilds: guilds.map((guild) => ({ id: guild.api.id, unavailable: true })),
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard,
    application: { id: state.applicationId, flags: APPLICATION_FLAGS, flags_new: String(APPLICATION_FLAGS) },
  };
  const creates = guilds.map((guild): GatewayGuildCreateDispatchData => {
    const channels = guild.channelIds.map((id) => state.channels.get(id)).filter((c) => c !== undefined);
    return {
      ...guild.api,
      joined_at: guild.members.get(state.bot.id)?.joined_at ?? new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      voice_states: [],
      members: [...guild.members.values()],
      channels: channels.filter((channel) => !isThread(channel)) as GatewayGuildCreateDispatchData['channels'],
      threads: channels.filter(
        (c) => isThread(c) && !c.thread_metadata?.archived,
      ) as GatewayGuildCreateDispatchData['threads'],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  });
  return { ready, guilds: creates };
}
