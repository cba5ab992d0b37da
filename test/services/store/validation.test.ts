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

describe.each(corruptions)('a stored record with %s', (kind, corrupt) => {
  const stores = useStores();
  const quarantinedValue = (raw: unknown) => (kind === 'not JSON' ? '(unreadable)' : raw);

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
    const warnings = () =>
      lines.filter((line) => line.msg === 'stored record failed validation; moved to the quarantine');
    return { dir, store, good, bad, warnings, before };
  }

  test('is moved to the quarantine, logged once, and the guild carries on without it', async () => {
    const { dir, store, good, bad, warnings, before } = await storeWithCorruption((p) => keys.performance(p.id));
    expect(before).toBeDefined();

    expect(await store.performances.get(bad.id)).toBeUndefined();
    expect(await store.performances.listByGuild(GUILD_A)).toEqual([good]);
    expect(await store.performances.listUnfinished()).toEqual([good]);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatchObject({
      level: 40,
      key: keys.performance(bad.id),
      issues: expect.arrayContaining([expect.any(String)]),
    });

    const [quarantined] = await store.quarantine.list();
    expect(quarantined).toMatchObject({
      key: keys.performance(bad.id),
      issues: expect.arrayContaining([expect.any(String)]),
    });
    expect(quarantined?.value).toEqual(quarantinedValue({ brief: 7, status: 'lost', pace: 'fast' }));
    expect(await readRawText(dir, keys.performance(bad.id))).toBeUndefined();
    await expect(store.performances.update(bad.id, { status: 'done' })).rejects.toThrow(StoreError);
    // Its number is never given again.
    expect((await store.performances.create(newPerformance())).number).toBe(3);

    expect(await store.quarantine.clear()).toBe(1);
    expect(await store.quarantine.list()).toEqual([]);
  });

  test.each<[string, (p: { id: string }) => string, (store: Store, id: string) => Promise<unknown>, unknown]>([
    ['votes', (p) => keys.votes(p.id), (store, id) => store.votes.tally(id), { original: 0, censored: 0 }],
    [
      'settings',
      () => keys.settings(GUILD_A),
      (store) => store.guilds.get(GUILD_A),
      // A record that cannot be read may have said paused: the stage fails closed.
      guildSettingsSchema.parse({ paused: kind === 'not JSON' }),
    ],
  ])('in %s reads as empty, is quarantined, and can be written again', async (_kind, key, read, empty) => {
    const { dir, store, bad, warnings } = await storeWithCorruption(key);

    expect(await read(store, bad.id)).toEqual(empty);
    expect(warnings().map((line) => line.key)).toEqual([key(bad)]);
    expect((await store.quarantine.list()).map((record) => record.key)).toEqual([key(bad)]);

    if (key(bad).startsWith('votes')) {
      expect(await store.votes.cast(bad.id, 'member-2', 'censored')).toEqual({ original: 0, censored: 1 });
    } else {
      expect(await store.guilds.update(GUILD_A, { paused: false })).toMatchObject({ paused: false, pace: 1 });
    }
    expect(await readRawText(dir, key(bad))).toBeDefined();
    expect(warnings()).toHaveLength(1);
  });
});

describe('a corrupt index', () => {
  const stores = useStores();

  test.each([
    ['the last number', keys.lastNumber(GUILD_A)],
    ['the unfinished list', keys.unfinished(GUILD_A)],
    ['the guild list', keys.guilds()],
  ])('%s is rebuilt from the performances on record', async (_what, key) => {
    const dir = await stores.tempDir();
    const writer = await stores.open(sqliteUrl(dir));
    const created = [];
    for (let i = 0; i < 4; i++) created.push(await writer.performances.create(newPerformance()));
    await writer.performances.update(created[1]!.id, { status: 'done' });
    await stores.close(writer);
    await writeRawText(dir, key, '{"value": [');

    const store = await stores.open(sqliteUrl(dir));
    expect((await store.performances.listUnfinished()).map((p) => p.number)).toEqual([1, 3, 4]);
    expect((await store.performances.listByGuild(GUILD_A)).map((p) => p.number)).toEqual([1, 2, 3, 4]);
    expect((await store.performances.create(newPerformance())).number).toBe(5);
    expect((await store.quarantine.list()).map((record) => record.key)).toEqual([key]);
  });
});
