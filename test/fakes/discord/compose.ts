import { type APIMessageTopLevelComponent, MessageFlags } from 'discord.js';
import { DiscordApiError, DiscordErrorCode, invalidFormBody } from './errors.js';
import type { FakeAttachment, MessageVersion, MessageWrite } from './messages.js';
import { fileIndex, type UploadedFile } from './multipart.js';

/** Flags a message body may set on create; the rest are Discord's to set. */
const CREATABLE_FLAGS =
  MessageFlags.SuppressEmbeds |
  MessageFlags.SuppressNotifications |
  MessageFlags.Ephemeral |
  MessageFlags.IsComponentsV2;
/** Flags an edit may change (Discord: only SUPPRESS_EMBEDS, and turning Components V2 on). */
const EDITABLE_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2;

export interface ComposeInput {
  previous: MessageVersion | undefined;
  write: MessageWrite;
  files: UploadedFile[];
  route: string;
  newAttachment: (file: UploadedFile, filename: string) => { id: string; url: string };
  /** A deferred reply is an empty "thinking…" message until edited. */
  allowEmpty?: boolean;
}

/**
 * The next version of a message after a create (no `previous`) or an edit, following Discord's rules: a field
 * present in an edit replaces the old value (null clears it), an absent field is kept; `attachments` lists what
 * remains, by existing id or by the index `n` of an uploaded `files[n]`.
 */
export function composeVersion({
  previous,
  write,
  files,
  route,
  newAttachment,
  allowEmpty,
}: ComposeInput): MessageVersion {
  const keep = <T>(value: T | null | undefined, old: T | undefined, empty: T): T =>
    value === undefined ? (old ?? empty) : (value ?? empty);
  const flags = previous
    ? (previous.flags & ~EDITABLE_FLAGS) | ((write.flags ?? 0) & EDITABLE_FLAGS)
    : (write.flags ?? 0) & CREATABLE_FLAGS;
  const version: MessageVersion = {
    at: new Date(),
    route,
    content: keep(write.content, previous?.content, ''),
    embeds: keep(write.embeds, previous?.embeds, []),
    components:
      write.components === undefined ? (previous?.components ?? []) : withComponentIds(write.components ?? []),
    attachments: resolveAttachments(previous?.attachments ?? [], write, files, newAttachment),
    allowedMentions: keep(write.allowed_mentions, previous?.allowedMentions, undefined),
    flags,
  };
  const empty =
    version.content === '' &&
    version.embeds.length === 0 &&
    version.components.length === 0 &&
    version.attachments.length === 0 &&
    !write.sticker_ids?.length &&
    !write.poll;
  if (empty && !allowEmpty)
    throw new DiscordApiError(400, DiscordErrorCode.CannotSendEmptyMessage, 'Cannot send an empty message');
  return version;
}

function resolveAttachments(
  existing: FakeAttachment[],
  write: MessageWrite,
  files: UploadedFile[],
  newAttachment: ComposeInput['newAttachment'],
): FakeAttachment[] {
  const upload = (file: UploadedFile, entry?: { filename?: string | null; description?: string | null }) => {
    const filename = entry?.filename ?? file.filename;
    const { id, url } = newAttachment(file, filename);
    return {
      id,
      filename,
      description: entry?.description ?? undefined,
      contentType: file.contentType,
      size: file.bytes.length,
      bytes: file.bytes,
      url,
      ...imageSize(file.bytes),
    };
  };
  // Without an attachments array, uploads are added to whatever the message already had.
  if (write.attachments === undefined || write.attachments === null) {
    return [...(write.attachments === null ? [] : existing), ...files.map((file) => upload(file))];
  }
  return write.attachments.map((entry, position) => {
    const id = String(entry.id);
    const kept = existing.find((attachment) => attachment.id === id);
    if (kept) return entry.description === undefined ? kept : { ...kept, description: entry.description ?? undefined };
    const file = files.find((candidate) => fileIndex(candidate) === Number(id));
    if (!file) {
      throw invalidFormBody(
        `attachments.${position}.id`,
        'ATTACHMENT_NOT_FOUND',
        `No file or attachment with id ${id}`,
      );
    }
    return upload(file, entry);
  });
}

/** Discord numbers components that come without an `id` sequentially from 1, depth first, in its answers. */
function withComponentIds(components: APIMessageTopLevelComponent[]): APIMessageTopLevelComponent[] {
  const copy = structuredClone(components);
  const nodes: Record<string, unknown>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    if (typeof node.type === 'number') nodes.push(node);
    visit(node.components);
    visit(node.accessory);
    visit(node.component);
  };
  visit(copy);
  const used = new Set(nodes.map((node) => node.id).filter((id) => typeof id === 'number'));
  let next = 1;
  for (const node of nodes) {
    if (typeof node.id === 'number') continue;
    while (used.has(next)) next++;
    node.id = next;
    used.add(next);
  }
  return copy;
}

/** Width and height of a PNG (from its IHDR chunk), as Discord reports them for images. */
function imageSize(bytes: Buffer): { width: number | undefined; height: number | undefined } {
  const isPng =
    bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString('ascii', 12, 16) === 'IHDR';
  return isPng
    ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
    : { width: undefined, height: undefined };
}
