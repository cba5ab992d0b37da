import KeyvSqlite from '@keyv/sqlite';
import { describe, expect, test } from 'vitest';
import { keys, STORE_NAMESPACE, type Store, StoreError } from '../../../src/services/store/index.js';
import { guildSettingsSchema } from '../../../src/services/store/schemas.js';
import { capturingLogger, GUILD_A, newPerformance, plainKeyv, sqliteUrl, useStores } from './helpers.js';

/** How a record can go bad: valid JSON of the wrong shape (an old or buggy writer), or not JSON at all. */
const corruptions = [
  [
    'the wrong shape',
    async (dir: string, key: string) => writeThroughKeyv(dir, key, { brief: 7, status: 'lost', pace: 'fast' }),
  ],
  ['not JSON', async (dir: string, key: string) => writeRawText(dir, key, '{"value": {"brief": ')],
] as const;

async function writeThroughKeyv(dir: string, key: string, value: unknown): Promise<void> {
  const keyv = plainKeyv(dir);
  await keyv.set(key, value);
  await keyv.disconnect();
}

async function writeRawText(dir: string, key: string, text: string): Promise<void> {
  const adapter = new KeyvSqlite({ uri: sqliteUrl(dir) });
  await adapter.set(`${STORE_NAMESPACE}:${key}`, text);
  await adapter.disconnect();
}

async function readRawText(dir: string, key: string): Promise<unknown> {
  const adapter = new KeyvSqlite({ uri: sqliteUrl(dir) });
  try {
    return await adapter.get(`${STORE_NAMESPACE}:${key}`);
  } finally {
    await adapter.disconnect();
  }
}

describe.each(corruptions)('a stored record with %s', (_case, corrupt) => {
  const stores = useStores();

  async function storeWithCorruption(key: (created: { id: string }) => string) {
    const dir = await stores.tempDir();
    const writer = await stores.open(sqliteUrl(dir));
    const good = await writer.performances.create(newPerformance());
    const bad = await writer.performances.create(newPerformance());
    await writer.votes.cast(bad.id, 'member-1', 'original');
    await writer.guilds.update(GUILD_A, { pace: 2 });
    await stores.close(writer);
    await corrupt(dir, key(bad));
    const before = await readRawText(dir, key(bad));

    const { log, lines } = capturingLogger();
    const store = await stores.open(sqliteUrl(dir), log);
    const warnings = () => lines.filter((line) => line.msg === 'stored record failed validation');
    return { dir, store, good, bad, warnings, before };
  }

  test('is skipped by get and lists with a warning, and kept as it was', async () => {
    const { dir, store, good, bad, warnings, before } = await storeWithCorruption((p) => keys.performance(p.id));

    expect(await store.performances.get(bad.id)).toBeUndefined();
    expect(await store.performances.listByGuild(GUILD_A)).toEqual([good]);
    expect(await store.performances.listUnfinished()).toEqual([good]);
    expect(warnings()[0]).toMatchObject({
      level: 40,
      key: keys.performance(bad.id),
      issues: expect.arrayContaining([expect.objectContaining({ message: expect.any(String) })]),
    });

    await expect(store.performances.update(bad.id, { status: 'done' })).rejects.toThrow(StoreError);
    await expect(store.performances.update(bad.id, { status: 'done' })).rejects.toThrow(/fails validation/);
    expect(await readRawText(dir, keys.performance(bad.id))).toBe(before);
  });

  test.each<[string, (p: { id: string }) => string, (store: Store, id: string) => Promise<unknown>, unknown]>([
    ['votes', (p) => keys.votes(p.id), (store, id) => store.votes.tally(id), { original: 0, censored: 0 }],
    ['settings', () => keys.settings(GUILD_A), (store) => store.guilds.get(GUILD_A), guildSettingsSchema.parse({})],
  ])('in %s reads as empty with a warning and refuses to be overwritten', async (_kind, key, read, empty) => {
    const { dir, store, bad, warnings, before } = await storeWithCorruption(key);

    expect(await read(store, bad.id)).toEqual(empty);
    expect(warnings().map((line) => line.key)).toEqual([key(bad)]);

    const write = key(bad).startsWith('votes')
      ? store.votes.cast(bad.id, 'member-2', 'censored')
      : store.guilds.update(GUILD_A, { paused: true });
    await expect(write).rejects.toThrow(StoreError);
    expect(await readRawText(dir, key(bad))).toBe(before);
  });
});
