import { keys } from './keys.js';
import { type Records, validateForWrite, withoutUndefined } from './records.js';
import { type GuildSettings, guildSettingsSchema } from './schemas.js';

const settingNames = Object.keys(guildSettingsSchema.shape) as (keyof GuildSettings)[];

/**
 * Per-guild settings. Only the fields a guild set are stored; schema defaults are applied on read, so a default
 * changed in code reaches every guild that never overrode it. Updates are serialised per guild (see KeyedMutex).
 */
export class GuildSettingsRepository {
  constructor(private readonly records: Records) {}

  /** The guild's settings; the schema defaults when nothing is stored or the stored record fails validation (logged). */
  async get(guildId: string): Promise<GuildSettings> {
    const reading = await this.records.read(keys.settings(guildId), guildSettingsSchema);
    return reading.state === 'valid' ? reading.value : guildSettingsSchema.parse({});
  }

  /** Merges `patch` over what the guild set before; a field set to `undefined` returns to its default. */
  async update(guildId: string, patch: Partial<GuildSettings>): Promise<GuildSettings> {
    const key = keys.settings(guildId);
    return this.records.locked(key, async () => {
      const stored = (await this.records.readForUpdate(key, guildSettingsSchema))?.raw as
        | Record<string, unknown>
        | undefined;
      const merged: Record<string, unknown> = withoutUndefined({ ...stored, ...patch });
      const settings = validateForWrite('guild settings', guildSettingsSchema, merged);
      const explicit = Object.fromEntries(
        settingNames.filter((name) => name in merged).map((name) => [name, settings[name]]),
      );
      await this.records.write(key, explicit);
      return settings;
    });
  }
}
