import { pathToFileURL } from 'node:url';
import {
  finaleIn,
  GUILD,
  type Show,
  STAGE_CHANNEL,
  startShow,
  submitBrief,
  threadOf,
  untilStatus,
} from '../test/e2e/harness.js';

/** What the show costs on Discord, measured through the loopback fake with the real discord.js client. */
export interface DiscordBench {
  /** Slash command dispatched → the bot's acknowledgement received, for `burst` briefs submitted at once. */
  ackP50Ms: number;
  ackP99Ms: number;
  /** Dispatched → the member told their place (the deferred reply filled in after the brief is saved). */
  confirmP50Ms: number;
  confirmP99Ms: number;
  burst: number;
  /** REST requests one performance makes, from the acknowledgement to the finale (no votes). */
  restCallsPerPerformance: number;
  /** Performances played back to back at the default pace, under Discord's per-channel limits. */
  pacedPerformances: number;
  /** 429 answers met while playing them. */
  rateLimited: number;
  /** Seconds one act takes on stage at the default pace. */
  actSeconds: number;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
};
const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

async function acknowledgementBurst(burst: number): Promise<{ acks: number[]; confirms: number[] }> {
  // Frames at the real pace, as in a show: the act on stage does not hog the process between its frames.
  const show = await startShow({ realRateLimits: true, sleep: wait, actTimeoutMs: 120_000 });
  try {
    // The fake shares this process and compiles each route's schema on first use: a whole warm-up act (at pace
    // 0) pays that before timing starts.
    await show.store.guilds.update(GUILD, { maxQueuedPerGuild: 500, cooldownSeconds: 0, pace: 0 });
    await submitBrief(show, 'a knight with a sword', { user: { id: '399999999999999999', username: 'warmup' } });
    await finaleIn(show, (await threadOf(show, 0)).id);
    await show.store.guilds.update(GUILD, { pace: 1 });
    const interactions = await Promise.all(
      Array.from({ length: burst }, (_, i) => {
        const user = { id: String(400000000000000000n + BigInt(i)), username: `member${i}` };
        return show.fake.slashCommand({
          guildId: GUILD,
          channelId: STAGE_CHANNEL,
          user,
          name: 'brief',
          options: [{ name: 'text', type: 3, value: `a knight number ${i} with a sword` }],
        });
      }),
    );
    const answered = await Promise.all(interactions.map((i) => i.response(30_000)));
    const settled = await Promise.all(interactions.map((i) => i.settled(30_000)));
    if (settled.some((m) => !m.content.startsWith('📨'))) throw new Error('a brief in the burst was not accepted');
    // From each interaction's own dispatch on the gateway: what Discord's 3-second clock measures.
    return {
      acks: interactions.map((i, n) => (answered[n]?.at.getTime() ?? Number.NaN) - i.record.createdAt),
      confirms: interactions.map((i, n) => (settled[n]?.current.at.getTime() ?? Number.NaN) - i.record.createdAt),
    };
  } finally {
    await show.stop();
  }
}

async function pacedShow(
  performances: number,
): Promise<{ perPerformance: number; rateLimited: number; actSeconds: number }> {
  // Real delays at pace 1 and Discord's real per-channel limits: what an exhibition audience sees.
  const show: Show = await startShow({ realRateLimits: true, sleep: wait, actTimeoutMs: 120_000 });
  try {
    await show.store.guilds.update(GUILD, { cooldownSeconds: 0, maxQueuedPerUser: 50 });
    const before = show.fake.requests.length;
    const started = Date.now();
    for (let i = 0; i < performances; i++) {
      await submitBrief(show, 'a knight with a bloody sword in a burning village, damn it');
    }
    for (let i = 0; i < performances; i++) {
      await finaleIn(show, (await threadOf(show, i, 120_000)).id, 120_000);
      await untilStatus(show, i + 1, 'done');
    }
    const seconds = (Date.now() - started) / 1000;
    // The interaction callbacks are the acknowledgements, counted above; what is left is the show itself.
    const calls = show.fake.requests.slice(before).filter((r) => !r.path.includes('/interactions/')).length;
    return {
      perPerformance: calls / performances,
      rateLimited: show.fake.stats.rateLimited,
      actSeconds: seconds / performances,
    };
  } finally {
    await show.stop();
  }
}

export async function benchDiscord(burst = 50, performances = 2): Promise<DiscordBench> {
  const { acks, confirms } = await acknowledgementBurst(burst);
  const paced = await pacedShow(performances);
  return {
    ackP50Ms: quantile(acks, 0.5),
    ackP99Ms: quantile(acks, 0.99),
    confirmP50Ms: quantile(confirms, 0.5),
    confirmP99Ms: quantile(confirms, 0.99),
    burst,
    restCallsPerPerformance: paced.perPerformance,
    pacedPerformances: performances,
    rateLimited: paced.rateLimited,
    actSeconds: Math.round(paced.actSeconds * 10) / 10,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchDiscord());
}
