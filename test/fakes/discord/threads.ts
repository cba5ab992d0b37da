import { ChannelType, GatewayDispatchEvents, GatewayIntentBits, ThreadAutoArchiveDuration } from 'discord.js';
import { DiscordApiError, DiscordErrorCode } from './errors.js';
import type { FakeMessage } from './messages.js';
import { apiThread, isThread, type ThreadChannel } from './payloads.js';
import type { FakeState } from './state.js';

export interface ThreadWrite {
  name: string;
  type?: ChannelType | null;
  auto_archive_duration?: ThreadAutoArchiveDuration | null;
  invitable?: boolean | null;
  rate_limit_per_user?: number | null;
}

export interface ChannelPatch {
  name?: string;
  archived?: boolean;
  locked?: boolean;
  auto_archive_duration?: ThreadAutoArchiveDuration;
  invitable?: boolean;
  rate_limit_per_user?: number;
  topic?: string | null;
}

/**
 * Creates a thread under a text channel. Started from a message, the thread takes the message's id (as on
 * Discord); without one, Discord's default type is PRIVATE_THREAD, so bots should send `type` (discord.js does).
 */
export function createThread(
  state: FakeState,
  parentId: string,
  write: ThreadWrite,
  fromMessage?: FakeMessage,
): ThreadChannel {
  const parent = state.requireChannel(parentId);
  if (parent.type !== ChannelType.GuildText) {
    throw new DiscordApiError(400, 50024, 'Cannot execute action on this channel type');
  }
  if (fromMessage?.thread) {
    throw new DiscordApiError(400, 160004, 'A thread has already been created for this message');
  }
  const type = fromMessage ? ChannelType.PublicThread : (write.type ?? ChannelType.PrivateThread);
  if (type !== ChannelType.PublicThread && type !== ChannelType.PrivateThread) {
    throw new DiscordApiError(400, DiscordErrorCode.InvalidFormBody, 'Invalid Form Body');
  }
  const thread = apiThread({
    id: fromMessage?.id ?? state.nextId(),
    guildId: parent.guild_id ?? '',
    parentId,
    ownerId: state.bot.id,
    name: write.name,
    type,
    autoArchiveDuration:
      write.auto_archive_duration ?? parent.default_auto_archive_duration ?? ThreadAutoArchiveDuration.OneDay,
    invitable: write.invitable ?? undefined,
  });
  thread.rate_limit_per_user = write.rate_limit_per_user ?? 0;
  state.channels.set(thread.id, thread);
  state.guilds.get(thread.guild_id ?? '')?.channelIds.push(thread.id);
  state.threadMembers.set(thread.id, new Map([[state.bot.id, new Date().toISOString()]]));
  if (fromMessage) fromMessage.thread = thread;
  state.dispatch(GatewayDispatchEvents.ThreadCreate, { ...thread, newly_created: true }, GatewayIntentBits.Guilds);
  return thread;
}

/** PATCH /channels/{id}: renames, archives, locks; announced as THREAD_UPDATE or CHANNEL_UPDATE. */
export function updateChannel(state: FakeState, channelId: string, patch: ChannelPatch) {
  const channel = state.requireChannel(channelId);
  if (patch.name !== undefined) channel.name = patch.name;
  if (patch.rate_limit_per_user !== undefined) channel.rate_limit_per_user = patch.rate_limit_per_user;
  if (!isThread(channel)) {
    if (patch.topic !== undefined) channel.topic = patch.topic;
    state.dispatch(GatewayDispatchEvents.ChannelUpdate, channel, GatewayIntentBits.Guilds);
    return channel;
  }
  const metadata = channel.thread_metadata;
  if (metadata) {
    if (patch.archived !== undefined && patch.archived !== metadata.archived) {
      metadata.archived = patch.archived;
      metadata.archive_timestamp = new Date().toISOString();
    }
    if (patch.locked !== undefined) metadata.locked = patch.locked;
    if (patch.auto_archive_duration !== undefined) metadata.auto_archive_duration = patch.auto_archive_duration;
    if (patch.invitable !== undefined && channel.type === ChannelType.PrivateThread)
      metadata.invitable = patch.invitable;
  }
  state.dispatch(GatewayDispatchEvents.ThreadUpdate, channel, GatewayIntentBits.Guilds);
  return channel;
}

/** PUT/DELETE /channels/{id}/thread-members/@me; the bot hears THREAD_MEMBER_UPDATE about itself. */
export function setBotThreadMembership(state: FakeState, threadId: string, joined: boolean): void {
  const thread = state.requireChannel(threadId);
  if (!isThread(thread)) throw new DiscordApiError(400, 50024, 'Cannot execute action on this channel type');
  if (thread.thread_metadata?.archived && thread.thread_metadata.locked && joined) {
    throw new DiscordApiError(400, DiscordErrorCode.ThreadArchived, 'Thread is locked');
  }
  const members = state.threadMembers.get(threadId) ?? new Map<string, string>();
  state.threadMembers.set(threadId, members);
  const joinedAt = new Date().toISOString();
  if (joined) members.set(state.bot.id, members.get(state.bot.id) ?? joinedAt);
  else members.delete(state.bot.id);
  thread.member_count = members.size;
  if (joined) {
    state.dispatch(
      GatewayDispatchEvents.ThreadMemberUpdate,
      {
        id: threadId,
        user_id: state.bot.id,
        join_timestamp: members.get(state.bot.id),
        flags: 0,
        guild_id: thread.guild_id,
      },
      GatewayIntentBits.Guilds,
    );
  }
}
