import { keys } from './keys.js';
import { type Records, validateForWrite, withoutUndefined } from './records.js';
import { type GuildSettings, guildSettingsSchema } from './schemas.js';

const settingNames = Object.keys(guildSettingsSchema.shape) as (keyof GuildSettings)[];

/**
 * Per-guild settings. Only the fields a guild set are stored; schema defaults are applied on read, so a default
 * changed in code reaches every guild that never overrode it. Updates are serialised per guild (see KeyedMutex).
 */
export class GuildSettingsRepository {
  /** Each guild's voice as last read or written, for a line when the store itself cannot answer. */
  readonly #voices = new Map<string, GuildSettings['voice']>();

  constructor(private readonly records: Records) {}

  /** The guild's voice as this process last saw it, without asking the store (which may be what failed). */
  lastKnownVoice(guildId: string): GuildSettings['voice'] | undefined {
    return this.#voices.get(guildId);
  }

  /**
   * The guild's settings; the schema defaults when nothing is stored. A stored record that fails validation is
   * moved to the quarantine and the defaults apply — except that the stage fails closed: a record that said
   * paused, or that cannot be read at all, leaves the stage paused until a moderator resumes it.
   */
  async get(guildId: string): Promise<GuildSettings> {
    const reading = await this.records.read(keys.settings(guildId), guildSettingsSchema);
    if (reading.state === 'valid') {
      this.#voices.set(guildId, reading.value.voice);
      return reading.value;
    }
    const defaults = guildSettingsSchema.parse({});
    if (reading.state === 'missing') return defaults;
    // Only the settings a guild set are stored: no `paused` means it was not paused; an unreadable record may have been.
    const raw = reading.raw;
    const paused = typeof raw !== 'object' || raw === null || ('paused' in raw && raw.paused !== false);
    if (paused) await this.update(guildId, { paused: true });
    return { ...defaults, paused };
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
      this.#voices.set(guildId, settings.voice);
      return settings;
    });
  }
}
