import { InteractionResponseType, InteractionType, MessageFlags, MessageType } from 'discord.js';
import { DiscordApiError, DiscordErrorCode, notFound } from '../errors.js';
import { type InteractionRecord, interactionMetadata } from '../interactions.js';
import type { FakeMessage, MessageWrite } from '../messages.js';
import { deleteMessage, editMessage, postMessage } from '../posting.js';
import type { Route, RouteContext } from '../router.js';
import { bodyAs, type RouteDeps } from './deps.js';

/** Interaction tokens stay valid for followups and edits for 15 minutes. */
const TOKEN_TTL_MS = 15 * 60 * 1000;

/** Interaction callbacks, and the interaction webhook: followups and `@original` / `{message_id}` messages. */
export function interactionRoutes(deps: RouteDeps): Route[] {
  const { state, interactions } = deps;

  const webhookInteraction = ({ params }: RouteContext): InteractionRecord => {
    if (params.webhook_id !== state.applicationId) throw notFound(DiscordErrorCode.UnknownWebhook, 'Webhook');
    const record = interactions.get(params.webhook_token ?? '');
    if (!record || Date.now() - record.createdAt > TOKEN_TTL_MS) {
      throw new DiscordApiError(401, DiscordErrorCode.InvalidWebhookToken, 'Invalid Webhook Token');
    }
    if (!record.callback) throw notFound(DiscordErrorCode.UnknownWebhook, 'Webhook');
    return record;
  };
  const webhookMessage = (context: RouteContext): FakeMessage => {
    const record = webhookInteraction(context);
    const id = context.params.message_id ?? record.originalMessageId;
    const mine = id !== undefined && (id === record.originalMessageId || record.followupIds.includes(id));
    const message = mine ? state.messages.get(id) : undefined;
    if (!message || message.deletedAt) throw notFound(DiscordErrorCode.UnknownMessage, 'Message');
    return message;
  };
  const messageRoutes = (suffix: string): Route[] => [
    {
      method: 'GET',
      template: `/webhooks/{webhook_id}/{webhook_token}/messages/${suffix}`,
      handle: (c) => ({ body: webhookMessage(c).toAPI() }),
    },
    {
      method: 'PATCH',
      template: `/webhooks/{webhook_id}/{webhook_token}/messages/${suffix}`,
      handle: (context) => {
        const edit = {
          write: bodyAs<MessageWrite>(context.body),
          files: context.files,
          route: context.route,
          clearFlags: MessageFlags.Loading,
        };
        return { body: editMessage(state, deps.baseUrl(), webhookMessage(context), edit).toAPI() };
      },
    },
    {
      method: 'DELETE',
      template: `/webhooks/{webhook_id}/{webhook_token}/messages/${suffix}`,
      handle: (context) => {
        deleteMessage(state, webhookMessage(context));
        return {};
      },
    },
  ];

  return [
    {
      method: 'POST',
      template: '/interactions/{interaction_id}/{interaction_token}/callback',
      handle: (context) => respond(deps, context),
    },
    {
      method: 'POST',
      template: '/webhooks/{webhook_id}/{webhook_token}',
      handle: (context) => {
        const record = webhookInteraction(context);
        const followup = postMessage(state, deps.baseUrl(), {
          channelId: record.channelId,
          write: bodyAs<MessageWrite>(context.body),
          files: context.files,
          route: context.route,
          type: messageTypeFor(record),
          interaction: { id: record.id, metadata: interactionMetadata(record) },
        });
        record.followupIds.push(followup.id);
        return context.query.get('wait') === 'true' ? { body: followup.toAPI() } : {};
      },
    },
    ...messageRoutes('@original'),
    ...messageRoutes('{message_id}'),
  ];
}

const messageTypeFor = (record: InteractionRecord): MessageType =>
  record.payload.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default;

/** POST /interactions/{id}/{token}/callback: acknowledges once, within the deadline, with a type that fits. */
function respond(deps: RouteDeps, context: RouteContext) {
  const { state } = deps;
  const record = deps.interactions.get(context.params.interaction_token ?? '');
  if (!record || record.id !== context.params.interaction_id || Date.now() - record.createdAt > deps.ackDeadlineMs) {
    throw notFound(DiscordErrorCode.UnknownInteraction, 'interaction');
  }
  if (record.callback) {
    throw new DiscordApiError(
      400,
      DiscordErrorCode.InteractionAlreadyAcknowledged,
      'Interaction has already been acknowledged.',
    );
  }
  const { type, data } = bodyAs<{ type: InteractionResponseType; data?: MessageWrite }>(context.body);
  const kind = record.payload.type;
  const fromMessage =
    kind === InteractionType.MessageComponent || (kind === InteractionType.ModalSubmit && record.payload.message);
  const refuse = (why: string) =>
    new DiscordApiError(400, DiscordErrorCode.InvalidFormBody, `Invalid Form Body: ${why}`);
  const post = (write: MessageWrite, systemFlags: number) =>
    postMessage(state, deps.baseUrl(), {
      channelId: record.channelId,
      write,
      files: context.files,
      route: context.route,
      type: messageTypeFor(record),
      interaction: { id: record.id, metadata: interactionMetadata(record) },
      systemFlags,
    });

  let message: FakeMessage | undefined;
  switch (type) {
    case InteractionResponseType.ChannelMessageWithSource:
      message = post(data ?? {}, 0);
      record.originalMessageId = message.id;
      break;
    case InteractionResponseType.DeferredChannelMessageWithSource:
      message = post({ flags: (data?.flags ?? 0) & MessageFlags.Ephemeral }, MessageFlags.Loading);
      record.originalMessageId = message.id;
      break;
    case InteractionResponseType.DeferredMessageUpdate:
      if (!fromMessage) throw refuse('DEFERRED_UPDATE_MESSAGE is only valid for component interactions');
      break;
    case InteractionResponseType.UpdateMessage: {
      if (!fromMessage) throw refuse('UPDATE_MESSAGE is only valid for component interactions');
      const source = state.messages.get(record.originalMessageId ?? '');
      if (!source) throw new DiscordApiError(404, DiscordErrorCode.UnknownMessage, 'Unknown Message');
      message = editMessage(state, deps.baseUrl(), source, {
        write: data ?? {},
        files: context.files,
        route: context.route,
      });
      break;
    }
    case InteractionResponseType.Modal:
      if (kind === InteractionType.ModalSubmit) throw refuse('a modal cannot answer a modal submission');
      break;
    default:
      throw refuse(`callback type ${type} is not valid for interaction type ${kind}`);
  }
  record.callback = { type, data, at: new Date() };
  if (context.query.get('with_response') !== 'true') return {};
  return {
    body: {
      interaction: {
        id: record.id,
        type: kind,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: (message.flags & MessageFlags.Loading) !== 0,
              response_message_ephemeral: message.ephemeral,
            }
          : {}),
      },
      ...(message ? { resource: { type, message: message.toAPI() } } : {}),
    },
  };
}
