import { describe, expect, test } from 'vitest';
import { keys, StoreError } from '../../../src/services/store/index.js';
import { type GuildSettings, guildSettingsSchema } from '../../../src/services/store/schemas.js';
import { GUILD_A, GUILD_B, plainKeyv, sqliteUrl, useStores } from './helpers.js';

const defaults = guildSettingsSchema.parse({});

describe('guild settings', () => {
  const stores = useStores();

  test('a guild with nothing stored gets the schema defaults', async () => {
    const store = await stores.open('memory:');
    expect(await store.guilds.get(GUILD_A)).toEqual(defaults);
    expect(defaults).toMatchObject({ pace: 1, cooldownSeconds: 30, reviewMode: false, paused: false });
  });

  test('updates merge and stay per guild', async () => {
    const store = await stores.open('memory:');
    await store.guilds.update(GUILD_A, { pace: 0.5, censorEngine: 'openai' });
    const updated = await store.guilds.update(GUILD_A, { reviewMode: true });

    expect(updated).toEqual({ ...defaults, pace: 0.5, censorEngine: 'openai', reviewMode: true });
    expect(await store.guilds.get(GUILD_A)).toEqual(updated);
    expect(await store.guilds.get(GUILD_B)).toEqual(defaults);
  });

  test('pace auto is kept as written', async () => {
    const store = await stores.open('memory:');
    await store.guilds.update(GUILD_A, { pace: 'auto' });
    expect((await store.guilds.get(GUILD_A)).pace).toBe('auto');
  });

  test.each([
    ['a pace above the maximum', { pace: 9 }],
    ['a pace that is neither a number nor auto', { pace: 'fast' as GuildSettings['pace'] }],
    ['a fractional cooldown', { cooldownSeconds: 1.5 }],
    ['an unknown engine', { imageEngine: 'dall-e-1' as GuildSettings['imageEngine'] }],
    ['a style over 300 characters', { style: 'x'.repeat(301) }],
    ['a lexicon entry without euphemisms', { lexicon: { add: [{ term: 'sword' }], remove: [] } as never }],
  ])('rejects %s and keeps what was stored', async (_case, patch) => {
    const store = await stores.open('memory:');
    const before = await store.guilds.update(GUILD_A, { pace: 2 });
    await expect(store.guilds.update(GUILD_A, patch)).rejects.toThrow(StoreError);
    expect(await store.guilds.get(GUILD_A)).toEqual(before);
  });

  test('a setting patched to undefined returns to its default', async () => {
    const store = await stores.open('memory:');
    await store.guilds.update(GUILD_A, { style: 'brutalist', pace: 3 });
    const updated = await store.guilds.update(GUILD_A, { style: undefined, pace: undefined });
    expect(updated).toEqual(defaults);
    expect(updated).not.toHaveProperty('style');
  });

  test('concurrent updates to one guild keep every field', async () => {
    const store = await stores.open('memory:');
    await Promise.all([
      store.guilds.update(GUILD_A, { pace: 0 }),
      store.guilds.update(GUILD_A, { paused: true }),
      store.guilds.update(GUILD_A, { modLogChannelId: '600000000000000006' }),
      store.guilds.update(GUILD_A, { maxQueuedPerUser: 5 }),
    ]);
    expect(await store.guilds.get(GUILD_A)).toEqual({
      ...defaults,
      pace: 0,
      paused: true,
      modLogChannelId: '600000000000000006',
      maxQueuedPerUser: 5,
    });
  });

  test('only the fields a guild set are stored, so changed defaults still reach it', async () => {
    const dir = await stores.tempDir();
    const store = await stores.open(sqliteUrl(dir));
    await store.guilds.update(GUILD_A, { paused: true, style: 'brutalist' });

    const raw = plainKeyv(dir);
    try {
      expect(await raw.get(keys.settings(GUILD_A))).toEqual({ paused: true, style: 'brutalist' });
    } finally {
      await raw.disconnect();
    }
  });
});
