import { type RateLimitData, RESTEvents } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { click, finaleIn, GUILD, submitBrief, threadOf, untilStatus, useShows } from './harness.js';

const launch = useShows();

/**
 * Discord does not count interaction endpoints against a bot's global rate limit, and the bot's answers to members
 * must not queue behind each other as if it did: a crowd would wait seconds to be told its place.
 */
describe('answers to members are not held by the global rate limit', () => {
  test('with a global limit of 2 a second, six members are told their place and a vote is counted, none of it held', async () => {
    const show = await launch();
    await show.store.guilds.update(GUILD, { cooldownSeconds: 0 });
    const rest = show.bot.client.rest;
    rest.options.globalRequestsPerSecond = 2;
    rest.globalRemaining = 2;
    const held: RateLimitData[] = [];
    rest.on(RESTEvents.RateLimited, (info) => held.push(info));

    const members = Array.from({ length: 6 }, (_, i) => ({ id: `30000000000000010${i}`, username: `member${i}` }));
    const briefs = await Promise.all(members.map((user, i) => submitBrief(show, `a knight number ${i}`, { user })));
    for (const brief of briefs) expect(brief.original()?.content).toMatch(/^📨/);

    const thread = await threadOf(show);
    const finale = await finaleIn(show, thread.id);
    await untilStatus(show, 1, 'done');
    const voter = members[1]!;
    await click(show, { threadId: thread.id, messageId: finale.id, customId: `vote:${GUILD}-1:censored` }, voter);
    expect(await show.store.votes.tally(`${GUILD}-1`)).toMatchObject({ censored: 1 });

    // The limit was real: the acts' own calls (threads, posts, edits) waited for it.
    expect(held.some((info) => info.global)).toBe(true);
    // The answers to members did not.
    expect(held.filter((info) => info.route.startsWith('/webhooks/'))).toEqual([]);
  }, 30_000);
});
