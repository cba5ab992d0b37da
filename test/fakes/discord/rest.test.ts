import {
  ChannelType,
  type Client,
  DiscordAPIError,
  REST,
  RESTEvents,
  Routes,
  type TextChannel,
  ThreadAutoArchiveDuration,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient } from './client.js';
import type { FakeDiscord, FakeDiscordOptions } from './fake-discord.js';
import { GUILD_ID, STAGE_ID, startFake, tearDown } from './test-fixtures.js';

describe('FakeDiscord REST with the real discord.js Client', () => {
  let fake: FakeDiscord | undefined;
  let client: Client | undefined;

  afterEach(async () => {
    await tearDown(client, fake);
    client = undefined;
    fake = undefined;
  });

  async function connect(options: Partial<FakeDiscordOptions> = {}) {
    const server = await startFake(options);
    fake = server;
    const bot = await connectClient(server);
    client = bot;
    return { fake: server, client: bot, stage: bot.channels.cache.get(STAGE_ID) as TextChannel };
  }

  it('creates a public thread, posts in it and archives and locks it', async () => {
    const { fake, stage } = await connect();

    const thread = await stage.threads.create({
      name: 'Act 1',
      autoArchiveDuration: ThreadAutoArchiveDuration.OneHour,
    });
    await thread.join();
    const review = await thread.send('The censor reviews your brief…');
    await thread.setLocked(true);
    await thread.setArchived(true);

    const created = fake.requests.find((r) => r.route === 'POST /channels/{channel_id}/threads');
    expect(created?.body).toEqual({ name: 'Act 1', auto_archive_duration: 60, type: ChannelType.PublicThread });
    expect(fake.threads(STAGE_ID).map((t) => t.id)).toEqual([thread.id]);
    expect(fake.channel(thread.id)).toMatchObject({
      type: ChannelType.PublicThread,
      parent_id: STAGE_ID,
      message_count: 1,
      thread_metadata: { archived: true, locked: true, auto_archive_duration: 60 },
    });
    expect(fake.messagesIn(thread.id).map((m) => m.content)).toEqual([review.content]);
    await expect(thread.send('too late')).rejects.toMatchObject({ code: 50083 });
  });

  it('starts a thread from a message: the thread takes the message id', async () => {
    const { fake, stage } = await connect();
    const post = await stage.send('Performance #1');

    const thread = await post.startThread({ name: 'Performance #1' });

    expect(thread.id).toBe(post.id);
    expect(fake.message(post.id)?.toAPI().thread?.id).toBe(post.id);
  });

  it('throttles message edits per channel; discord.js waits and every edit lands', async () => {
    const { fake, client, stage } = await connect({ editLimit: { count: 5, windowMs: 1000 } });
    const waits: number[] = [];
    client.rest.on(RESTEvents.RateLimited, (info) => waits.push(info.timeToReset));
    const thread = await stage.threads.create({ name: 'Act 2' });
    const review = await thread.send('frame 0');

    const started = Date.now();
    for (let frame = 1; frame <= 8; frame++) await review.edit(`frame ${frame}`);

    const stored = fake.message(review.id);
    expect(stored?.versions.map((v) => v.content)).toEqual(Array.from({ length: 9 }, (_, i) => `frame ${i}`));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    // discord.js read the headers and waited before the 6th edit, so it never provoked a 429.
    expect(waits.length).toBeGreaterThan(0);
    expect(fake.stats.byRoute['PATCH /channels/{channel_id}/messages/{message_id}']).toBe(8);
  });

  it('answers 429 when another client already used the channel limit; discord.js waits it out', async () => {
    const { fake, stage } = await connect({ editLimit: { count: 3, windowMs: 600 } });
    const review = await stage.send('frame 0');
    // Another process (a second shard, a CLI) edits in the same channel and uses up the window.
    const other = new REST({ api: fake.apiUrl }).setToken('fake-token');
    for (let frame = 1; frame <= 3; frame++) {
      await other.patch(Routes.channelMessage(STAGE_ID, review.id), { body: { content: `frame ${frame}` } });
    }

    await review.edit('frame 4');

    expect(fake.stats.rateLimited).toBe(1);
    const statuses = fake.requests.filter((r) => r.method === 'PATCH').map((r) => r.status);
    expect(statuses).toEqual([200, 200, 200, 429, 200]);
    expect(fake.message(review.id)?.content).toBe('frame 4');
  });

  it.each([
    { status: 500 as const, retryAfter: undefined },
    { status: 502 as const, retryAfter: undefined },
    { status: 429 as const, retryAfter: 0.2 },
  ])('retries through an injected $status', async ({ status, retryAfter }) => {
    const { fake, stage } = await connect();
    fake.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status, retryAfter });

    const message = await stage.send('after the fault');

    expect(
      fake.requests.filter((r) => r.route === 'POST /channels/{channel_id}/messages').map((r) => r.status),
    ).toEqual([status, 200]);
    expect(fake.stats.faultsInjected).toBe(1);
    expect(fake.messagesIn(STAGE_ID).map((m) => m.id)).toEqual([message.id]);
  });

  it('puts Discord rate-limit headers on every answer and a Discord 429 body when exceeded', async () => {
    const { fake } = await connect({ createLimit: { count: 1, windowMs: 10_000 } });
    const headers = { authorization: 'Bot fake-token', 'content-type': 'application/json' };
    const post = () =>
      fetch(`${fake.apiUrl}/v10/channels/${STAGE_ID}/messages`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ content: 'hi' }),
      });

    const ok = await post();
    const limited = await post();

    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-ratelimit-limit')).toBe('1');
    expect(ok.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(ok.headers.get('x-ratelimit-reset-after'))).toBeGreaterThan(9);
    expect(Number(ok.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(ok.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(9);
    expect(await limited.json()).toMatchObject({ message: 'You are being rate limited.', global: false });
    expect(fake.stats.rateLimited).toBe(1);
  });

  it('serves guild, channel, member and message reads, and deletes', async () => {
    const { fake, client, stage } = await connect();
    const guild = await client.guilds.fetch({ guild: GUILD_ID, force: true });
    const channels = await guild.channels.fetch();
    const me = await guild.members.fetch({ user: fake.botUserId, force: true });
    const posted = await stage.send('to be deleted');
    const fetched = await stage.messages.fetch({ message: posted.id, force: true });
    await fetched.delete();

    expect(guild.name).toBe('Compliance Theatre');
    expect([...channels.keys()]).toEqual([STAGE_ID]);
    expect(me.user.bot).toBe(true);
    expect(fake.messagesIn(STAGE_ID)).toEqual([]);
    expect(fake.messagesIn(STAGE_ID, { includeDeleted: true }).map((m) => m.content)).toEqual(['to be deleted']);
    const unknownMessage = stage.messages.fetch({ message: posted.id, force: true });
    await expect(unknownMessage).rejects.toMatchObject({ code: 10008, status: 404 });
    const unknownChannel = client.rest.get(Routes.channel('999999999999999999'));
    await expect(unknownChannel).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(unknownChannel).rejects.toMatchObject({ code: 10003 });
  });
});
