/**
 * The fake Discord in a process of its own, driven over IPC by bench/discord.ts, so the bot's latency figures do
 * not include the fake's request validation. Forked with `--import tsx`; answers one reply per request.
 */
import { FakeDiscord } from '../test/fakes/discord/index.js';

export const BENCH_GUILD = '100000000000000001';
export const BENCH_STAGE = '200000000000000001';

export type FakeRequest =
  | { op: 'start' }
  | { op: 'burst'; size: number; firstUser: number; prefix: string; text?: string }
  | { op: 'mark' }
  | { op: 'restSince'; mark: number }
  | { op: 'routesSince'; mark: number }
  | { op: 'stop' };

export interface BurstResult {
  /** Dispatch → acknowledgement (callback arrived here), per brief, ms; NaN when none came. */
  acks: number[];
  /** Dispatch → the request filling in the reply arrived here (placed in the queue, or refused), ms. */
  told: number[];
  /** The first line of each final reply. */
  lines: string[];
  /** Each interaction's token, to find the bot's own requests for it. */
  tokens: string[];
  /** When each interaction was dispatched on the gateway (epoch ms). */
  dispatchedAt: number[];
}

const fake = new FakeDiscord({
  guilds: [{ id: BENCH_GUILD, name: 'Bench', channels: [{ id: BENCH_STAGE, name: 'stage' }] }],
});

async function burst(size: number, firstUser: number, prefix: string, text?: string): Promise<BurstResult> {
  const interactions = await Promise.all(
    Array.from({ length: size }, (_, i) =>
      fake.slashCommand({
        guildId: BENCH_GUILD,
        channelId: BENCH_STAGE,
        user: { id: String(400000000000000000n + BigInt(firstUser + i)), username: `member${firstUser + i}` },
        name: 'brief',
        options: [{ name: 'text', type: 3, value: text ?? `${prefix} knight number ${i} with a sword` }],
      }),
    ),
  );
  const answered = await Promise.all(interactions.map((i) => i.response(30_000).catch(() => undefined)));
  const settled = await Promise.all(interactions.map((i) => i.settled(30_000).catch(() => undefined)));
  // From each interaction's own dispatch on the gateway to the arrival of the bot's request here (before the fake's
  // own decoding and validation, though after any queue for this process's event loop).
  const arrival = (i: (typeof interactions)[number], suffix: string, answered: unknown) => {
    if (answered === undefined) return Number.NaN;
    const request = fake.requests.find((r) => r.path.includes(i.token) && r.path.endsWith(suffix));
    return (request?.at.getTime() ?? Number.NaN) - i.record.createdAt;
  };
  return {
    acks: interactions.map((i, n) => arrival(i, '/callback', answered[n])),
    told: interactions.map((i, n) => arrival(i, '/messages/@original', settled[n])),
    lines: settled.map((m) => m?.content.split('\n')[0] ?? '(no reply)'),
    tokens: interactions.map((i) => i.token),
    dispatchedAt: interactions.map((i) => i.record.createdAt),
  };
}

async function handle(request: FakeRequest): Promise<unknown> {
  switch (request.op) {
    case 'start':
      await fake.start();
      return { apiUrl: fake.apiUrl, applicationId: fake.applicationId };
    case 'burst':
      return burst(request.size, request.firstUser, request.prefix, request.text);
    case 'mark':
      return fake.requests.length;
    case 'restSince':
      // The interaction callbacks are the acknowledgements; what is left is the show itself (as the issue counted).
      return fake.requests.slice(request.mark).filter((r) => !r.path.includes('/interactions/')).length;
    case 'routesSince':
      return fake.requests.slice(request.mark).map((r) => `${r.method} ${r.route ?? r.path}`);
    case 'stop':
      await fake.stop();
      return { invalid: fake.invalidRequests.length, rateLimited: fake.stats.rateLimited };
  }
}

process.on('message', (request: FakeRequest) => {
  handle(request).then(
    (result) => process.send?.({ ok: true, result }),
    (error: Error) => process.send?.({ ok: false, error: error.message }),
  );
  if (request.op === 'stop') process.channel?.unref();
});
