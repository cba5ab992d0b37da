import { type Client, DiscordAPIError, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient } from './client.js';
import type { FakeDiscord } from './fake-discord.js';
import { STAGE_ID, startFake, tearDown } from './test-fixtures.js';
import { discordRequestValidator } from './validator.js';

describe('FakeDiscord request validation against the OpenAPI description', () => {
  let fake: FakeDiscord | undefined;
  let client: Client | undefined;

  afterEach(async () => {
    await tearDown(client, fake);
    client = undefined;
    fake = undefined;
  });

  async function connect() {
    const server = await startFake();
    fake = server;
    const bot = await connectClient(server);
    client = bot;
    return { fake: server, client: bot };
  }

  it('initialises once per process, quickly', async () => {
    const [first, second] = await Promise.all([discordRequestValidator(), discordRequestValidator()]);
    expect(first).toBe(second);
    expect(first.initMs).toBeLessThan(5000);
  });

  it('catches content over 2000 characters: 400 Invalid Form Body, recorded, reported', async () => {
    const { fake, client } = await connect();

    const sending = client.rest.post(Routes.channelMessages(STAGE_ID), { body: { content: 'x'.repeat(2001) } });

    await expect(sending).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(sending).rejects.toMatchObject({
      status: 400,
      code: 50035,
      rawError: { errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
    expect(fake.invalidRequests).toMatchObject([{ method: 'POST', path: `/channels/${STAGE_ID}/messages` }]);
    expect(() => fake.assertAllRequestsValid()).toThrow(/create_message.*more than 2000 characters/);
    expect(fake.messagesIn(STAGE_ID)).toEqual([]);
    fake.takeInvalidRequests();
  });

  it('validates the payload_json of multipart requests too', async () => {
    const { fake, client } = await connect();

    const sending = client.rest.post(Routes.channelMessages(STAGE_ID), {
      body: { content: 'x', embeds: 'not a list' },
      files: [{ name: 'a.txt', data: Buffer.from('hello'), contentType: 'text/plain' }],
    });

    await expect(sending).rejects.toMatchObject({ status: 400, code: 50035 });
    const [invalid] = fake.takeInvalidRequests().requests;
    expect(invalid?.problems.join()).toMatch(/embeds/);
    expect(fake.requests.at(-1)?.files).toEqual([
      { field: 'files[0]', filename: 'a.txt', contentType: 'text/plain', size: 5 },
    ]);
  });

  it('answers unknown routes with Discord 404 and records them', async () => {
    const { fake, client } = await connect();

    await expect(client.rest.get('/definitely/not/discord')).rejects.toMatchObject({ status: 404, code: 0 });

    const { requests } = fake.takeInvalidRequests();
    expect(requests.map((r) => r.problems[0])).toEqual(['no route for GET /definitely/not/discord (not in the spec)']);
  });

  it('requires the bot token on routes whose spec security demands it', async () => {
    const { fake } = await connect();

    const anonymous = await fetch(`${fake.apiUrl}/v10/users/@me`);

    expect(anonymous.status).toBe(401);
    expect(fake.takeInvalidRequests().requests.map((r) => r.path)).toEqual(['/users/@me']);
  });
});
