import {
  type APIGuild,
  type APIGuildMember,
  type APIRole,
  type APIUser,
  GatewayDispatchEvents,
  GatewayIntentBits,
  SnowflakeUtil,
} from 'discord.js';
import { CommandRegistry } from './commands.js';
import { DiscordApiError, DiscordErrorCode, notFound } from './errors.js';
import type { FakeMessage } from './messages.js';
import {
  apiGuild,
  apiMember,
  apiRole,
  apiTextChannel,
  apiUser,
  type FakeChannel,
  snowflakeTime,
  type UserSeed,
} from './payloads.js';
import { BOT_PERMISSIONS, EVERYONE_PERMISSIONS, MODERATOR_PERMISSIONS } from './permissions.js';

/** A guild as tests describe it. Channel ids and guild ids must be snowflakes (digit strings). */
export interface GuildSeed {
  id: string;
  name: string;
  channels: { id: string; name: string }[];
}

export interface GuildRecord {
  api: APIGuild;
  members: Map<string, APIGuildMember>;
  channelIds: string[];
}

/** Sends a gateway dispatch; `intent` is the intent bit the client must have asked for (null: always sent). */
export type Dispatch = (event: GatewayDispatchEvents, data: unknown, intent: number | null) => void;

const snowflakePattern = /^[1-9][0-9]{0,19}$/;

export function assertSnowflake(id: string, what: string): void {
  if (!snowflakePattern.test(id)) throw new Error(`${what} ${JSON.stringify(id)} is not a snowflake (a digit string)`);
}

/** Everything the fake Discord knows: guilds, members, channels and threads, messages, commands. */
export class FakeState {
  readonly guilds = new Map<string, GuildRecord>();
  readonly channels = new Map<string, FakeChannel>();
  readonly threadMembers = new Map<string, Map<string, string>>();
  readonly messages = new Map<string, FakeMessage>();
  readonly messagesByChannel = new Map<string, FakeMessage[]>();
  /** Messages created with `enforce_nonce`, by author and nonce: a repeat within the window returns the first. */
  readonly nonces = new Map<string, { message: FakeMessage; at: number }>();
  readonly users = new Map<string, APIUser>();
  readonly commands: CommandRegistry;
  readonly bot: APIUser;
  readonly ownerId: string;

  constructor(
    bot: UserSeed,
    readonly applicationId: string,
    readonly dispatch: Dispatch,
  ) {
    this.bot = apiUser({ ...bot, bot: true });
    this.users.set(this.bot.id, this.bot);
    this.ownerId = this.nextId();
    this.commands = new CommandRegistry(applicationId, () => this.nextId());
  }

  nextId(): string {
    return SnowflakeUtil.generate().toString();
  }

  addGuild(seed: GuildSeed): GuildRecord {
    assertSnowflake(seed.id, 'guild id');
    const botRoleId = this.nextId();
    const roles = [
      apiRole({ id: seed.id, name: '@everyone', permissions: EVERYONE_PERMISSIONS, position: 0 }),
      apiRole({ id: this.nextId(), name: 'Moderator', permissions: MODERATOR_PERMISSIONS, position: 1 }),
      apiRole({
        id: botRoleId,
        name: this.bot.username,
        permissions: BOT_PERMISSIONS,
        position: 2,
        botId: this.bot.id,
      }),
    ];
    const record: GuildRecord = {
      api: apiGuild({ id: seed.id, name: seed.name, ownerId: this.ownerId, roles }),
      members: new Map([[this.bot.id, apiMember(this.bot, [botRoleId], new Date().toISOString())]]),
      channelIds: [],
    };
    this.guilds.set(seed.id, record);
    seed.channels.forEach((channel, position) => {
      assertSnowflake(channel.id, 'channel id');
      this.channels.set(channel.id, apiTextChannel({ ...channel, guildId: seed.id, position }));
      record.channelIds.push(channel.id);
    });
    return record;
  }

  requireGuild(id: string): GuildRecord {
    const guild = this.guilds.get(id);
    if (!guild) throw notFound(DiscordErrorCode.UnknownGuild, 'Guild');
    return guild;
  }

  requireChannel(id: string): FakeChannel {
    const channel = this.channels.get(id);
    if (!channel) throw notFound(DiscordErrorCode.UnknownChannel, 'Channel');
    return channel;
  }

  /** A message the channel really holds: deleted and ephemeral messages are unknown to channel routes. */
  requireChannelMessage(channelId: string, messageId: string): FakeMessage {
    this.requireChannel(channelId);
    const message = this.messages.get(messageId);
    if (!message || message.channelId !== channelId || message.deletedAt || message.ephemeral) {
      throw notFound(DiscordErrorCode.UnknownMessage, 'Message');
    }
    return message;
  }

  messagesIn(channelId: string): FakeMessage[] {
    return this.messagesByChannel.get(channelId) ?? [];
  }

  storeMessage(message: FakeMessage): void {
    this.messages.set(message.id, message);
    const list = this.messagesByChannel.get(message.channelId) ?? [];
    list.push(message);
    this.messagesByChannel.set(message.channelId, list);
  }

  /**
   * The member behind an interaction. Its roles reproduce `permissions` (a role per distinct permission set,
   * announced with GUILD_ROLE_CREATE), so `member.permissions` in discord.js agrees with the interaction's.
   */
  ensureMember(guildId: string, seed: UserSeed, permissions: bigint): APIGuildMember {
    const guild = this.requireGuild(guildId);
    assertSnowflake(seed.id, 'user id');
    const user = apiUser(seed);
    this.users.set(user.id, user);
    const roles = permissions === EVERYONE_PERMISSIONS ? [] : [this.roleFor(guildId, guild, permissions).id];
    const existing = guild.members.get(user.id);
    const member = { ...apiMember(user, roles, existing?.joined_at ?? snowflakeTime(this.nextId())) };
    guild.members.set(user.id, member);
    return member;
  }

  private roleFor(guildId: string, guild: GuildRecord, permissions: bigint): APIRole {
    const existing = guild.api.roles.find((role) => !role.managed && BigInt(role.permissions) === permissions);
    if (existing && existing.id !== guildId) return existing;
    const role = apiRole({
      id: this.nextId(),
      name: `Permissions 0x${permissions.toString(16)}`,
      permissions,
      position: guild.api.roles.length,
    });
    guild.api.roles.push(role);
    this.dispatch(GatewayDispatchEvents.GuildRoleCreate, { guild_id: guildId, role }, GatewayIntentBits.Guilds);
    return role;
  }

  /** Discord refuses writes to a locked archived thread and silently unarchives an unlocked one. */
  prepareToPost(channelId: string): FakeChannel {
    const channel = this.requireChannel(channelId);
    const metadata = 'thread_metadata' in channel ? channel.thread_metadata : undefined;
    if (metadata?.archived) {
      if (metadata.locked) {
        throw new DiscordApiError(400, DiscordErrorCode.ThreadArchived, 'Thread is locked');
      }
      metadata.archived = false;
      metadata.archive_timestamp = new Date().toISOString();
      this.dispatch(GatewayDispatchEvents.ThreadUpdate, channel, GatewayIntentBits.Guilds);
    }
    return channel;
  }
}
