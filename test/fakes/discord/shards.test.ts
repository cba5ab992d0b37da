import { type Client, Events, type Interaction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient } from './client.js';
import { FakeDiscord } from './fake-discord.js';
import { ALICE } from './test-fixtures.js';

/** Two guilds Discord would route to different shards of two: (id >> 22) % 2 is 0 and 1. */
const GUILD_0 = '100000000000000001';
const GUILD_1 = '100000000004194305';
const CHANNEL_0 = '100000000000000010';
const CHANNEL_1 = '100000000004194310';

describe('FakeDiscord gateway with sharded clients', () => {
  let fake: FakeDiscord | undefined;
  const clients: Client[] = [];

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.destroy()));
    await fake?.stop();
    fake?.assertAllRequestsValid();
    fake = undefined;
  });

  async function startSharded(): Promise<FakeDiscord> {
    fake = await new FakeDiscord({
      shards: 2,
      guilds: [
        { id: GUILD_0, name: 'Shard zero', channels: [{ id: CHANNEL_0, name: 'stage' }] },
        { id: GUILD_1, name: 'Shard one', channels: [{ id: CHANNEL_1, name: 'stage' }] },
      ],
    }).start();
    return fake;
  }

  it('recommends its shard count and gives each shard only its own guilds', async () => {
    const server = await startSharded();
    const response = await fetch(`${server.apiUrl}/v10/gateway/bot`, { headers: { authorization: 'Bot t' } });
    expect(((await response.json()) as { shards: number }).shards).toBe(2);
    for (const id of [0, 1]) clients.push(await connectClient(server, { shards: [id], shardCount: 2 }));
    expect([...clients[0]!.guilds.cache.keys()]).toEqual([GUILD_0]);
    expect([...clients[1]!.guilds.cache.keys()]).toEqual([GUILD_1]);
    expect(server.gateway.counts.identifies).toBe(2);
  });

  it('routes an interaction to the shard that owns its guild', async () => {
    const server = await startSharded();
    for (const id of [0, 1]) clients.push(await connectClient(server, { shards: [id], shardCount: 2 }));
    const seen: Array<{ shard: number; guild: string | null }> = [];
    for (const [shard, client] of clients.entries())
      client.on(Events.InteractionCreate, (interaction: Interaction) => {
        seen.push({ shard, guild: interaction.guildId });
      });
    await server.slashCommand({ guildId: GUILD_1, channelId: CHANNEL_1, user: ALICE, name: 'ping' });
    await server.slashCommand({ guildId: GUILD_0, channelId: CHANNEL_0, user: ALICE, name: 'ping' });
    await server.waitFor(() => seen.length === 2, { description: 'both interactions delivered' });
    expect(seen).toEqual([
      { shard: 1, guild: GUILD_1 },
      { shard: 0, guild: GUILD_0 },
    ]);
  });

  it('closes an IDENTIFY with fewer shards than required (4011), as Discord does', async () => {
    const server = await startSharded();
    await expect(connectClient(server, {}, { timeoutMs: 1500 })).rejects.toThrow();
    expect(server.takeInvalidRequests().gateway.map((p) => p.closeCode)).toContain(4011);
  });
});
