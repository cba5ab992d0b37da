/**
 * The key layout, shared by every backend. Keyv prefixes each key with the namespace
 * (`compliance-theatre:performance:123-4` in SQLite's `keyv` table; Redis separates with `::`).
 *
 * - `performance:<id>`            one Performance; `id` is `<guildId>-<number>`
 * - `guild:<guildId>:last-number` the highest number assigned in the guild (never reused)
 * - `guild:<guildId>:unfinished`  ids that may be queued, performing or awaiting release (a superset: readers
 *                                 check each record's status, so an id left behind by a crash is harmless)
 * - `guilds`                      every guild that has had a performance
 * - `votes:<performanceId>`       member id to side
 * - `settings:<guildId>`          only the settings the guild set explicitly; defaults are applied on read, so a
 *                                 changed default reaches every guild that did not override it
 */
export const STORE_NAMESPACE = 'compliance-theatre';

export const keys = {
  performance: (id: string) => `performance:${id}`,
  lastNumber: (guildId: string) => `guild:${guildId}:last-number`,
  unfinished: (guildId: string) => `guild:${guildId}:unfinished`,
  guilds: () => 'guilds',
  votes: (performanceId: string) => `votes:${performanceId}`,
  settings: (guildId: string) => `settings:${guildId}`,
} as const;

/** Whether a key holds one guild's data (its performances, votes, numbering and settings; not the shared list). */
export function isGuildKey(key: string, guildId: string): boolean {
  return (
    key.startsWith(`performance:${guildId}-`) ||
    key.startsWith(`votes:${guildId}-`) ||
    key.startsWith(`guild:${guildId}:`) ||
    key === `settings:${guildId}`
  );
}
