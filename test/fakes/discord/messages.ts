import {
  type APIAllowedMentions,
  type APIAttachment,
  type APIEmbed,
  type APIMessage,
  type APIMessageInteractionMetadata,
  type APIMessageTopLevelComponent,
  type APIUser,
  type AttachmentFlags,
  MessageFlags,
  type MessageType,
} from 'discord.js';
import { snowflakeTime, type ThreadChannel } from './payloads.js';

/** An uploaded file as Discord stores it, with its bytes, so tests can look at the rendered image. */
export interface FakeAttachment {
  id: string;
  filename: string;
  description: string | undefined;
  contentType: string;
  size: number;
  bytes: Buffer;
  url: string;
  width: number | undefined;
  height: number | undefined;
}

/** What the audience saw between two edits: one state of a message. */
export interface MessageVersion {
  at: Date;
  /** The request that produced this state, e.g. `PATCH /channels/{channel_id}/messages/{message_id}`. */
  route: string;
  content: string;
  embeds: APIEmbed[];
  /** Components exactly as the bot sent them (action rows with buttons, or Components V2). */
  components: APIMessageTopLevelComponent[];
  attachments: FakeAttachment[];
  allowedMentions: APIAllowedMentions | undefined;
  flags: number;
}

/** The message fields of a create/edit body (channel message, webhook message, or interaction callback `data`). */
export interface MessageWrite {
  content?: string | null;
  embeds?: APIEmbed[] | null;
  components?: APIMessageTopLevelComponent[] | null;
  attachments?: { id: string | number; filename?: string | null; description?: string | null }[] | null;
  allowed_mentions?: APIAllowedMentions | null;
  flags?: number | null;
  sticker_ids?: string[] | null;
  poll?: unknown;
  nonce?: string | number | null;
  enforce_nonce?: boolean | null;
}

export interface MessageMeta {
  id: string;
  channelId: string;
  guildId: string | null;
  author: APIUser;
  type: MessageType;
  /** Set for messages posted through an interaction webhook (the application id). */
  webhookId: string | null;
  interactionId: string | null;
  interactionMetadata: APIMessageInteractionMetadata | undefined;
}

/** A message the fake stores: its identity plus every version, first as created, last as currently shown. */
export class FakeMessage {
  readonly versions: MessageVersion[];
  deletedAt: Date | null = null;
  /** The thread started from this message, if any (Discord gives it the message's id). */
  thread: ThreadChannel | undefined;

  constructor(
    readonly meta: MessageMeta,
    first: MessageVersion,
  ) {
    this.versions = [first];
  }

  get id(): string {
    return this.meta.id;
  }
  get channelId(): string {
    return this.meta.channelId;
  }
  get current(): MessageVersion {
    return this.versions.at(-1) as MessageVersion;
  }
  get content(): string {
    return this.current.content;
  }
  get embeds(): APIEmbed[] {
    return this.current.embeds;
  }
  get components(): APIMessageTopLevelComponent[] {
    return this.current.components;
  }
  get attachments(): FakeAttachment[] {
    return this.current.attachments;
  }
  get flags(): number {
    return this.current.flags;
  }
  get ephemeral(): boolean {
    return (this.flags & MessageFlags.Ephemeral) !== 0;
  }
  /** Number of edits after creation. */
  get edits(): number {
    return this.versions.length - 1;
  }
  get createdAt(): Date {
    return this.versions[0]?.at as Date;
  }

  toAPI(): APIMessage {
    const version = this.current;
    return {
      id: this.meta.id,
      channel_id: this.meta.channelId,
      author: this.meta.author,
      content: version.content,
      timestamp: snowflakeTime(this.meta.id),
      edited_timestamp: this.edits > 0 ? version.at.toISOString() : null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: version.attachments.map(apiAttachment),
      embeds: version.embeds.map((embed) => ({ type: 'rich' as APIEmbed['type'], ...embed })),
      components: version.components,
      pinned: false,
      type: this.meta.type,
      flags: version.flags,
      ...(this.meta.webhookId ? { webhook_id: this.meta.webhookId, application_id: this.meta.webhookId } : {}),
      ...(this.meta.interactionMetadata ? { interaction_metadata: this.meta.interactionMetadata } : {}),
      ...(this.thread ? { thread: this.thread } : {}),
    };
  }
}

function apiAttachment(attachment: FakeAttachment): APIAttachment {
  return {
    id: attachment.id,
    filename: attachment.filename,
    size: attachment.size,
    url: attachment.url,
    proxy_url: attachment.url,
    content_type: attachment.contentType,
    flags: 0 as AttachmentFlags,
    ...(attachment.description ? { description: attachment.description } : {}),
    ...(attachment.width !== undefined ? { width: attachment.width, height: attachment.height ?? null } : {}),
  };
}
