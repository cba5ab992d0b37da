import {
  type APIMessageInteractionMetadata,
  GatewayDispatchEvents,
  GatewayIntentBits,
  MessageFlags,
  MessageType,
} from 'discord.js';
import { composeVersion } from './compose.js';
import { FakeMessage, type MessageWrite } from './messages.js';
import type { UploadedFile } from './multipart.js';
import { isThread } from './payloads.js';
import type { FakeState } from './state.js';

export interface PostInput {
  channelId: string;
  write: MessageWrite;
  files: UploadedFile[];
  route: string;
  type?: MessageType;
  /** Posted through an interaction: the webhook id (the application id) and the interaction it answers. */
  interaction?: { id: string; metadata: APIMessageInteractionMetadata };
  /** Extra flags only Discord sets, e.g. LOADING for a deferred reply (which may be empty). */
  systemFlags?: number;
}

/** Where the fake serves an attachment's bytes (same server, outside /api). */
export const attachmentPath = (channelId: string, attachmentId: string, filename: string): string =>
  `/attachments/${channelId}/${attachmentId}/${encodeURIComponent(filename)}`;

function newAttachment(state: FakeState, baseUrl: string, channelId: string) {
  return (_file: UploadedFile, filename: string) => {
    const id = state.nextId();
    return { id, url: `${baseUrl}${attachmentPath(channelId, id, filename)}` };
  };
}

/** Creates a message the way Discord does: stored, counted in its thread, announced as MESSAGE_CREATE. */
export function postMessage(state: FakeState, baseUrl: string, input: PostInput): FakeMessage {
  const channel = state.prepareToPost(input.channelId);
  const version = composeVersion({
    previous: undefined,
    write: input.write,
    files: input.files,
    route: input.route,
    newAttachment: newAttachment(state, baseUrl, input.channelId),
    allowEmpty: ((input.systemFlags ?? 0) & MessageFlags.Loading) !== 0,
  });
  version.flags |= input.systemFlags ?? 0;
  if (!input.interaction) version.flags &= ~MessageFlags.Ephemeral;
  const message = new FakeMessage(
    {
      id: state.nextId(),
      channelId: input.channelId,
      guildId: channel.guild_id ?? null,
      author: state.bot,
      type: input.type ?? MessageType.Default,
      webhookId: input.interaction ? state.applicationId : null,
      interactionId: input.interaction?.id ?? null,
      interactionMetadata: input.interaction?.metadata,
    },
    version,
  );
  state.storeMessage(message);
  if (message.ephemeral) return message;
  channel.last_message_id = message.id;
  if (isThread(channel)) {
    channel.message_count = (channel.message_count ?? 0) + 1;
    channel.total_message_sent = (channel.total_message_sent ?? 0) + 1;
  }
  announce(state, GatewayDispatchEvents.MessageCreate, message);
  return message;
}

/** Applies an edit, keeping the previous state in the message's history; announced as MESSAGE_UPDATE. */
export function editMessage(
  state: FakeState,
  baseUrl: string,
  message: FakeMessage,
  edit: { write: MessageWrite; files: UploadedFile[]; route: string; clearFlags?: number },
): FakeMessage {
  const version = composeVersion({
    previous: message.current,
    write: edit.write,
    files: edit.files,
    route: edit.route,
    newAttachment: newAttachment(state, baseUrl, message.channelId),
  });
  version.flags &= ~(edit.clearFlags ?? 0);
  message.versions.push(version);
  if (!message.ephemeral) announce(state, GatewayDispatchEvents.MessageUpdate, message);
  return message;
}

export function deleteMessage(state: FakeState, message: FakeMessage): void {
  message.deletedAt = new Date();
  if (message.ephemeral) return;
  const channel = state.channels.get(message.channelId);
  if (channel && isThread(channel)) channel.message_count = Math.max(0, (channel.message_count ?? 1) - 1);
  state.dispatch(
    GatewayDispatchEvents.MessageDelete,
    { id: message.id, channel_id: message.channelId, guild_id: message.meta.guildId ?? undefined },
    GatewayIntentBits.GuildMessages,
  );
}

function announce(state: FakeState, event: GatewayDispatchEvents, message: FakeMessage): void {
  const guildId = message.meta.guildId;
  const member = guildId ? state.guilds.get(guildId)?.members.get(message.meta.author.id) : undefined;
  const { user: _user, ...memberWithoutUser } = member ?? { user: undefined };
  state.dispatch(
    event,
    { ...message.toAPI(), ...(guildId ? { guild_id: guildId, member: memberWithoutUser } : {}) },
    GatewayIntentBits.GuildMessages,
  );
}
