import { expect, test } from 'vitest';
import { finaleIn, GUILD, submitBrief, threadOf, untilStatus, useShows } from './harness.js';

const launch = useShows();

/** The brief issue 11 counted an act's calls with: four changes (three redlines, a blackout). */
const KNIGHT = 'a knight with a bloody sword in a burning village, damn it';

test('one act at the default pace costs at most 12 REST calls, every strike and replacement an edit of its own', async () => {
  const show = await launch();
  expect((await show.store.guilds.get(GUILD)).pace).toBe(1);
  const mark = show.fake.requests.length;
  await submitBrief(show, KNIGHT);
  const thread = await threadOf(show);
  const finale = await finaleIn(show, thread.id);
  await untilStatus(show, 1, 'done');

  // As bench/discord.ts counts them: every request from the /brief on but the interaction callbacks.
  const calls = show.fake.requests.slice(mark).filter((r) => !r.path.includes('/interactions/'));
  const routes = calls.map((r) => `${r.method} ${r.route}`);
  expect(calls.length, routes.join('\n')).toBeLessThanOrEqual(12);

  const performance = await show.store.performances.get(`${GUILD}-1`);
  const changes = performance?.result?.changes.length ?? 0;
  expect(changes).toBe(4);
  const [review] = show.fake.messagesIn(thread.id);
  // The post (the brief above the scanning frame), then a strike and a replacement per change, in that order.
  const badges = review?.versions.map((v) => v.embeds[0]?.title?.split(' ')[1]);
  expect(badges).toEqual(['SCANNING', ...Array(changes).fill(['REDLINE', 'AMENDING']).flat()]);
  expect(performance?.reviewMessageId).toBe(review?.id);
  expect(performance?.finalMessageId).toBe(finale.id);
  // A first attempt has nothing left behind by a crash to look for: no reads, only what the audience sees.
  expect(routes.filter((r) => r.startsWith('GET'))).toEqual([]);
});
