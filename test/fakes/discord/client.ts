import { once } from 'node:events';
import { Client, type ClientOptions, GatewayIntentBits } from 'discord.js';
import type { FakeDiscord } from './fake-discord.js';

/**
 * A real discord.js Client pointed at the fake and logged in: resolves after `clientReady` (READY and every
 * GUILD_CREATE processed). Rejects after `timeoutMs`. The caller destroys it (`await client.destroy()`).
 */
export async function connectClient(
  fake: FakeDiscord,
  options: Partial<ClientOptions> = {},
  { token = 'fake-token', timeoutMs = 10_000 }: { token?: string; timeoutMs?: number } = {},
): Promise<Client<true>> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...options,
    rest: { ...options.rest, api: fake.apiUrl },
  });
  const ready = once(client, 'clientReady', { signal: AbortSignal.timeout(timeoutMs) });
  try {
    await Promise.all([ready, client.login(token)]);
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return client as Client<true>;
}
