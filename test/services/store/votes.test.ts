import { describe, expect, test } from 'vitest';
import { StoreError, type VoteSide } from '../../../src/services/store/index.js';
import { sqliteUrl, useStores } from './helpers.js';

describe.each([
  ['memory', async () => 'memory:'],
  ['sqlite', async (tempDir: () => Promise<string>) => sqliteUrl(await tempDir())],
] as const)('votes on %s', (_name, url) => {
  const stores = useStores();
  const openStore = async () => stores.open(await url(stores.tempDir));
  const performanceId = '100000000000000001-1';

  test('nobody has voted yet', async () => {
    const store = await openStore();
    expect(await store.votes.tally(performanceId)).toEqual({ original: 0, censored: 0 });
    expect(await store.votes.votes(performanceId)).toEqual({});
  });

  test('50 members voting at once are all counted', async () => {
    const store = await openStore();
    const sideOf = (i: number): VoteSide => (i % 5 === 0 ? 'original' : 'censored');
    const tallies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.votes.cast(performanceId, `member-${i}`, sideOf(i))),
    );

    expect(await store.votes.tally(performanceId)).toEqual({ original: 10, censored: 40 });
    expect(Object.keys(await store.votes.votes(performanceId))).toHaveLength(50);
    // Each cast returns the tally as of its own write; the last one queued sees everyone.
    expect(tallies.at(-1)).toEqual({ original: 10, censored: 40 });
  });

  test.each([
    ['changes sides', ['original', 'censored'], { original: 0, censored: 1 }],
    ['votes the same way twice', ['original', 'original'], { original: 1, censored: 0 }],
    ['changes back', ['censored', 'original', 'censored', 'original'], { original: 1, censored: 0 }],
  ] as const)('a member who %s holds one vote', async (_case, sides, tally) => {
    const store = await openStore();
    await store.votes.cast(performanceId, 'bystander', 'censored');
    for (const side of sides) await store.votes.cast(performanceId, 'member-1', side);
    expect(await store.votes.tally(performanceId)).toEqual({
      original: tally.original,
      censored: tally.censored + 1,
    });
    expect((await store.votes.votes(performanceId))['member-1']).toBe(sides.at(-1));
  });

  test('votes on one performance do not count for another', async () => {
    const store = await openStore();
    await store.votes.cast(performanceId, 'member-1', 'original');
    expect(await store.votes.tally('100000000000000001-2')).toEqual({ original: 0, censored: 0 });
  });

  test.each([
    ['an unknown side', performanceId, 'member-1', 'abstain'],
    ['an empty member id', performanceId, '', 'original'],
    ['an empty performance id', '', 'member-1', 'original'],
  ])('cast rejects %s', async (_case, id, userId, side) => {
    const store = await openStore();
    await expect(store.votes.cast(id, userId, side as VoteSide)).rejects.toThrow(StoreError);
    expect(await store.votes.votes(performanceId)).toEqual({});
  });
});
