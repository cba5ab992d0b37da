import {
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIInteractionDataResolved,
  type APIInteractionGuildMember,
  type APIMessageComponentGuildInteraction,
  type APIMessageInteractionMetadata,
  type APIModalInteractionResponseCallbackData,
  type APIModalSubmissionComponent,
  type APIModalSubmitGuildInteraction,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ComponentType,
  InteractionContextType,
  type InteractionResponseType,
  InteractionType,
  Locale,
} from 'discord.js';
import type { FakeMessage } from './messages.js';

export type GuildInteractionPayload =
  | APIChatInputApplicationCommandGuildInteraction
  | APIMessageComponentGuildInteraction
  | APIModalSubmitGuildInteraction;

/** The bot's answer to an interaction, as the fake received it at POST /interactions/{id}/{token}/callback. */
export interface CallbackRecord {
  type: InteractionResponseType;
  /** The callback's `data` (message fields, modal, autocomplete choices), exactly as sent. */
  data: unknown;
  at: Date;
}

/** What the fake remembers about one interaction it dispatched. */
export interface InteractionRecord {
  id: string;
  token: string;
  payload: GuildInteractionPayload;
  channelId: string;
  guildId: string;
  createdAt: number;
  callback: CallbackRecord | undefined;
  /** The message `@original` refers to: the reply (types 4/5) or, for components, the clicked message. */
  originalMessageId: string | undefined;
  followupIds: string[];
  /** For a modal submission: the interaction whose callback showed the modal. */
  trigger: InteractionRecord | undefined;
}

/** Fields every guild interaction carries (https://discord.com/developers/docs/interactions/receiving-and-responding). */
export interface InteractionBase {
  id: string;
  token: string;
  applicationId: string;
  guildId: string;
  channel: { id: string; type: number } & Record<string, unknown>;
  member: APIInteractionGuildMember;
  appPermissions: bigint;
}

function base(fields: InteractionBase) {
  return {
    id: fields.id,
    application_id: fields.applicationId,
    token: fields.token,
    version: 1 as const,
    guild_id: fields.guildId,
    guild: { id: fields.guildId, locale: Locale.EnglishUS, features: [] },
    channel: fields.channel as never,
    channel_id: fields.channel.id,
    member: fields.member,
    app_permissions: fields.appPermissions.toString(),
    locale: Locale.EnglishUS,
    guild_locale: Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: fields.guildId },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

export function chatInputPayload(
  fields: InteractionBase,
  command: {
    id: string;
    name: string;
    guildScoped: boolean;
    options?: APIApplicationCommandInteractionDataOption[];
    resolved?: APIInteractionDataResolved;
  },
): APIChatInputApplicationCommandGuildInteraction {
  return {
    ...base(fields),
    type: InteractionType.ApplicationCommand,
    data: {
      id: command.id,
      name: command.name,
      type: ApplicationCommandType.ChatInput,
      ...(command.options ? { options: command.options } : {}),
      ...(command.resolved ? { resolved: command.resolved } : {}),
      ...(command.guildScoped ? { guild_id: fields.guildId } : {}),
    },
  };
}

export function buttonPayload(
  fields: InteractionBase,
  message: FakeMessage,
  customId: string,
): APIMessageComponentGuildInteraction {
  return {
    ...base(fields),
    type: InteractionType.MessageComponent,
    message: message.toAPI(),
    data: { custom_id: customId, component_type: ComponentType.Button },
  };
}

export function modalSubmitPayload(
  fields: InteractionBase,
  customId: string,
  components: APIModalSubmissionComponent[],
  message: FakeMessage | undefined,
): APIModalSubmitGuildInteraction {
  return {
    ...base(fields),
    type: InteractionType.ModalSubmit,
    data: { custom_id: customId, components },
    ...(message ? { message: message.toAPI() } : {}),
  };
}

/**
 * A modal's answers shaped like the modal the bot showed: text inputs inside Labels come back inside Labels,
 * those in action rows come back in action rows. Without the modal, answers come back in action rows.
 */
export function modalAnswers(
  values: Record<string, string>,
  modal: APIModalInteractionResponseCallbackData | undefined,
): APIModalSubmissionComponent[] {
  const textInput = (customId: string) => ({
    type: ComponentType.TextInput as const,
    custom_id: customId,
    value: values[customId] ?? '',
  });
  if (!modal) {
    return Object.keys(values).map((customId) => ({
      type: ComponentType.ActionRow,
      components: [textInput(customId)],
    }));
  }
  const answers: APIModalSubmissionComponent[] = [];
  for (const component of modal.components as unknown as Record<string, unknown>[]) {
    const inner = (component.component ?? (component.components as unknown[] | undefined)?.[0]) as
      | { type: number; custom_id?: string }
      | undefined;
    if (inner?.type !== ComponentType.TextInput || !inner.custom_id) continue;
    answers.push(
      component.type === ComponentType.Label
        ? { type: ComponentType.Label, component: textInput(inner.custom_id) }
        : { type: ComponentType.ActionRow, components: [textInput(inner.custom_id)] },
    );
  }
  return answers;
}

/** How a message posted in answer to an interaction names it (`interaction_metadata`). */
export function interactionMetadata(record: InteractionRecord): APIMessageInteractionMetadata {
  const common = {
    id: record.id,
    user: record.payload.member.user,
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: record.guildId },
    ...(record.originalMessageId ? { original_response_message_id: record.originalMessageId } : {}),
  };
  const payload = record.payload;
  if (payload.type === InteractionType.MessageComponent) {
    return { ...common, type: InteractionType.MessageComponent, interacted_message_id: payload.message.id };
  }
  if (payload.type === InteractionType.ModalSubmit) {
    const trigger = record.trigger ? interactionMetadata(record.trigger) : undefined;
    const triggering =
      trigger && trigger.type !== InteractionType.ModalSubmit
        ? trigger
        : { ...common, type: InteractionType.ApplicationCommand as const };
    return { ...common, type: InteractionType.ModalSubmit, triggering_interaction_metadata: triggering };
  }
  return { ...common, type: InteractionType.ApplicationCommand };
}

/** Finds a button by custom_id anywhere in a message's components (rows, sections, containers). */
export function findButton(components: unknown, customId: string): { disabled?: boolean } | undefined {
  if (Array.isArray(components)) {
    for (const child of components) {
      const found = findButton(child, customId);
      if (found) return found;
    }
    return undefined;
  }
  if (!components || typeof components !== 'object') return undefined;
  const node = components as Record<string, unknown>;
  if (node.type === ComponentType.Button && node.custom_id === customId) return node as { disabled?: boolean };
  return (
    findButton(node.components, customId) ??
    findButton(node.accessory, customId) ??
    findButton(node.component, customId)
  );
}
