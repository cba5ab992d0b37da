import {
  type APIApplication,
  type APIGuild,
  type APIGuildMember,
  type APIGuildTextChannel,
  type APIRole,
  type APIThreadChannel,
  type APIUser,
  ApplicationFlags,
  type ChannelFlags,
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  type GuildMemberFlags,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  type RoleFlags,
  SnowflakeUtil,
  type UserFlags,
} from 'discord.js';

/** A user as tests describe one; the fake fills in the rest of Discord's user object. */
export interface UserSeed {
  id: string;
  username: string;
  globalName?: string | null;
  bot?: boolean;
}

export type TextChannel = APIGuildTextChannel<ChannelType.GuildText>;
export type ThreadChannel = APIThreadChannel<ChannelType.PublicThread | ChannelType.PrivateThread>;
export type FakeChannel = TextChannel | ThreadChannel;

export const isThread = (channel: FakeChannel): channel is ThreadChannel =>
  channel.type === ChannelType.PublicThread || channel.type === ChannelType.PrivateThread;

/** The ISO timestamp a snowflake encodes, as Discord derives `timestamp` and `joined_at`. */
export const snowflakeTime = (id: string): string => new Date(SnowflakeUtil.timestampFrom(id)).toISOString();

export function apiUser(seed: UserSeed): APIUser {
  return {
    id: seed.id,
    username: seed.username,
    // Bots kept their four-digit discriminators; migrated users have '0'.
    discriminator: seed.bot ? '4242' : '0',
    global_name: seed.bot ? null : (seed.globalName ?? seed.username),
    avatar: null,
    bot: seed.bot ?? false,
    system: false,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    primary_guild: null,
  };
}

export function apiRole(fields: {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  botId?: string;
}): APIRole {
  return {
    id: fields.id,
    name: fields.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: fields.position,
    permissions: fields.permissions.toString(),
    managed: fields.botId !== undefined,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...(fields.botId ? { tags: { bot_id: fields.botId } } : {}),
  };
}

export function apiMember(user: APIUser, roles: string[], joinedAt: string): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function apiTextChannel(fields: { id: string; guildId: string; name: string; position: number }): TextChannel {
  return {
    id: fields.id,
    type: ChannelType.GuildText,
    guild_id: fields.guildId,
    name: fields.name,
    position: fields.position,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    last_pin_timestamp: null,
    rate_limit_per_user: 0,
    default_auto_archive_duration: 1440,
    default_thread_rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
  };
}

export function apiThread(fields: {
  id: string;
  guildId: string;
  parentId: string;
  ownerId: string;
  name: string;
  type: ChannelType.PublicThread | ChannelType.PrivateThread;
  autoArchiveDuration: 60 | 1440 | 4320 | 10080;
  invitable?: boolean;
}): ThreadChannel {
  const now = new Date().toISOString();
  return {
    id: fields.id,
    type: fields.type,
    guild_id: fields.guildId,
    parent_id: fields.parentId,
    owner_id: fields.ownerId,
    name: fields.name,
    last_message_id: null,
    last_pin_timestamp: null,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: fields.autoArchiveDuration,
      archive_timestamp: now,
      locked: false,
      create_timestamp: now,
      ...(fields.type === ChannelType.PrivateThread ? { invitable: fields.invitable ?? true } : {}),
    },
  };
}

export function apiGuild(fields: { id: string; name: string; ownerId: string; roles: APIRole[] }): APIGuild {
  const guild: APIGuild = {
    id: fields.id,
    name: fields.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: fields.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: fields.roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotificationReplies,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    region: 'deprecated',
    max_presences: null,
    max_members: 500000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    incidents_data: null,
  };
  // Required by the spec's GuildResponse, unknown to discord-api-types.
  return Object.assign(guild, { home_header: null, nsfw: false });
}

export const APPLICATION_FLAGS = ApplicationFlags.GatewayGuildMembersLimited | ApplicationFlags.ApplicationCommandBadge;

export function apiApplication(fields: { id: string; bot: APIUser; ownerId: string }): APIApplication {
  const application: APIApplication = {
    id: fields.id,
    name: fields.bot.username,
    icon: null,
    description: 'A loopback fake of a Discord application.',
    bot_public: false,
    bot_require_code_grant: false,
    bot: fields.bot,
    owner: apiUser({ id: fields.ownerId, username: 'owner' }),
    verify_key: '0'.repeat(64),
    team: null,
    flags: APPLICATION_FLAGS,
    flags_new: APPLICATION_FLAGS.toString(),
    approximate_guild_count: 1,
    interactions_endpoint_url: null,
    redirect_uris: [],
    summary: '',
    event_webhooks_status: 1,
  };
  // Required by the spec's PrivateApplicationResponse, unknown to discord-api-types.
  return Object.assign(application, {
    type: null,
    role_connections_verification_url: null,
    approximate_user_install_count: 0,
    approximate_user_authorization_count: 0,
    explicit_content_filter: 0,
    eligible_oauth2_scopes: [],
  });
}
