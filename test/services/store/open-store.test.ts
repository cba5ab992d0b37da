import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseStoreUrl, StoreError } from '../../../src/services/store/index.js';
import { GUILD_A, newPerformance, sqliteUrl, useStores } from './helpers.js';

describe('parseStoreUrl', () => {
  test.each([
    ['memory:', { backend: 'memory' }],
    ['sqlite://data/stage.sqlite', { backend: 'sqlite', path: '/srv/bot/data/stage.sqlite' }],
    ['sqlite://./stage.sqlite', { backend: 'sqlite', path: '/srv/bot/stage.sqlite' }],
    ['sqlite:///var/lib/stage.sqlite', { backend: 'sqlite', path: '/var/lib/stage.sqlite' }],
    ['redis://localhost:6379', { backend: 'redis', url: 'redis://localhost:6379' }],
    ['rediss://user:pw@cache:6380/1', { backend: 'redis', url: 'rediss://user:pw@cache:6380/1' }],
    ['postgres://user:pw@db/stage', { backend: 'postgres', url: 'postgres://user:pw@db/stage' }],
    ['postgresql://db:5433/stage', { backend: 'postgres', url: 'postgresql://db:5433/stage' }],
  ])('%s', (url, target) => {
    expect(parseStoreUrl(url, '/srv/bot')).toEqual(target);
  });

  test.each([
    ['mysql://user:secret@db/stage', 'mysql:'],
    ['mongodb://secret@host', 'mongodb:'],
    ['data/stage.sqlite', '(none)'],
    ['', '(none)'],
  ])('%j is an unknown scheme, named without the rest of the URL', (url, scheme) => {
    const attempt = () => parseStoreUrl(url);
    expect(attempt).toThrow(StoreError);
    expect(attempt).toThrow(`unknown STORE_URL scheme "${scheme}"`);
    expect(attempt).not.toThrow(/secret/);
  });

  test('sqlite:// without a path is refused', () => {
    expect(() => parseStoreUrl('sqlite://')).toThrow(/needs a file path/);
  });
});

describe('openStore', () => {
  const stores = useStores();

  test('memory: round-trips without touching the disk', async () => {
    const store = await stores.open('memory:');
    const created = await store.performances.create(newPerformance());
    await store.votes.cast(created.id, 'member-1', 'original');
    await store.guilds.update(GUILD_A, { paused: true });

    expect(await store.performances.get(created.id)).toEqual(created);
    expect(await store.votes.tally(created.id)).toEqual({ original: 1, censored: 0 });
    expect((await store.guilds.get(GUILD_A)).paused).toBe(true);
  });

  test('creates the parent folders of a SQLite file', async () => {
    const dir = await stores.tempDir();
    await stores.open(`sqlite://${join(dir, 'nested', 'deeper', 'stage.sqlite')}`);
    expect((await stat(join(dir, 'nested', 'deeper', 'stage.sqlite'))).isFile()).toBe(true);
  });

  test('an unknown scheme is a clear StoreError', async () => {
    await expect(stores.open('mysql://localhost/stage')).rejects.toThrow(
      new StoreError(
        'store: unknown STORE_URL scheme "mysql:"; use sqlite://path/to/file.sqlite, memory:, redis://host:port or postgres://user@host/db',
      ),
    );
  });

  test('a SQLite path that is a directory fails at open, naming the path', async () => {
    const dir = await stores.tempDir();
    const folder = join(dir, 'a-folder.sqlite');
    await mkdir(folder);
    const opening = stores.open(`sqlite://${folder}`);
    await expect(opening).rejects.toThrow(StoreError);
    await expect(opening).rejects.toThrow(`store: cannot open SQLite file ${folder}: SQLITE_CANTOPEN`);
  });

  test('a SQLite path under a regular file fails at open, naming the folder problem', async () => {
    const dir = await stores.tempDir();
    await writeFile(join(dir, 'not-a-folder'), 'x');
    await expect(stores.open(`sqlite://${join(dir, 'not-a-folder', 'stage.sqlite')}`)).rejects.toThrow(
      /^store: cannot create the folder for SQLite file .*not-a-folder\/stage\.sqlite/,
    );
  });

  test('everything persists across close and reopen of the same file', async () => {
    const dir = await stores.tempDir();
    const first = await stores.open(sqliteUrl(dir));
    const created = await first.performances.create(newPerformance());
    const updated = await first.performances.update(created.id, { status: 'performing', threadId: '5' });
    await first.votes.cast(created.id, 'member-1', 'censored');
    const settings = await first.guilds.update(GUILD_A, { pace: 2, reviewMode: true });
    await stores.close(first);

    const second = await stores.open(sqliteUrl(dir));
    expect(await second.performances.get(created.id)).toEqual(updated);
    expect(await second.performances.listUnfinished()).toEqual([updated]);
    expect(await second.votes.votes(created.id)).toEqual({ 'member-1': 'censored' });
    expect(await second.guilds.get(GUILD_A)).toEqual(settings);
  });

  test('close waits for writes already submitted', async () => {
    const dir = await stores.tempDir();
    const first = await stores.open(sqliteUrl(dir));
    const creating = Array.from({ length: 10 }, () => first.performances.create(newPerformance()));
    await stores.close(first);
    await Promise.all(creating);

    const second = await stores.open(sqliteUrl(dir));
    expect((await second.performances.listByGuild(GUILD_A)).map((p) => p.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  test('a closed store refuses further use', async () => {
    const store = await stores.open('memory:');
    await stores.close(store);
    await expect(store.performances.get('x-1')).rejects.toThrow(new StoreError('store: used after close()'));
    await expect(store.votes.cast('x-1', 'member-1', 'original')).rejects.toThrow(StoreError);
  });
});
