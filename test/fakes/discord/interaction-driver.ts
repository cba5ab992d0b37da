import { randomBytes } from 'node:crypto';
import {
  type APIApplicationCommandInteractionDataOption,
  type APIInteractionDataResolved,
  InteractionType,
} from 'discord.js';
import { FakeInteraction } from './fake-interaction.js';
import {
  buttonPayload,
  chatInputPayload,
  findButton,
  type GuildInteractionPayload,
  type InteractionBase,
  type InteractionRecord,
  modalAnswers,
  modalSubmitPayload,
} from './interactions.js';
import { BOT_PERMISSIONS, EVERYONE_PERMISSIONS, hasPermissions, toPermissionBits } from './permissions.js';
import type { FakeState } from './state.js';

/** Who acts, and where. `permissions` is the member's total permission set (default: a plain member's). */
export interface InteractionTarget {
  guildId: string;
  channelId: string;
  user: { id: string; username: string; globalName?: string };
  /** e.g. `MODERATOR_PERMISSIONS`, or `EVERYONE_PERMISSIONS | PermissionFlagsBits.ManageGuild`. */
  permissions?: bigint | string;
}

export interface SlashCommandOptions extends InteractionTarget {
  name: string;
  /** Raw Discord options, e.g. `[{ type: 3, name: 'prompt', value: 'a cat' }]` or a subcommand with `options`. */
  options?: APIApplicationCommandInteractionDataOption[];
  resolved?: APIInteractionDataResolved;
}

export interface ClickButtonOptions extends InteractionTarget {
  messageId: string;
  customId: string;
}

export interface SubmitModalOptions extends InteractionTarget {
  /** The interaction whose callback showed the modal: its custom_id and layout are mirrored. */
  from?: FakeInteraction;
  /** Needed when `from` is not given. */
  customId?: string;
  /** Text input answers by custom_id. */
  values: Record<string, string>;
}

/** Builds interaction payloads, checks what Discord would check before sending them, and dispatches them. */
export class InteractionDriver {
  constructor(
    private readonly state: FakeState,
    private readonly interactions: Map<string, InteractionRecord>,
    private readonly send: (payload: GuildInteractionPayload) => void,
  ) {}

  slashCommand(options: SlashCommandOptions): FakeInteraction {
    const base = this.base(options);
    const command = this.state.commands.findChatInput(options.name, options.guildId);
    const required = command?.default_member_permissions;
    if (required && !hasPermissions(BigInt(base.member.permissions), BigInt(required))) {
      throw new Error(
        `Discord would not show /${options.name} to ${options.user.username}: default_member_permissions ${required} ` +
          `not in their permissions ${base.member.permissions}`,
      );
    }
    const payload = chatInputPayload(base, {
      id: command?.id ?? this.state.nextId(),
      name: options.name,
      guildScoped: command?.guild_id !== undefined,
      ...(options.options ? { options: options.options } : {}),
      ...(options.resolved ? { resolved: options.resolved } : {}),
    });
    return this.register(payload, undefined, undefined);
  }

  clickButton(options: ClickButtonOptions): FakeInteraction {
    const message = this.state.messages.get(options.messageId);
    if (!message || message.deletedAt || message.channelId !== options.channelId) {
      throw new Error(`No message ${options.messageId} in channel ${options.channelId} to click on`);
    }
    const button = findButton(message.components, options.customId);
    if (!button)
      throw new Error(`Message ${message.id} has no button with custom_id ${JSON.stringify(options.customId)}`);
    if (button.disabled) throw new Error(`Button ${options.customId} on message ${message.id} is disabled`);
    return this.register(buttonPayload(this.base(options), message, options.customId), message.id, undefined);
  }

  submitModal(options: SubmitModalOptions): FakeInteraction {
    const modal = options.from?.modal();
    if (options.from && !modal) throw new Error(`Interaction ${options.from.id} was not answered with a modal`);
    const customId = modal?.custom_id ?? options.customId;
    if (!customId) throw new Error('submitModal needs `from` (the interaction that showed the modal) or `customId`');
    const trigger = options.from?.record;
    const source = trigger?.payload.type === InteractionType.MessageComponent ? trigger.originalMessageId : undefined;
    const message = source ? this.state.messages.get(source) : undefined;
    const payload = modalSubmitPayload(this.base(options), customId, modalAnswers(options.values, modal), message);
    return this.register(payload, message?.id, trigger);
  }

  private base(target: InteractionTarget): InteractionBase {
    const channel = this.state.requireChannel(target.channelId);
    if (channel.guild_id !== target.guildId)
      throw new Error(`Channel ${target.channelId} is not in guild ${target.guildId}`);
    const permissions = toPermissionBits(target.permissions, EVERYONE_PERMISSIONS);
    const member = this.state.ensureMember(target.guildId, target.user, permissions);
    return {
      id: this.state.nextId(),
      token: `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`,
      applicationId: this.state.applicationId,
      guildId: target.guildId,
      channel: { ...channel, permissions: permissions.toString() },
      member: { ...member, user: member.user, permissions: permissions.toString() },
      appPermissions: BOT_PERMISSIONS,
    };
  }

  private register(
    payload: GuildInteractionPayload,
    originalMessageId: string | undefined,
    trigger: InteractionRecord | undefined,
  ): FakeInteraction {
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      payload,
      channelId: payload.channel?.id ?? '',
      guildId: payload.guild_id,
      createdAt: Date.now(),
      callback: undefined,
      originalMessageId,
      followupIds: [],
      trigger,
    };
    this.interactions.set(record.token, record);
    this.send(payload);
    return new FakeInteraction(record, this.state);
  }
}
