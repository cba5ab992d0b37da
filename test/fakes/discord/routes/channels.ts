import { GatewayDispatchEvents, GatewayIntentBits, MessageFlags } from 'discord.js';
import type { MessageWrite } from '../messages.js';
import { isThread } from '../payloads.js';
import { deleteMessage, editMessage, postMessage } from '../posting.js';
import type { Route } from '../router.js';
import {
  type ChannelPatch,
  createThread,
  setBotThreadMembership,
  type ThreadWrite,
  updateChannel,
} from '../threads.js';
import { bodyAs, type RouteDeps } from './deps.js';

/** How long Discord remembers an enforced nonce ("the past few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;

/** Channels and threads, their messages, and thread membership. */
export function channelRoutes(deps: RouteDeps): Route[] {
  const { state } = deps;
  const message = (params: Record<string, string>) =>
    state.requireChannelMessage(params.channel_id ?? '', params.message_id ?? '');
  return [
    {
      method: 'GET',
      template: '/channels/{channel_id}',
      handle: ({ params }) => ({ body: state.requireChannel(params.channel_id ?? '') }),
    },
    {
      method: 'PATCH',
      template: '/channels/{channel_id}',
      handle: ({ params, body }) => ({
        body: updateChannel(state, params.channel_id ?? '', bodyAs<ChannelPatch>(body)),
      }),
    },
    {
      method: 'DELETE',
      template: '/channels/{channel_id}',
      handle: ({ params }) => {
        const channel = state.requireChannel(params.channel_id ?? '');
        state.channels.delete(channel.id);
        const event = isThread(channel) ? GatewayDispatchEvents.ThreadDelete : GatewayDispatchEvents.ChannelDelete;
        state.dispatch(event, channel, GatewayIntentBits.Guilds);
        return { body: channel };
      },
    },
    {
      method: 'GET',
      template: '/channels/{channel_id}/messages',
      handle: ({ params, query }) => {
        state.requireChannel(params.channel_id ?? '');
        const limit = Number(query.get('limit') ?? 50);
        const before = query.get('before');
        const after = query.get('after');
        const visible = state
          .messagesIn(params.channel_id ?? '')
          .filter((m) => !m.deletedAt && !m.ephemeral)
          .filter(
            (m) => (before ? BigInt(m.id) < BigInt(before) : true) && (after ? BigInt(m.id) > BigInt(after) : true),
          );
        // Discord lists newest first; with `after` it returns the oldest ones after the id.
        const picked = after ? visible.slice(0, limit) : visible.slice(-limit);
        return { body: picked.reverse().map((m) => m.toAPI()) };
      },
    },
    {
      method: 'POST',
      template: '/channels/{channel_id}/messages',
      messageWrite: ({ params }) => ({ kind: 'create', channelId: params.channel_id ?? '' }),
      handle: ({ params, body, files, route }) => {
        const write = bodyAs<MessageWrite>(body);
        // Discord: with enforce_nonce, a nonce the same author used within the last few minutes returns that
        // message and creates none (the retry of a request whose answer was lost).
        const nonceKey = write.enforce_nonce && write.nonce != null ? `${state.bot.id}:${write.nonce}` : undefined;
        const seen = nonceKey ? state.nonces.get(nonceKey) : undefined;
        if (seen && Date.now() - seen.at < NONCE_WINDOW_MS && !seen.message.deletedAt)
          return { body: seen.message.toAPI() };
        const posted = postMessage(state, deps.baseUrl(), { channelId: params.channel_id ?? '', write, files, route });
        if (nonceKey) state.nonces.set(nonceKey, { message: posted, at: Date.now() });
        return { body: posted.toAPI() };
      },
    },
    {
      method: 'GET',
      template: '/channels/{channel_id}/messages/{message_id}',
      handle: ({ params }) => ({ body: message(params).toAPI() }),
    },
    {
      method: 'PATCH',
      template: '/channels/{channel_id}/messages/{message_id}',
      messageWrite: ({ params }) => ({ kind: 'edit', channelId: params.channel_id ?? '' }),
      handle: ({ params, body, files, route }) => {
        const edited = editMessage(state, deps.baseUrl(), message(params), {
          write: bodyAs<MessageWrite>(body),
          files,
          route,
        });
        return { body: edited.toAPI() };
      },
    },
    {
      method: 'DELETE',
      template: '/channels/{channel_id}/messages/{message_id}',
      handle: ({ params }) => {
        deleteMessage(state, message(params));
        return {};
      },
    },
    {
      method: 'POST',
      template: '/channels/{channel_id}/threads',
      handle: ({ params, body }) => ({
        status: 201,
        body: createThread(state, params.channel_id ?? '', bodyAs<ThreadWrite>(body)),
      }),
    },
    {
      method: 'POST',
      template: '/channels/{channel_id}/messages/{message_id}/threads',
      handle: ({ params, body }) => {
        const start = message(params);
        const thread = createThread(state, params.channel_id ?? '', bodyAs<ThreadWrite>(body), start);
        start.versions.at(-1)!.flags |= MessageFlags.HasThread;
        return { status: 201, body: thread };
      },
    },
    {
      method: 'PUT',
      template: '/channels/{channel_id}/thread-members/@me',
      handle: ({ params }) => {
        setBotThreadMembership(state, params.channel_id ?? '', true);
        return {};
      },
    },
    {
      method: 'DELETE',
      template: '/channels/{channel_id}/thread-members/@me',
      handle: ({ params }) => {
        setBotThreadMembership(state, params.channel_id ?? '', false);
        return {};
      },
    },
    {
      method: 'POST',
      template: '/channels/{channel_id}/typing',
      handle: ({ params }) => {
        state.requireChannel(params.channel_id ?? '');
        return {};
      },
    },
  ];
}
