import { describe, expect, test } from 'vitest';
import { openStore, type PerformanceStatus, StoreError } from '../../../src/services/store/index.js';
import { capturingLogger, GUILD_A, GUILD_B, newPerformance, sqliteUrl, useStores } from './helpers.js';

const backends = [
  ['memory', async () => 'memory:'],
  ['sqlite', async (tempDir: () => Promise<string>) => sqliteUrl(await tempDir())],
] as const;

describe.each(backends)('performances on %s', (_name, url) => {
  const stores = useStores();
  const openStore = async () => stores.open(await url(stores.tempDir));

  test('create assigns id, number and timestamps, and get returns the same record', async () => {
    const store = await openStore();
    const input = newPerformance();
    const created = await store.performances.create(input);

    expect(created).toEqual({
      ...input,
      id: `${GUILD_A}-1`,
      number: 1,
      createdAt: '2025-03-01T12:00:01.000Z',
      updatedAt: '2025-03-01T12:00:01.000Z',
    });
    expect(created.id.length).toBeLessThanOrEqual(40);
    expect(await store.performances.get(created.id)).toEqual(created);
    expect(await store.performances.get('no-such-id')).toBeUndefined();
  });

  test('numbers run 1..N per guild under 20 concurrent creates', async () => {
    const store = await openStore();
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.performances.create(newPerformance({ guildId: i % 2 ? GUILD_A : GUILD_B })),
      ),
    );
    const numbersOf = (guildId: string) =>
      created
        .filter((p) => p.guildId === guildId)
        .map((p) => p.number)
        .sort((a, b) => a - b);

    expect(numbersOf(GUILD_A)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(numbersOf(GUILD_B)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(created.map((p) => p.id)).size).toBe(20);
    expect((await store.performances.listByGuild(GUILD_A)).map((p) => p.number)).toEqual(numbersOf(GUILD_A));
  });

  test.each([
    ['an invalid status', { status: 'rehearsing' as PerformanceStatus }, /invalid performance/],
    ['an empty author', { authorId: '' }, /invalid performance/],
    ['a guild id that cannot be part of an id', { guildId: 'guild one' }, /invalid guild id/],
    ['an over-long guild id', { guildId: 'g'.repeat(29) }, /invalid guild id/],
  ])('create rejects %s without using up a number', async (_case, overrides, message) => {
    const store = await openStore();
    await expect(store.performances.create(newPerformance(overrides))).rejects.toThrow(message);
    expect((await store.performances.create(newPerformance())).number).toBe(1);
  });

  test('update merges, bumps updatedAt and keeps identity fields', async () => {
    const store = await openStore();
    const created = await store.performances.create(newPerformance());
    const updated = await store.performances.update(created.id, {
      status: 'performing',
      threadId: '500000000000000005',
      // A caller cannot move a performance: identity fields in a patch are ignored.
      ...({ id: 'other', number: 99, guildId: GUILD_B } as object),
    });

    expect(updated).toEqual({
      ...created,
      status: 'performing',
      threadId: '500000000000000005',
      updatedAt: '2025-03-01T12:00:02.000Z',
    });
    expect(await store.performances.get(created.id)).toEqual(updated);
  });

  test('a field patched to undefined is cleared', async () => {
    const store = await openStore();
    const created = await store.performances.create(newPerformance({ note: 'the censor is on a break' }));
    const updated = await store.performances.update(created.id, { note: undefined });
    expect(updated).not.toHaveProperty('note');
    expect(await store.performances.get(created.id)).not.toHaveProperty('note');
  });

  test.each([
    ['an unknown status', { status: 'rehearsing' as PerformanceStatus }],
    ['a non-string brief', { brief: 42 as unknown as string }],
    ['a malformed censor result', { result: { verdict: 'maybe' } as never }],
  ])('update rejects %s and leaves the record unchanged', async (_case, patch) => {
    const store = await openStore();
    const created = await store.performances.create(newPerformance());
    await expect(store.performances.update(created.id, patch)).rejects.toThrow(StoreError);
    expect(await store.performances.get(created.id)).toEqual(created);
  });

  test('update of a missing performance is a StoreError', async () => {
    const store = await openStore();
    await expect(store.performances.update(`${GUILD_A}-7`, { status: 'done' })).rejects.toThrow(
      new StoreError(`store: no performance "${GUILD_A}-7" to update`),
    );
  });

  test('concurrent updates to one performance keep every field', async () => {
    const store = await openStore();
    const created = await store.performances.create(newPerformance());
    await Promise.all([
      store.performances.update(created.id, { threadId: 't' }),
      store.performances.update(created.id, { reviewMessageId: 'r' }),
      store.performances.update(created.id, { finalMessageId: 'f' }),
      store.performances.update(created.id, { prompt: 'p' }),
      store.performances.update(created.id, { status: 'done' }),
    ]);
    expect(await store.performances.get(created.id)).toMatchObject({
      threadId: 't',
      reviewMessageId: 'r',
      finalMessageId: 'f',
      prompt: 'p',
      status: 'done',
    });
  });

  test.each([
    ['everything', {}, [1, 2, 3, 4, 5]],
    ['unfinished statuses (served by the index)', { statuses: ['queued', 'performing'] }, [2, 4, 5]],
    ['finished statuses (served by a scan)', { statuses: ['done', 'blocked'] }, [1, 3]],
    ['a mix', { statuses: ['queued', 'done'] }, [1, 4, 5]],
    ['a limit', { limit: 2 }, [1, 2]],
    ['a status and a limit', { statuses: ['queued'], limit: 1 }, [4]],
    ['a zero limit', { limit: 0 }, []],
    ['a status nobody has', { statuses: ['vetoed'] }, []],
  ] as const)('listByGuild with %s, by number ascending', async (_case, options, numbers) => {
    const store = await openStore();
    const statuses: PerformanceStatus[] = ['done', 'performing', 'blocked', 'queued', 'queued'];
    for (const status of statuses) await store.performances.create(newPerformance({ status }));
    await store.performances.create(newPerformance({ guildId: GUILD_B }));

    const listed = await store.performances.listByGuild(GUILD_A, { ...options });
    expect(listed.map((p) => p.number)).toEqual(numbers);
    expect(listed.every((p) => p.guildId === GUILD_A)).toBe(true);
  });

  test('listByGuild rejects a negative or fractional limit', async () => {
    const store = await openStore();
    await expect(store.performances.listByGuild(GUILD_A, { limit: -1 })).rejects.toThrow(StoreError);
    await expect(store.performances.listByGuild(GUILD_A, { limit: 1.5 })).rejects.toThrow(StoreError);
  });

  test('listUnfinished spans guilds, oldest first, and follows status changes', async () => {
    const store = await openStore();
    const a1 = await store.performances.create(newPerformance({ guildId: GUILD_A }));
    const b1 = await store.performances.create(newPerformance({ guildId: GUILD_B, status: 'awaiting-release' }));
    const a2 = await store.performances.create(newPerformance({ guildId: GUILD_A, status: 'done' }));
    const b2 = await store.performances.create(newPerformance({ guildId: GUILD_B, status: 'performing' }));
    expect((await store.performances.listUnfinished()).map((p) => p.id)).toEqual([a1.id, b1.id, b2.id]);

    await store.performances.update(b1.id, { status: 'vetoed' });
    await store.performances.update(a2.id, { status: 'queued' });
    await store.performances.update(a1.id, { status: 'performing' });
    expect((await store.performances.listUnfinished()).map((p) => [p.id, p.status])).toEqual([
      [a1.id, 'performing'],
      [a2.id, 'queued'],
      [b2.id, 'performing'],
    ]);
  });

  test('listUnfinished is empty on a new store', async () => {
    const store = await openStore();
    expect(await store.performances.listUnfinished()).toEqual([]);
  });
});

describe('performances on a reopened SQLite file', () => {
  const stores = useStores();

  test('numbering continues after reopen and unfinished acts are found again', async () => {
    const dir = await stores.tempDir();
    const first = await stores.open(sqliteUrl(dir));
    await Promise.all(Array.from({ length: 20 }, () => first.performances.create(newPerformance())));
    await first.performances.update(`${GUILD_A}-3`, { status: 'done' });
    await stores.close(first);

    const second = await stores.open(sqliteUrl(dir));
    const next = await second.performances.create(newPerformance());
    expect(next.number).toBe(21);
    const numbers = (await second.performances.listByGuild(GUILD_A)).map((p) => p.number);
    expect(numbers).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    const unfinished = (await second.performances.listUnfinished()).map((p) => p.number);
    expect(unfinished).toHaveLength(20);
    expect(unfinished).not.toContain(3);
  });
});

describe('a shard’s store', () => {
  const stores = useStores();

  test('lists only its own guilds’ unfinished performances (the others are resumed by their shards)', async () => {
    const dir = await stores.tempDir();
    const store = await stores.open(sqliteUrl(dir));
    await store.performances.create(newPerformance({ guildId: GUILD_A }));
    await store.performances.create(newPerformance({ guildId: GUILD_B }));
    await stores.close(store);
    const shard = await openStore(sqliteUrl(dir), capturingLogger().log, { ownsGuild: (id) => id === GUILD_B });
    try {
      expect((await shard.performances.listUnfinished()).map((p) => p.guildId)).toEqual([GUILD_B]);
    } finally {
      await shard.close();
    }
  });
});
