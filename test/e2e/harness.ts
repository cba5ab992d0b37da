import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { type Bot, createBot } from '../../src/bot.js';
import { loadBotConfig } from '../../src/config.js';
import { createLogger, silentLogger } from '../../src/logger.js';
import { Lexicon, loadBuiltInLexiconEntries } from '../../src/services/censor/lexicon/index.js';
import { openStore, type Store } from '../../src/services/store/index.js';
import { FakeDiscord } from '../fakes/discord/index.js';

export const GUILD = '100000000000000001';
export const STAGE_CHANNEL = '200000000000000001';
export const MODLOG_CHANNEL = '200000000000000002';
export const MANAGE_GUILD = 0x20n;
export const AUTHOR = { id: '300000000000000001', username: 'artist' };
export const OTHER = { id: '300000000000000002', username: 'critic' };
export const MODERATOR = { id: '300000000000000003', username: 'moderator' };

const entries = loadBuiltInLexiconEntries();

export interface Show {
  fake: FakeDiscord;
  bot: Bot;
  store: Store;
  storeUrl: string;
  /** Starts a second bot process on the same store (a restart). */
  restart(sleep?: Sleep): Promise<void>;
  stop(): Promise<void>;
}

/** A whole show on loopback: the fake Discord, the real discord.js client, a temporary SQLite store. */
type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Frames play without waiting: the tests check what was shown, the benchmark checks the pace. */
export const instant: Sleep = async (_ms, signal) => signal.throwIfAborted();
/** An act that never gets past its first frame, until it is aborted (a restart in the middle of a show). */
export const stuck: Sleep = (_ms, signal) =>
  new Promise((_resolve, reject) => {
    // An act aborted while a request was in flight reaches its next sleep already aborted.
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

export async function startShow(
  options: {
    fake?: FakeDiscord;
    env?: Record<string, string>;
    sleep?: Sleep;
    actTimeoutMs?: number;
    realRateLimits?: boolean;
    /** Another store than the temporary SQLite file (a test's own Redis server). */
    storeUrl?: string;
    /** discord.js's per-request timeout (default 15 s): a late answer is retried after this. */
    restTimeoutMs?: number;
  } = {},
): Promise<Show> {
  const fake =
    options.fake ??
    new FakeDiscord({
      guilds: [
        {
          id: GUILD,
          name: 'Gallery',
          channels: [
            { id: STAGE_CHANNEL, name: 'stage' },
            { id: MODLOG_CHANNEL, name: 'mod-log' },
          ],
        },
      ],
      // Frames play instantly in tests; the real per-channel limit has its own test and the benchmark.
      ...(options.realRateLimits
        ? {}
        : { editLimit: { count: 100, windowMs: 1000 }, createLimit: { count: 100, windowMs: 1000 } }),
    });
  await fake.start();
  const dir = await mkdtemp(path.join(tmpdir(), 'ct-e2e-'));
  const storeUrl = options.storeUrl ?? `sqlite://${path.join(dir, 'stage.sqlite')}`;
  const config = loadBotConfig({
    DISCORD_TOKEN: 'fake-bot-token',
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    STORE_URL: storeUrl,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const log = process.env.E2E_LOG ? createLogger(process.env.E2E_LOG) : silentLogger();
  let identified = 0;
  const boot = async (sleep: Sleep) => {
    const store = await openStore(storeUrl, log, { retryMs: config.STORE_RETRY_MS });
    const bot = createBot({
      config,
      log,
      store,
      lexicon: Lexicon.fromEntries(entries),
      sleep,
      actTimeoutMs: options.actTimeoutMs ?? 15_000,
      ...(options.restTimeoutMs ? { restTimeoutMs: options.restTimeoutMs } : {}),
    });
    await bot.start();
    identified += 1;
    await fake.waitForIdentify(10_000, identified);
    await fake.waitFor(() => bot.client.isReady(), { timeoutMs: 10_000, description: 'the client to be ready' });
    return { bot, store };
  };
  let { bot, store } = await boot(options.sleep ?? instant);
  const show: Show = {
    fake,
    get bot() {
      return bot;
    },
    get store() {
      return store;
    },
    storeUrl,
    async restart(sleep: Sleep = instant) {
      await bot.stop();
      await store.close();
      ({ bot, store } = await boot(sleep));
    },
    async stop() {
      await bot.stop();
      await store.close();
      await fake.stop();
      await rm(dir, { recursive: true, force: true });
    },
  } as Show;
  return show;
}

type User = { id: string; username: string };

/** Submits `/brief` as a member and returns the interaction once the bot answered. */
export async function submitBrief(show: Show, text: string, options: { user?: User; style?: string } = {}) {
  const interaction = await show.fake.slashCommand({
    guildId: GUILD,
    channelId: STAGE_CHANNEL,
    user: options.user ?? AUTHOR,
    name: 'brief',
    options: [
      { name: 'text', type: 3, value: text },
      ...(options.style ? [{ name: 'style', type: 3 as const, value: options.style }] : []),
    ],
  });
  const callback = await interaction.response();
  // /brief acknowledges at once with a deferred reply, then fills it in.
  if (callback.type === 5) await interaction.settled();
  return interaction;
}

/** Runs `/stage <sub>` (or another subcommand-style command) and returns the bot's reply text. */
export async function runSubcommand(
  show: Show,
  name: string,
  sub: string,
  options: { name: string; type: number; value: string | number | boolean }[] = [],
  user: User = MODERATOR,
  permissions: bigint = MANAGE_GUILD,
) {
  const interaction = await show.fake.slashCommand({
    guildId: GUILD,
    channelId: STAGE_CHANNEL,
    user,
    permissions,
    name,
    options: [{ name: sub, type: 1, options } as never],
  });
  // A deferred reply (the command acknowledged before asking the store) is waited for until filled in.
  if ((await interaction.response()).type === 5) await interaction.settled();
  return interaction;
}

type Answered = {
  callback?: { type: number; data: unknown };
  original(): { content: string; flags: number } | undefined;
};

/** The text a reply showed: the callback's content, or the deferred reply as it was filled in. */
export function replyText(interaction: Answered): string {
  if (interaction.callback?.type === 5) return interaction.original()?.content ?? '';
  return (interaction.callback?.data as { content?: string } | undefined)?.content ?? '';
}

export function replyFlags(interaction: Answered): number {
  if (interaction.callback?.type === 5) return interaction.original()?.flags ?? 0;
  return (interaction.callback?.data as { flags?: number } | undefined)?.flags ?? 0;
}

/** The thread of the n-th performance in the stage channel, once it exists. */
export function threadOf(show: Show, index = 0, timeoutMs = 10_000) {
  return show.fake.waitFor(() => show.fake.threads(STAGE_CHANNEL)[index], {
    timeoutMs,
    description: `thread ${index}`,
  });
}

/** The finale message (with vote buttons) in a thread, once posted. */
export function finaleIn(show: Show, threadId: string, timeoutMs = 10_000) {
  return show.fake.waitFor(
    () => show.fake.messagesIn(threadId).find((m) => JSON.stringify(m.components).includes('vote:')),
    { timeoutMs, description: 'the finale' },
  );
}

/** Every embed title and description ever shown in a channel, edits included: what the audience saw. */
export function everythingShownIn(show: Show, channelId: string): string {
  return show.fake
    .messagesIn(channelId)
    .flatMap((m) => m.versions)
    .map((v) =>
      [
        v.content,
        ...v.embeds.flatMap((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => `${f.name} ${f.value}`)]),
      ].join('\n'),
    )
    .join('\n');
}

/** Waits until performance №n of the guild has the status (the store is written just after the audience sees it). */
export function untilStatus(show: Show, n: number, status: string) {
  return show.fake.waitFor(async () => (await show.store.performances.get(`${GUILD}-${n}`))?.status === status, {
    timeoutMs: 10_000,
    description: `performance ${n} to be ${status}`,
  });
}

/** Clicks a button in a thread as a member (a moderator when given Manage Server) and waits for the answer. */
export async function click(
  show: Show,
  target: { threadId: string; messageId: string; customId: string },
  user: User = AUTHOR,
  permissions?: bigint,
) {
  const interaction = await show.fake.clickButton({
    guildId: GUILD,
    channelId: target.threadId,
    messageId: target.messageId,
    customId: target.customId,
    user,
    ...(permissions ? { permissions } : {}),
  });
  const callback = await interaction.response();
  if (callback.type === 5) await interaction.settled();
  // A deferred update (6) is followed by the message's edit or a private answer: wait for either.
  if (callback.type === 6)
    await show.fake.waitFor(
      () =>
        show.fake.requests.some(
          (r) => r.status !== 0 && r.path.startsWith(`/webhooks/`) && r.path.includes(interaction.token),
        ),
      { timeoutMs: 10_000, description: 'the clicked message to be updated, or the member answered' },
    );
  return interaction;
}

/**
 * The author's appeal: clicks Appeal, which opens the grounds modal, and submits it (with `grounds`, or empty).
 * Returns the modal submission once the bot answered; a refusal is told on the modal's answer too.
 */
export async function appeal(
  show: Show,
  target: { threadId: string; messageId: string; performanceId: string },
  options: { user?: User; grounds?: string; customId?: string } = {},
) {
  const user = options.user ?? AUTHOR;
  const customId = options.customId ?? `appeal:${target.performanceId}`;
  const button = await click(show, { ...target, customId }, user);
  const submitted = await show.fake.submitModal({
    guildId: GUILD,
    channelId: target.threadId,
    user,
    from: button,
    values: { grounds: options.grounds ?? '' },
  });
  const callback = await submitted.response();
  if (callback.type === 5) await submitted.settled();
  return submitted;
}

/** What the member was told: the reply (a deferred one as filled in) and any followups. */
export function toldTo(interaction: Awaited<ReturnType<typeof click>>): string {
  return (
    interaction
      .messages()
      .map((m) => m.content)
      .join('\n') || replyText(interaction)
  );
}

/**
 * Starts shows for one test file and ends them after each test: every request the bot sent must have been valid,
 * and the show is stopped even when that check fails.
 */
export function useShows(): (options?: Parameters<typeof startShow>[0]) => Promise<Show> {
  const running: Show[] = [];
  afterEach(async () => {
    for (const show of running.splice(0)) {
      try {
        show.fake.assertAllRequestsValid();
      } finally {
        await show.stop();
      }
    }
  });
  return async (options) => {
    const show = await startShow(options);
    running.push(show);
    return show;
  };
}
