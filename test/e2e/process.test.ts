import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { openStore, type Store } from '../../src/services/store/index.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import type { RecordedRequest } from '../fakes/discord/rest-server.js';
import { GUILD, MODLOG_CHANNEL, runSubcommand, type Show, STAGE_CHANNEL, submitBrief, untilStatus } from './harness.js';
import { alive, type BotProcess, startBotProcess } from './process.js';

/**
 * The real process (`node` on src/index.ts) against the fake Discord: what a crash, a second start or a stop signal does to
 * a show. The lease is short here (1.5 s) so a killed bot's successor waits briefly.
 */
const LEASE = { STORE_LEASE_MS: '1500' };

interface World {
  fake: FakeDiscord;
  storeUrl: string;
  store: Store;
  show: Show;
  dir: string;
}

const running: BotProcess[] = [];
const worlds: World[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((bot) => bot.stop()));
  for (const world of worlds.splice(0)) {
    await world.store.close();
    await world.fake.stop();
    await rm(world.dir, { recursive: true, force: true });
  }
});

async function world(): Promise<World> {
  const fake = new FakeDiscord({
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
    editLimit: { count: 100, windowMs: 1000 },
    createLimit: { count: 100, windowMs: 1000 },
  });
  await fake.start();
  const dir = await mkdtemp(path.join(tmpdir(), 'ct-process-'));
  const storeUrl = `sqlite://${path.join(dir, 'stage.sqlite')}`;
  // The test reads the bot's store beside it, as a moderator's CLI would; it never takes the lease.
  const store = await openStore(storeUrl, silentLogger());
  const made = { fake, storeUrl, store, dir, show: { fake, store } as unknown as Show };
  worlds.push(made);
  return made;
}

function bot(w: World, env: Record<string, string> = {}): BotProcess {
  const started = startBotProcess(w.fake, { STORE_URL: w.storeUrl, ...LEASE, ...env });
  running.push(started);
  return started;
}

const onStage = (b: BotProcess) => b.waitForLog('on stage', 30_000);

describe('the bot as a process', () => {
  test('a second start on the same store refuses with one line; the first keeps the show', async () => {
    const w = await world();
    const first = bot(w);
    await onStage(first);
    const second = bot(w);
    expect(await second.exited).toBe(1);
    const refusal = second.stderr().trim().split('\n');
    expect(refusal.filter((line) => line.includes('owns this store'))).toHaveLength(1);
    expect(refusal.join('\n')).not.toMatch(/\n\s+at /);
    expect(alive(await first.botPid())).toBe(true);
  }, 60_000);

  test('SIGTERM stops the bot and frees the store at once (npm forwarding it: test/index.test.ts)', async () => {
    const w = await world();
    const first = bot(w);
    await onStage(first);
    const pid = await first.botPid();
    first.child.kill('SIGTERM');
    await w.fake.waitFor(() => !alive(pid), { timeoutMs: 15_000, description: 'the bot to end' });
    // The lease was released, not left to expire: the next start does not wait for it.
    const next = bot(w, { STORE_LEASE_MS: '60000' });
    await onStage(next);
    expect(next.logs.some((l) => l.msg.includes('waiting for its lease'))).toBe(false);
  }, 60_000);

  test('Discord answering 503 at start-up is retried with backoff, logged, until the show comes up', async () => {
    const w = await world();
    // discord.js retries a 5xx three times itself; more failures than that reach the start-up retry.
    w.fake.failNext({ method: 'GET', path: '/gateway/bot', status: 503, times: 6 });
    const first = bot(w);
    await onStage(first);
    const retries = first.logs.filter((l) => l.msg === 'start-up: not reachable yet; retrying');
    expect(retries.length).toBeGreaterThan(0);
    expect(retries.every((l) => l.what === 'discord')).toBe(true);
  }, 60_000);

  // Each step of an act, by the request that performs it: the kill lands as Discord has just done it.
  // The first post carries the brief above the first frame. The last flag: the restart comes after Discord has
  // forgotten the nonces (minutes later), so what was saved, or found in the thread, must do.
  const firstPost = (r: RecordedRequest, t: string | undefined) =>
    r.method === 'POST' && r.path === `/channels/${t}/messages`;
  const frame = (r: RecordedRequest, t: string | undefined) =>
    r.method === 'PATCH' && r.path.startsWith(`/channels/${t}/messages/`);
  const steps: [string, (r: RecordedRequest, thread: string | undefined) => boolean, boolean][] = [
    ['the thread', (r) => r.method === 'POST' && r.path === `/channels/${STAGE_CHANNEL}/threads`, false],
    ['the brief and its first frame', firstPost, false],
    ['the brief and its first frame, restarted after the nonce window', firstPost, true],
    ['a frame', frame, false],
    ['a frame, restarted after the nonce window', frame, true],
    ['the finale', (r, t) => r.method === 'POST' && r.path === `/channels/${t}/messages` && r.files.length > 0, false],
  ];

  test.each(steps)(
    'kill -9 at %s, restart: one thread, one review (the brief above its frames), one finale, the brief performed',
    async (_, at, late) => {
      const w = await world();
      const first = bot(w);
      await onStage(first);
      await runSubcommand(w.show, 'stage', 'config', [{ name: 'pace', type: 3, value: '0.2' }]);
      const step = (r: RecordedRequest) => at(r, w.fake.threads(STAGE_CHANNEL)[0]?.id);
      // Discord carries the step out but its answer never reaches the bot: killed in between.
      w.fake.answerLate(step, 60_000);
      await submitBrief(w.show, 'a bloody knife on a kitchen table');
      await w.fake.waitFor(() => w.fake.requests.some((r) => r.status !== 0 && step(r)), {
        timeoutMs: 30_000,
        description: 'the step',
      });
      await first.kill9();
      if (late) w.fake.forgetNonces();

      const second = bot(w);
      await onStage(second);
      await w.fake.waitFor(async () => (await w.store.performances.get(`${GUILD}-1`))?.status === 'done', {
        timeoutMs: 30_000,
        description: 'the act to be done',
      });
      await untilStatus(w.show, 1, 'done');

      const threads = w.fake.threads(STAGE_CHANNEL);
      expect(threads).toHaveLength(1);
      const messages = w.fake.messagesIn(threads[0]?.id ?? '');
      const briefs = messages.filter((m) => m.versions.some((v) => v.content?.includes('a bloody knife')));
      const reviews = messages.filter((m) => m.versions[0]?.embeds[0]?.title?.startsWith('🔍 SCANNING'));
      const finales = messages.filter((m) => JSON.stringify(m.components).includes('vote:'));
      expect(briefs).toHaveLength(1);
      expect(reviews).toHaveLength(1);
      expect(reviews[0]?.content).toMatch(/^📨 \*\*Brief №1\*\*/);
      expect(finales).toHaveLength(1);
      const done = await w.store.performances.get(`${GUILD}-1`);
      expect(done?.finalMessageId).toBe(finales[0]?.id);
      expect(done?.reviewMessageId).toBe(reviews[0]?.id);
      expect(done?.threadId).toBe(threads[0]?.id);
    },
    90_000,
  );
});

describe('an act that failed as it was killed', () => {
  test('kill -9 as the failure line is posted: the restart resumes the act and withdraws the line above its finale', async () => {
    const w = await world();
    const first = bot(w);
    await onStage(first);
    // The frames' edits fail past discord.js's own retries: the act ends in its failure line, which Discord posts
    // but whose answer never reaches the bot, killed before it could record the failure.
    w.fake.failNext({ method: 'PATCH', path: /^\/channels\/\d+\/messages\/\d+$/, status: 500, times: 4 });
    const failureLine = (r: RecordedRequest) => r.method === 'POST' && JSON.stringify(r.body ?? '').includes('⚠️');
    w.fake.answerLate(failureLine, 60_000);
    await submitBrief(w.show, 'a bloody knife on a kitchen table');
    await w.fake.waitFor(() => w.fake.requests.some((r) => r.status !== 0 && failureLine(r)), {
      timeoutMs: 30_000,
      description: 'the failure line',
    });
    await first.kill9();
    expect((await w.store.performances.get(`${GUILD}-1`))?.status).toBe('performing');

    const second = bot(w);
    await onStage(second);
    await w.fake.waitFor(async () => (await w.store.performances.get(`${GUILD}-1`))?.status === 'done', {
      timeoutMs: 30_000,
      description: 'the act to be done',
    });
    const [thread] = w.fake.threads(STAGE_CHANNEL);
    const messages = w.fake.messagesIn(thread?.id ?? '');
    const notes = messages.map((m) => m.versions.at(-1)?.embeds[0]?.description ?? '');
    expect(notes.filter((d) => d.includes('⚠️'))).toEqual([]);
    expect(notes.filter((d) => d.includes('Notice withdrawn'))).toHaveLength(1);
    expect(messages.filter((m) => JSON.stringify(m.components).includes('vote:'))).toHaveLength(1);
    // The withdrawn line stands above the resumed act's note, which stands above the finale.
    const withdrawn = notes.findIndex((d) => d.includes('Notice withdrawn'));
    const resumed = notes.findIndex((d) => d.includes('resumes after a brief intermission'));
    expect(withdrawn).toBeLessThan(resumed);
  }, 90_000);
});
