import { DiscordErrorCode, notFound } from '../errors.js';
import { isThread } from '../payloads.js';
import type { Route } from '../router.js';
import type { RouteDeps } from './deps.js';

/** Guild, its channels, roles, members and active threads. */
export function guildRoutes({ state }: RouteDeps): Route[] {
  const channelsOf = (guildId: string) =>
    state
      .requireGuild(guildId)
      .channelIds.map((id) => state.channels.get(id))
      .filter((channel) => channel !== undefined);
  return [
    {
      method: 'GET',
      template: '/guilds/{guild_id}',
      handle: ({ params, query }) => {
        const guild = state.requireGuild(params.guild_id ?? '');
        const counts =
          query.get('with_counts') === 'true'
            ? { approximate_member_count: guild.members.size, approximate_presence_count: guild.members.size }
            : {};
        return { body: { ...guild.api, ...counts } };
      },
    },
    {
      method: 'GET',
      template: '/guilds/{guild_id}/channels',
      handle: ({ params }) => ({ body: channelsOf(params.guild_id ?? '').filter((channel) => !isThread(channel)) }),
    },
    {
      method: 'GET',
      template: '/guilds/{guild_id}/threads/active',
      handle: ({ params }) => {
        const threads = channelsOf(params.guild_id ?? '').filter((c) => isThread(c) && !c.thread_metadata?.archived);
        return { body: { threads, members: [] } };
      },
    },
    {
      method: 'GET',
      template: '/guilds/{guild_id}/roles',
      handle: ({ params }) => ({ body: state.requireGuild(params.guild_id ?? '').api.roles }),
    },
    {
      method: 'GET',
      template: '/guilds/{guild_id}/members/{user_id}',
      handle: ({ params }) => {
        const member = state.requireGuild(params.guild_id ?? '').members.get(params.user_id ?? '');
        if (!member) throw notFound(DiscordErrorCode.UnknownMember, 'Member');
        return { body: member };
      },
    },
    {
      method: 'GET',
      template: '/guilds/{guild_id}/members',
      handle: ({ params, query }) => {
        const limit = Number(query.get('limit') ?? 1);
        const after = query.get('after') ?? '0';
        const members = [...state.requireGuild(params.guild_id ?? '').members.values()]
          .filter((member) => BigInt(member.user.id) > BigInt(after))
          .sort((a, b) => (BigInt(a.user.id) < BigInt(b.user.id) ? -1 : 1))
          .slice(0, limit);
        return { body: members };
      },
    },
  ];
}
