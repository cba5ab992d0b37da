import {
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  ApplicationCommandType,
  ApplicationIntegrationType,
  type InteractionContextType,
  type LocalizationMap,
} from 'discord.js';

/** The body of one command in a create or bulk-overwrite request. */
export interface CommandWrite {
  name: string;
  description?: string | null;
  type?: ApplicationCommandType;
  options?: APIApplicationCommandOption[] | null;
  default_member_permissions?: string | null;
  dm_permission?: boolean | null;
  nsfw?: boolean | null;
  contexts?: InteractionContextType[] | null;
  integration_types?: ApplicationIntegrationType[] | null;
  name_localizations?: LocalizationMap | null;
  description_localizations?: LocalizationMap | null;
}

/**
 * Registered application commands, global and per guild. Like Discord, an overwrite keeps a command's id when a
 * command of the same name and type survives, and gives it a new version.
 */
export class CommandRegistry {
  private readonly scopes = new Map<string, Map<string, APIApplicationCommand>>();

  constructor(
    private readonly applicationId: string,
    private readonly nextId: () => string,
  ) {}

  /** Commands of one scope: `guildId` undefined means global. */
  list(guildId?: string): APIApplicationCommand[] {
    return [...this.scope(guildId).values()];
  }

  overwrite(guildId: string | undefined, writes: CommandWrite[]): APIApplicationCommand[] {
    const previous = this.scope(guildId);
    const next = new Map<string, APIApplicationCommand>();
    for (const write of writes) {
      const command = this.toCommand(guildId, write, previous.get(keyOf(write))?.id);
      next.set(keyOf(write), command);
    }
    this.scopes.set(guildId ?? '', next);
    return [...next.values()];
  }

  /** Creates or replaces one command; `created` tells whether it is new (Discord answers 201 then, else 200). */
  upsert(guildId: string | undefined, write: CommandWrite): { command: APIApplicationCommand; created: boolean } {
    const scope = this.scope(guildId);
    const existing = scope.get(keyOf(write));
    const command = this.toCommand(guildId, write, existing?.id);
    scope.set(keyOf(write), command);
    this.scopes.set(guildId ?? '', scope);
    return { command, created: !existing };
  }

  get(guildId: string | undefined, id: string): APIApplicationCommand | undefined {
    return this.list(guildId).find((command) => command.id === id);
  }

  delete(guildId: string | undefined, id: string): boolean {
    const scope = this.scope(guildId);
    for (const [key, command] of scope) if (command.id === id) return scope.delete(key);
    return false;
  }

  /** The chat-input command a user in `guildId` would see under `name`: a guild command wins over a global one. */
  findChatInput(name: string, guildId: string | undefined): APIApplicationCommand | undefined {
    const key = `${ApplicationCommandType.ChatInput}:${name}`;
    return (guildId ? this.scope(guildId).get(key) : undefined) ?? this.scope(undefined).get(key);
  }

  private scope(guildId: string | undefined): Map<string, APIApplicationCommand> {
    return this.scopes.get(guildId ?? '') ?? new Map();
  }

  private toCommand(guildId: string | undefined, write: CommandWrite, id: string | undefined): APIApplicationCommand {
    const type = write.type ?? ApplicationCommandType.ChatInput;
    return {
      id: id ?? this.nextId(),
      type,
      application_id: this.applicationId,
      ...(guildId ? { guild_id: guildId } : {}),
      name: write.name,
      name_localizations: write.name_localizations ?? null,
      description: type === ApplicationCommandType.ChatInput ? (write.description ?? '') : '',
      description_localizations: write.description_localizations ?? null,
      ...(write.options ? { options: write.options } : {}),
      default_member_permissions: write.default_member_permissions ?? null,
      ...(guildId ? {} : { dm_permission: write.dm_permission ?? true }),
      nsfw: write.nsfw ?? false,
      integration_types: write.integration_types ?? [ApplicationIntegrationType.GuildInstall],
      contexts: write.contexts ?? null,
      version: this.nextId(),
    };
  }
}

const keyOf = (write: CommandWrite): string => `${write.type ?? ApplicationCommandType.ChatInput}:${write.name}`;
