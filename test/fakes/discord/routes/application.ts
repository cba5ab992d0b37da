import type { CommandWrite } from '../commands.js';
import { DiscordApiError, DiscordErrorCode, notFound } from '../errors.js';
import { apiApplication } from '../payloads.js';
import type { Route } from '../router.js';
import { bodyAs, type RouteDeps } from './deps.js';

/** Gateway discovery, the bot's user and application, and application commands (global and per guild). */
export function applicationRoutes(deps: RouteDeps): Route[] {
  const { state } = deps;
  const app = (applicationId: string | undefined) => {
    if (applicationId !== state.applicationId) throw new DiscordApiError(404, 10002, 'Unknown Application');
  };
  const guildScope = (guildId: string | undefined) => {
    if (guildId !== undefined) state.requireGuild(guildId);
    return guildId;
  };
  const command = (applicationId: string | undefined, guildId: string | undefined, commandId: string | undefined) => {
    app(applicationId);
    const found = state.commands.get(guildScope(guildId), commandId ?? '');
    if (!found) throw new DiscordApiError(404, 10063, 'Unknown application command');
    return found;
  };
  const commandRoutes = (prefix: string): Route[] => [
    {
      method: 'GET',
      template: `${prefix}/commands`,
      handle: ({ params }) => {
        app(params.application_id);
        return { body: state.commands.list(guildScope(params.guild_id)) };
      },
    },
    {
      method: 'PUT',
      template: `${prefix}/commands`,
      handle: ({ params, body }) => {
        app(params.application_id);
        return { body: state.commands.overwrite(guildScope(params.guild_id), bodyAs<CommandWrite[]>(body ?? [])) };
      },
    },
    {
      method: 'POST',
      template: `${prefix}/commands`,
      handle: ({ params, body }) => {
        app(params.application_id);
        const { command: created, created: isNew } = state.commands.upsert(
          guildScope(params.guild_id),
          bodyAs<CommandWrite>(body),
        );
        return { status: isNew ? 201 : 200, body: created };
      },
    },
    {
      method: 'GET',
      template: `${prefix}/commands/{command_id}`,
      handle: ({ params }) => ({ body: command(params.application_id, params.guild_id, params.command_id) }),
    },
    {
      method: 'DELETE',
      template: `${prefix}/commands/{command_id}`,
      handle: ({ params }) => {
        const found = command(params.application_id, params.guild_id, params.command_id);
        state.commands.delete(params.guild_id, found.id);
        return {};
      },
    },
  ];

  return [
    {
      method: 'GET',
      template: '/gateway/bot',
      handle: () => ({
        body: {
          url: deps.gatewayUrl(),
          shards: deps.shards,
          session_start_limit: {
            total: 1000,
            remaining: Math.max(0, 1000 - deps.identifies()),
            reset_after: 86_400_000,
            max_concurrency: 1,
          },
        },
      }),
    },
    { method: 'GET', template: '/gateway', handle: () => ({ body: { url: deps.gatewayUrl() } }) },
    // The current user carries the private fields `mfa_enabled` and `locale`.
    {
      method: 'GET',
      template: '/users/@me',
      handle: () => ({ body: { ...state.bot, mfa_enabled: false, locale: 'en-US' } }),
    },
    {
      method: 'GET',
      template: '/users/{user_id}',
      handle: ({ params }) => {
        const user = state.users.get(params.user_id ?? '');
        if (!user) throw notFound(DiscordErrorCode.UnknownUser, 'User');
        return { body: user };
      },
    },
    {
      method: 'GET',
      template: '/applications/@me',
      handle: () => ({ body: apiApplication({ id: state.applicationId, bot: state.bot, ownerId: state.ownerId }) }),
    },
    ...commandRoutes('/applications/{application_id}/guilds/{guild_id}'),
    ...commandRoutes('/applications/{application_id}'),
  ];
}
