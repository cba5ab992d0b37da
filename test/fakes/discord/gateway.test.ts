import { once } from 'node:events';
import { ChannelType, type Client, Events } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient } from './client.js';
import type { FakeDiscord } from './fake-discord.js';
import { ALICE, GUILD_ID, STAGE_ID, startFake, tearDown } from './test-fixtures.js';

describe('FakeDiscord gateway with the real discord.js Client', () => {
  let fake: FakeDiscord | undefined;
  let client: Client | undefined;

  afterEach(async () => {
    await tearDown(client, fake);
    client = undefined;
    fake = undefined;
  });

  it('logs in: READY and GUILD_CREATE fill the caches', async () => {
    fake = await startFake();
    const bot = await connectClient(fake);
    client = bot;
    await fake.waitForIdentify();

    expect(bot.user.id).toBe(fake.botUserId);
    expect(bot.application.id).toBe(fake.applicationId);
    const guild = bot.guilds.cache.get(GUILD_ID);
    expect(guild?.available).toBe(true);
    expect(guild?.members.me?.id).toBe(fake.botUserId);
    const stage = bot.channels.cache.get(STAGE_ID);
    expect(stage?.type).toBe(ChannelType.GuildText);
    expect(stage?.isTextBased()).toBe(true);
    expect(fake.stats.byRoute['GET /gateway/bot']).toBe(1);
    expect(fake.gateway.counts.identifies).toBe(1);
  });

  it('answers every heartbeat', async () => {
    const server = await startFake({ heartbeatIntervalMs: 50 });
    fake = server;
    const bot = await connectClient(server);
    client = bot;

    await server.waitFor(() => server.gateway.counts.heartbeats >= 4, { timeoutMs: 3000, description: '4 heartbeats' });
    await server.waitFor(() => bot.ws.ping >= 0, { description: 'a heartbeat ack' });
    // No missed ack, so no "zombie connection" reconnect.
    expect(server.gateway.counts.connections).toBe(1);
  });

  it('resumes after the server drops the connection, replaying what the client missed', async () => {
    fake = await startFake();
    client = await connectClient(fake);
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'still here' });
    });

    fake.disconnectGateway();
    // Dispatched while the client is away: kept in the session and replayed on RESUME.
    const interaction = await fake.slashCommand({ guildId: GUILD_ID, channelId: STAGE_ID, user: ALICE, name: 'brief' });
    await fake.waitForResume();

    await interaction.response();
    expect(interaction.original()?.content).toBe('still here');
    expect(fake.gateway.counts).toMatchObject({ identifies: 1, resumes: 1, connections: 2, resumeUrlConnections: 1 });
  });

  it('reconnects when asked with opcode 7', async () => {
    fake = await startFake();
    client = await connectClient(fake);
    const resumed = once(client, Events.ShardResume, { signal: AbortSignal.timeout(5000) });

    fake.requestReconnect();

    await resumed;
    expect(fake.gateway.counts.resumes).toBe(1);
  });

  it('refuses a wrong token like Discord (401 on REST, so login fails)', async () => {
    fake = await startFake({ token: 'right-token' });

    await expect(connectClient(fake, {}, { token: 'wrong-token' })).rejects.toThrow(/token/i);

    const { requests } = fake.takeInvalidRequests();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /gateway/bot']);
  });
});
