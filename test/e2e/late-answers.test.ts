import { describe, expect, test } from 'vitest';
import type { RecordedRequest } from '../fakes/discord/rest-server.js';
import {
  appeal,
  click,
  finaleIn,
  GUILD,
  MANAGE_GUILD,
  MODERATOR,
  type Show,
  STAGE_CHANNEL,
  stuck,
  submitBrief,
  threadOf,
  untilStatus,
  useShows,
} from './harness.js';

/**
 * Discord doing what it was asked without the bot seeing the answer in time, and the bot coming back long after:
 * each step's message exists once.
 */
const launch = useShows();

const isFinale = (m: { components: unknown }) => JSON.stringify(m.components).includes('vote:');
// The review message opens with the brief, above the frames it is edited through.
const isReview = (m: { versions: { content: string }[] }) => m.versions[0]?.content.startsWith('📨') ?? false;
const messagesIn = (show: Show, threadId: string, which: (m: never) => boolean) =>
  show.fake.messagesIn(threadId).filter(which as (m: unknown) => boolean);

describe('late answers and late restarts', () => {
  test('a finale Discord posts but answers late is sent again by discord.js: its nonce gives back the one finale', async () => {
    const show = await launch({ restTimeoutMs: 1_000 });
    const finalePost = (r: RecordedRequest) =>
      r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.files.length > 0;
    // Longer than discord.js waits for an answer: it gives up on the request and sends it again.
    show.fake.answerLate(finalePost, 3_000);
    await submitBrief(show, 'a knight with a sword');
    const thread = await threadOf(show);
    await untilStatus(show, 1, 'done');

    const finales = messagesIn(show, thread.id, isFinale);
    expect(finales).toHaveLength(1);
    expect((await show.store.performances.get(`${GUILD}-1`))?.finalMessageId).toBe((finales[0] as { id: string }).id);
    // It was sent more than once, always with the same nonce, which Discord enforces.
    const posts = show.fake.requests.filter(finalePost);
    expect(posts.length).toBeGreaterThanOrEqual(2);
    const bodies = posts.map((r) => r.body as { nonce?: string; enforce_nonce?: boolean });
    expect(new Set(bodies.map((body) => body.nonce)).size).toBe(1);
    expect(bodies.every((body) => body.enforce_nonce)).toBe(true);
  }, 30_000);

  test('the review message is saved at its first post: a restart after the nonce window edits it, posts no second', async () => {
    const show = await launch({ sleep: stuck });
    await submitBrief(show, 'a bloody knife on a kitchen table');
    const thread = await threadOf(show);
    const review = await show.fake.waitFor(() => messagesIn(show, thread.id, isReview)[0], {
      description: 'the review message',
    });
    // Saved before the first frame's pause is over: a crash from here on cannot lose it.
    await show.fake.waitFor(async () => (await show.store.performances.get(`${GUILD}-1`))?.reviewMessageId, {
      description: 'the review message id in the store',
    });
    expect((await show.store.performances.get(`${GUILD}-1`))?.reviewMessageId).toBe(review.id);
    expect(review.versions).toHaveLength(1);

    // The bot comes back after Discord has forgotten the nonces.
    show.fake.forgetNonces();
    await show.restart();
    await finaleIn(show, thread.id);
    await untilStatus(show, 1, 'done');

    expect(show.fake.threads(STAGE_CHANNEL)).toHaveLength(1);
    const reviews = messagesIn(show, thread.id, isReview);
    expect(reviews.map((m) => (m as { id: string }).id)).toEqual([review.id]);
    // Every frame was played again on the saved message.
    expect(review.versions.length).toBeGreaterThan(2);
    expect(messagesIn(show, thread.id, isFinale)).toHaveLength(1);
  }, 30_000);

  test('an appeal heard at once plays its reconsideration in a message of its own, not over the act’s frames', async () => {
    const show = await launch();
    await submitBrief(show, 'a protest march with a sword');
    const thread = await threadOf(show);
    const finale = await finaleIn(show, thread.id);
    await untilStatus(show, 1, 'done');
    const [review] = messagesIn(show, thread.id, isReview) as { id: string; versions: unknown[] }[];
    const played = review?.versions.length;

    await appeal(
      show,
      { threadId: thread.id, messageId: finale.id, performanceId: `${GUILD}-1` },
      { grounds: 'A protest is a civic right.' },
    );
    await show.fake.waitFor(
      async () => (await show.store.performances.get(`${GUILD}-1`))?.appeal?.outcome === 'overturned',
      {
        timeoutMs: 10_000,
        description: 'the appeal heard',
      },
    );
    expect(show.fake.message(review?.id ?? '')?.versions).toHaveLength(played ?? 0);
    expect(messagesIn(show, thread.id, isReview)).toHaveLength(2);
  }, 30_000);

  test('a hearing cut off by a restart is heard after it, once, with the grounds the author gave', async () => {
    // Acts play at once; the hearing's frames are held, so the restart lands in the middle of it.
    let hold = false;
    const show = await launch({ sleep: (ms, signal) => (hold ? stuck(ms, signal) : Promise.resolve()) });
    await submitBrief(show, 'a protest march with a sword');
    const thread = await threadOf(show);
    const finale = await finaleIn(show, thread.id);
    await untilStatus(show, 1, 'done');
    hold = true;
    const target = { threadId: thread.id, messageId: finale.id, performanceId: `${GUILD}-1` };
    const grounds = 'A protest is a civic right.';
    void appeal(show, target, { grounds }).catch(() => {});
    await show.fake.waitFor(() => messagesIn(show, thread.id, isReview).length === 2, {
      description: 'the hearing on stage',
    });

    await show.restart();
    const verdicts = () =>
      show.fake
        .messagesIn(thread.id)
        .filter((m) => m.versions.some((v) => v.embeds[0]?.title?.startsWith('⚖️ APPEAL GRANTED')));
    await show.fake.waitFor(() => verdicts().length > 0, { timeoutMs: 10_000, description: 'the verdict' });
    await show.fake.waitFor(
      async () => (await show.store.performances.get(`${GUILD}-1`))?.appeal?.outcome === 'overturned',
      { timeoutMs: 10_000, description: 'the appeal heard' },
    );
    const heard = await show.store.performances.get(`${GUILD}-1`);
    // Heard with the author's grounds, as the censor passed them.
    expect(heard?.appeal?.grounds).toMatch(/is a civic right\.$/);
    expect(heard?.appeal?.grounds).not.toContain('protest');
    // The typed grounds are kept only until the hearing.
    expect(heard?.appeal?.submitted).toBeUndefined();
    expect(verdicts()).toHaveLength(1);
    expect(JSON.stringify(verdicts()[0]?.embeds)).toContain('is a civic right.');
    const cuts = show.fake
      .messagesIn(thread.id)
      .filter((m) => JSON.stringify(m.components).includes('vote:') && m.id !== finale.id);
    expect(cuts).toHaveLength(1);
  }, 30_000);

  test('a restart puts the release desk up again only where it is missing', async () => {
    const show = await launch();
    await show.store.guilds.update(GUILD, { reviewMode: true });
    await submitBrief(show, 'a quiet harbour at dawn');
    const thread = await threadOf(show);
    await untilStatus(show, 1, 'awaiting-release');
    const desks = () =>
      show.fake.messagesIn(thread.id).filter((m) => JSON.stringify(m.components).includes('release:'));
    await show.fake.waitFor(() => desks().length === 1, { description: 'the desk' });

    // Long after (the nonce forgotten), the desk still in the thread: it stands, no second one.
    show.fake.forgetNonces();
    const before = show.fake.requests.length;
    await show.restart();
    // The restart looked for the desk in the thread, and was done with it.
    await show.fake.waitFor(() =>
      show.fake.requests
        .slice(before)
        .some((r) => r.method === 'GET' && r.path === `/channels/${thread.id}/messages` && r.status === 200),
    );
    await show.bot.lanes.idle();
    expect(desks()).toHaveLength(1);

    // The desk gone, as after a crash between recording the wait and posting it: put up again.
    const channel = await show.bot.client.channels.fetch(thread.id);
    if (!channel?.isThread()) throw new Error('no thread');
    await (await channel.messages.fetch(desks()[0]?.id ?? '')).delete();
    await show.restart();
    const desk = await show.fake.waitFor(() => desks()[0], { description: 'the desk put up again' });
    expect(desks()).toHaveLength(1);
    await click(
      show,
      { threadId: thread.id, messageId: desk.id, customId: `release:${GUILD}-1` },
      MODERATOR,
      MANAGE_GUILD,
    );
    await finaleIn(show, thread.id);
    await untilStatus(show, 1, 'done');
  }, 30_000);
});
