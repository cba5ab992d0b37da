/**
 * What the show costs on Discord: the real discord.js client and the whole bot in this process, the fake Discord
 * in its own (bench/fake-discord-process.ts), so its request validation does not count against the bot.
 *
 * Run directly (`npx tsx bench/discord.ts`) to print the figures.
 */
import { type ChildProcess, fork } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Bot, createBot } from '../src/bot.js';
import { loadBotConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { Lexicon, loadBuiltInLexiconEntries } from '../src/services/censor/lexicon/index.js';
import { openStore, type Store } from '../src/services/store/index.js';
import { BENCH_GUILD, type BurstResult, type FakeRequest } from './fake-discord-process.js';
import { quantile } from './stats.js';

export interface BurstFigures {
  size: number;
  /**
   * Dispatch → the bot wrote its acknowledgement to the socket (undici's sendHeaders, in the bot's process): the
   * bot's own share of Discord's 3 s, with no fake in it.
   */
  sentAckP50Ms: number;
  sentAckP99Ms: number;
  /** Dispatch → the bot wrote the reply that tells the member their place (or why not). */
  sentToldP50Ms: number;
  sentToldP99Ms: number;
  /** The same, as the fake received them: its event loop, busy with the burst, delays their arrival. */
  ackP50Ms: number;
  ackP99Ms: number;
  toldP50Ms: number;
  toldP99Ms: number;
  /** Acknowledged within Discord's 3 s. */
  ackedInTime: number;
  accepted: number;
  /** Refused with a line (queue full, cooldown…), by line. */
  refused: Record<string, number>;
  unanswered: number;
  /** This process (bot + bench driver, not the fake) right after the burst. */
  rssMiB: number;
}

/** The fake in its own process, one IPC request at a time. */
class FakeProcess {
  readonly #child: ChildProcess;
  #queue: Promise<unknown> = Promise.resolve();

  constructor() {
    const script = fileURLToPath(new URL('./fake-discord-process.ts', import.meta.url));
    this.#child = fork(script, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  }

  request<T>(request: FakeRequest): Promise<T> {
    const next = this.#queue.then(
      () =>
        new Promise<T>((resolve, reject) => {
          this.#child.once('message', (reply: { ok: boolean; result?: unknown; error?: string }) =>
            reply.ok ? resolve(reply.result as T) : reject(new Error(reply.error)),
          );
          this.#child.send(request);
        }),
    );
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async stop(): Promise<{ invalid: number; rateLimited: number }> {
    const result = await this.request<{ invalid: number; rateLimited: number }>({ op: 'stop' });
    this.#child.disconnect();
    return result;
  }
}

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

/** The bot on a fresh SQLite store, logged into the fake, frames at the real pace. */
async function startBot(fake: { apiUrl: string; applicationId: string }, dir: string, run: number) {
  const config = loadBotConfig({
    DISCORD_TOKEN: 'fake-bot-token',
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    STORE_URL: `sqlite://${path.join(dir, `stage-${run}.sqlite`)}`,
    LOG_LEVEL: 'silent',
  });
  const log = silentLogger();
  const store = await openStore(config.STORE_URL, log);
  const bot = createBot({ config, log, store, lexicon: Lexicon.fromEntries(loadBuiltInLexiconEntries()), sleep: wait });
  await bot.start();
  await new Promise<void>((resolve) =>
    bot.client.isReady() ? resolve() : bot.client.once('clientReady', () => resolve()),
  );
  return { bot, store };
}

async function stopBot({ bot, store }: { bot: Bot; store: Store }) {
  await bot.stop();
  await store.close();
}

/** When the bot (this process) wrote each request's headers, by path without the query: first attempt only. */
function watchRequestsSent(): { sent: Map<string, number>; stop: () => void } {
  const sent = new Map<string, number>();
  const onSend = (message: unknown) => {
    const { request } = message as { request: { path: string } };
    const key = decodeURIComponent(request.path.split('?')[0] ?? request.path);
    if (!sent.has(key)) sent.set(key, Date.now());
  };
  diagnostics.subscribe('undici:client:sendHeaders', onSend);
  return { sent, stop: () => diagnostics.unsubscribe('undici:client:sendHeaders', onSend) };
}

function sentAfterDispatch(result: BurstResult, sent: Map<string, number>, suffix: string): number[] {
  const paths = [...sent.keys()];
  return result.tokens.map((token, n) => {
    const path = paths.find((p) => p.includes(token) && p.endsWith(suffix));
    return path ? (sent.get(path) ?? Number.NaN) - (result.dispatchedAt[n] ?? Number.NaN) : Number.NaN;
  });
}

function figures(size: number, result: BurstResult, sent: Map<string, number>): BurstFigures {
  const refused: Record<string, number> = {};
  let accepted = 0;
  let unanswered = 0;
  for (const line of result.lines) {
    if (line.startsWith('📨')) accepted++;
    else if (line === '(no reply)') unanswered++;
    else refused[line] = (refused[line] ?? 0) + 1;
  }
  const acks = result.acks.filter(Number.isFinite);
  const told = result.told.filter(Number.isFinite);
  const sentAcks = sentAfterDispatch(result, sent, '/callback').filter(Number.isFinite);
  const sentTold = sentAfterDispatch(result, sent, '/messages/@original').filter(Number.isFinite);
  return {
    size,
    sentAckP50Ms: quantile(sentAcks, 0.5),
    sentAckP99Ms: quantile(sentAcks, 0.99),
    sentToldP50Ms: quantile(sentTold, 0.5),
    sentToldP99Ms: quantile(sentTold, 0.99),
    ackP50Ms: quantile(acks, 0.5),
    ackP99Ms: quantile(acks, 0.99),
    toldP50Ms: quantile(told, 0.5),
    toldP99Ms: quantile(told, 0.99),
    ackedInTime: acks.filter((ms) => ms < 3000).length,
    accepted,
    refused,
    unanswered,
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
}

export interface DiscordBench {
  /** Every burst, in the order run: sizes interleaved, each repeated `repeats` times. */
  bursts: BurstFigures[];
  /** REST requests per performance at the default pace, from the acknowledgement to the finale (no votes). */
  restCallsPerAct: number;
  actSeconds: number;
  pacedActs: number;
  /** A crowd at `pace: auto`: `autoActs` knight briefs at once, the time from the burst to the last finale. */
  autoActs: number;
  autoSeconds: number;
  /** 429s the fake answered over the whole run. */
  rateLimited: number;
  invalidRequests: number;
}

/** Polls the store until `count` of the guild's performances are done (bounded: 5 minutes). */
async function untilDone(store: Store, count: number, started: number) {
  for (let done = 0; done < count; ) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const shown = await store.performances.listByGuild(BENCH_GUILD);
    done = shown.filter((p) => p.status === 'done').length;
    if (Date.now() - started > 300_000) throw new Error(`${count} acts did not finish within 5 minutes`);
  }
  return (Date.now() - started) / 1000;
}

export async function benchDiscord(sizes = [50, 200], repeats = 3, pacedActs = 2, autoActs = 6): Promise<DiscordBench> {
  const fakeProcess = new FakeProcess();
  const dir = await mkdtemp(path.join(tmpdir(), 'ct-bench-discord-'));
  const bursts: BurstFigures[] = [];
  let run = 0;
  let users = 0;
  try {
    const fake = await fakeProcess.request<{ apiUrl: string; applicationId: string }>({ op: 'start' });
    // Warm-up, not timed: the fake compiles each route's schema on first use, the bot's JIT warms up.
    {
      const bot = await startBot(fake, dir, run++);
      await bot.store.guilds.update(BENCH_GUILD, { maxQueuedPerGuild: 500, cooldownSeconds: 0, pace: 0 });
      await fakeProcess.request({ op: 'burst', size: 5, firstUser: users, prefix: 'warm-up' });
      users += 5;
      await stopBot(bot);
    }
    for (let r = 0; r < repeats; r++) {
      for (const size of r % 2 ? [...sizes].reverse() : sizes) {
        const bot = await startBot(fake, dir, run++);
        // Queue room for everyone: the burst measures answering, not refusing (a full queue would be quicker).
        await bot.store.guilds.update(BENCH_GUILD, { maxQueuedPerGuild: 500, cooldownSeconds: 0, pace: 1 });
        const watch = watchRequestsSent();
        const result = await fakeProcess.request<BurstResult>({ op: 'burst', size, firstUser: users, prefix: `r${r}` });
        watch.stop();
        users += size;
        bursts.push(figures(size, result, watch.sent));
        await stopBot(bot);
      }
    }

    // Acts at the real pace under Discord's per-channel limits: what an exhibition audience sees.
    const bot = await startBot(fake, dir, run++);
    await bot.store.guilds.update(BENCH_GUILD, { cooldownSeconds: 0, maxQueuedPerUser: 50 });
    const mark = await fakeProcess.request<number>({ op: 'mark' });
    const started = Date.now();
    // Four changes (three redlines, a blackout): the brief the issue counted its calls per act with.
    const text = 'a knight with a bloody sword in a burning village, damn it';
    await fakeProcess.request({ op: 'burst', size: pacedActs, firstUser: users, prefix: 'paced', text });
    users += pacedActs;
    const actSeconds = (await untilDone(bot.store, pacedActs, started)) / pacedActs;
    const calls = await fakeProcess.request<number>({ op: 'restSince', mark });
    // BENCH_ROUTES=1 lists the requests the paced acts made, to see where an act spends its calls.
    if (process.env.BENCH_ROUTES) console.error(await fakeProcess.request<string[]>({ op: 'routesSince', mark }));
    // The same brief to a crowd at pace auto: the acts behind the first play quicker while others wait.
    await bot.store.guilds.update(BENCH_GUILD, { pace: 'auto' });
    const crowd = Date.now();
    await fakeProcess.request({ op: 'burst', size: autoActs, firstUser: users, prefix: 'auto', text });
    const autoSeconds = await untilDone(bot.store, pacedActs + autoActs, crowd);
    await stopBot(bot);
    const { invalid, rateLimited } = await fakeProcess.stop();
    return {
      bursts,
      restCallsPerAct: calls / pacedActs,
      actSeconds: Math.round(actSeconds * 10) / 10,
      pacedActs,
      autoActs,
      autoSeconds: Math.round(autoSeconds * 10) / 10,
      rateLimited,
      invalidRequests: invalid,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchDiscord(), null, 2));
}
