import { describe, expect, test } from 'vitest';
import { Lexicon, loadBuiltInLexiconEntries } from '../../src/services/censor/lexicon/index.js';
import { PosterModel } from '../../src/services/imagery/poster/index.js';
import { startFakeOpenAI } from '../fakes/openai.js';
import { passed } from '../services/censor/passed.js';
import {
  appeal,
  click,
  finaleIn,
  GUILD,
  MANAGE_GUILD,
  MODERATOR,
  OTHER,
  runSubcommand,
  STAGE_CHANNEL,
  stuck,
  submitBrief,
  threadOf,
  toldTo,
  untilStatus,
  useShows,
} from './harness.js';

const launch = useShows();

/** Every blackout and block term the guild's lexicon holds: the built-in ones and the one added during the test. */
const ADDED = { term: 'pineapple', tier: 'blackout' };
const hidden = [
  ...loadBuiltInLexiconEntries()
    .filter((e) => e.tier !== 'redline')
    .map((e) => e.term),
  ADDED.term,
];
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FORBIDDEN = new RegExp(`(?<![\\p{L}\\p{N}])(?:${hidden.map(literal).join('|')})s?(?![\\p{L}\\p{N}])`, 'iu');

describe('no way around the censor', () => {
  test('every road — brief, style, review release, original, appeal won and lost, restart, /show, withdraw', async () => {
    const image = (
      await new PosterModel({ width: 256, height: 256 }).render({
        prompt: await passed('a cat'),
        performanceNumber: 1,
        seed: 1,
      })
    ).bytes;
    // The recording image engine: the real OpenAI SDK against a loopback fake that keeps every prompt it got.
    const studio = await startFakeOpenAI({ image });
    const show = await launch({
      sleep: stuck,
      env: { IMAGE_ENGINE: 'openai', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: studio.baseURL, MODEL_RETRIES: '0' },
    });
    try {
      const mod = (sub: string, options: Parameters<typeof runSubcommand>[3] = [], name = 'stage') =>
        runSubcommand(show, name, sub, options);
      await show.store.guilds.update(GUILD, { cooldownSeconds: 0, maxQueuedPerUser: 10 });
      await mod(
        'add',
        [
          { name: 'term', type: 3, value: ADDED.term },
          { name: 'tier', type: 3, value: ADDED.tier },
          { name: 'euphemism', type: 3, value: 'tropical asset' },
        ],
        'lexicon',
      );

      // 1. A brief with a style, cut off mid-act by a restart, resumed in its thread.
      await submitBrief(show, 'a shitty knight eating pineapple', { style: 'bloody watercolour, guns' });
      const first = await threadOf(show);
      await show.fake.waitFor(() => show.fake.messagesIn(first.id).length >= 1);
      await show.restart();
      await finaleIn(show, first.id);
      await untilStatus(show, 1, 'done');
      const one = await show.store.performances.get(`${GUILD}-1`);
      expect(one?.memberStyle).toBe('bloody watercolour, guns');
      expect(one?.result?.changes.map((c) => c.from)).toEqual(
        expect.arrayContaining(['shitty', 'pineapple', 'bloody', 'guns']),
      );

      // 2. A block term in a style refuses the brief with the policy reason.
      const refused = await submitBrief(show, 'a calm lake', { style: 'snuff film' });
      expect(toldTo(refused)).toMatch(/^⛔ Brief №2 has been refused under .+\. It will not be performed/);
      await untilStatus(show, 2, 'blocked');

      // 3. Render the original too: off for a hosted engine until a moderator also allows that.
      await mod('config', [{ name: 'render_original', type: 5, value: true }]);
      const before = studio.server.requestsTo(/images\/generations$/).length;
      await submitBrief(show, 'a sword in a pineapple field');
      await finaleIn(show, (await threadOf(show, 1)).id);
      await untilStatus(show, 3, 'done');
      expect(studio.server.requestsTo(/images\/generations$/).length - before).toBe(1);
      await mod('config', [{ name: 'original_on_hosted', type: 5, value: true }]);
      await submitBrief(show, 'a shitty sword in a pineapple field');
      const withOriginal = await finaleIn(show, (await threadOf(show, 2)).id);
      await untilStatus(show, 4, 'done');
      expect(withOriginal.attachments.map((a) => a.filename)).toEqual([
        'performance-4.png',
        'performance-4-original.png',
      ]);
      await mod('config', [{ name: 'render_original', type: 5, value: false }]);

      // 4. An appeal may not take back gore while a hosted engine renders.
      const gore = await mod('config', [{ name: 'appeal_categories', type: 3, value: 'gore, weapons' }]);
      expect(toldTo(gore)).toMatch(/^Appeals may not reinstate gore/);

      // 5. Appeal won: the corporate term comes back, the weapon and the blackout terms stay; an Appeal Cut.
      await submitBrief(show, 'a protest with a gun and a shitty pineapple');
      const won = await threadOf(show, 3);
      const wonFinale = await finaleIn(show, won.id);
      await untilStatus(show, 5, 'done');
      const target = { threadId: won.id, messageId: wonFinale.id, performanceId: `${GUILD}-5` };
      // A double click gives one hearing.
      const [a, b] = await Promise.all([
        appeal(show, target, { grounds: 'This shitty ruling ignores https://discord.gg/abc and pineapple rights.' }),
        appeal(show, target, { grounds: 'Again: https://discord.gg/xyz' }),
      ]);
      const told = [toldTo(a), toldTo(b)].sort();
      expect(told).toEqual([
        'This performance has already been appealed. The decision is final.',
        '⚖️ Your appeal was heard and granted in part. See the thread.',
      ]);
      const five = await show.store.performances.get(`${GUILD}-5`);
      expect(five?.appeal?.outcome).toBe('overturned');
      expect(five?.appeal?.reinstated?.map((r) => r.term)).toEqual(['a protest']);
      expect(five?.appeal?.upheld?.map((r) => r.term ?? `(${r.category})`)).toEqual([
        'gun',
        '(profanity)',
        '(corporate)',
      ]);
      const verdicts = show.fake.messagesIn(won.id).filter((m) => m.embeds[0]?.title?.startsWith('⚖️'));
      expect(verdicts).toHaveLength(1);
      const grounds = verdicts[0]?.embeds[0]?.fields?.[0]?.value ?? '';
      // Either click may win the claim: the hearing shows the winner's grounds (links made inert).
      expect(grounds).toContain(toldTo(a).includes('heard') ? 'discord[.]gg/abc' : 'discord[.]gg/xyz');
      expect(grounds).not.toContain('discord.gg');
      const cut = await show.fake.waitFor(() => show.fake.message(five?.appeal?.messageId ?? ''));
      expect(cut.embeds[0]?.title).toBe('🎬 Performance №5 — Appeal Cut');
      expect(cut.attachments[0]?.filename).toBe('performance-5-appeal.png');
      const cast = await click(
        show,
        { threadId: won.id, messageId: cut.id, customId: `vote:${GUILD}-5:appeal` },
        OTHER,
      );
      expect(cast.callback?.type).toBe(6);
      expect(await show.store.votes.tally(`${GUILD}-5`)).toEqual({ original: 0, censored: 0, appeal: 1 });

      // 6. Appeal lost: only a weapon, outside the policy.
      await submitBrief(show, 'a knight with a gun');
      const lost = await threadOf(show, 4);
      const lostFinale = await finaleIn(show, lost.id);
      await untilStatus(show, 6, 'done');
      const denied = await appeal(show, { threadId: lost.id, messageId: lostFinale.id, performanceId: `${GUILD}-6` });
      expect(toldTo(denied)).toBe('⚖️ Your appeal was heard. The original decision stands.');
      expect((await show.store.performances.get(`${GUILD}-6`))?.appeal?.upheld?.[0]?.term).toBe('gun');

      // 7. Review mode: a moderator releases the prompt.
      await show.store.guilds.update(GUILD, { reviewMode: true });
      await submitBrief(show, 'a shitty banquet with pineapple');
      const reviewed = await threadOf(show, 5);
      const desk = await show.fake.waitFor(() =>
        show.fake.messagesIn(reviewed.id).find((m) => JSON.stringify(m.components).includes('release:')),
      );
      await click(
        show,
        { threadId: reviewed.id, messageId: desk.id, customId: `release:${GUILD}-7` },
        MODERATOR,
        MANAGE_GUILD,
      );
      await finaleIn(show, reviewed.id);
      await untilStatus(show, 7, 'done');

      // 8. /show and /results know the Appeal Cut.
      const again = await show.fake.slashCommand({
        guildId: GUILD,
        channelId: STAGE_CHANNEL,
        user: OTHER,
        name: 'show',
        options: [{ name: 'id', type: 3, value: '5' }],
      });
      const reposted = await again.settled();
      expect(reposted.embeds.map((e) => e.title)).toContain('🎬 Performance №5 — Appeal Cut');
      const results = await show.fake.slashCommand({
        guildId: GUILD,
        channelId: STAGE_CHANNEL,
        user: OTHER,
        name: 'results',
      });
      const verdict = await show.fake.waitFor(() => results.followups()[0]);
      expect(JSON.stringify(verdict.embeds)).toContain('Appeal Cut 1');

      // 9. Withdraw: nothing of the act stays visible.
      await click(
        show,
        { threadId: won.id, messageId: wonFinale.id, customId: `remove:${GUILD}-5` },
        MODERATOR,
        MANAGE_GUILD,
      );
      await untilStatus(show, 5, 'removed');
      expect(show.fake.messagesIn(won.id).filter((m) => !m.deletedAt && !m.ephemeral)).toHaveLength(0);
      // The /show repost in the stage channel goes too; the thread is closed.
      expect(show.fake.message(reposted.id)?.deletedAt).toBeTruthy();
      expect(show.fake.channel(won.id)).toMatchObject({ thread_metadata: { archived: true, locked: true } });

      // Nothing the image engine received, and nothing sent to Discord, holds a blackout or block term.
      const prompts = studio.server
        .requestsTo(/images\/generations$/)
        .map((r) => (r.json as { prompt: string }).prompt);
      expect(prompts.length).toBeGreaterThanOrEqual(7);
      expect(prompts.filter((p) => FORBIDDEN.test(p))).toEqual([]);
      const payloads = show.fake.requests.map((r) => JSON.stringify(r.body ?? ''));
      expect(payloads.length).toBeGreaterThan(50);
      expect(payloads.filter((p) => FORBIDDEN.test(p))).toEqual([]);
      // The check can fail: the briefs themselves hold such terms.
      expect(FORBIDDEN.test('a shitty pineapple')).toBe(true);
      expect(Lexicon.fromEntries(loadBuiltInLexiconEntries()).size).toBeGreaterThan(hidden.length);
    } finally {
      await studio.server.stop();
    }
  });
});

describe('moderators choose whether members may set a style', () => {
  test('member_style off refuses a brief that brings one; satire and the policy show in /stage config', async () => {
    const show = await launch();
    const set = await runSubcommand(show, 'stage', 'config', [
      { name: 'member_style', type: 3, value: 'off' },
      { name: 'satire', type: 5, value: false },
      { name: 'appeal_categories', type: 3, value: 'weapons, profanity' },
    ]);
    expect(toldTo(set)).toContain(
      'Satire: off · Member styles: off · Appeals may reinstate: satire, weapons, profanity',
    );
    const refused = await submitBrief(show, 'a calm lake', { style: 'watercolour' });
    expect(toldTo(refused)).toBe('Members’ own styles are switched off on this server: submit the brief without one.');
    expect(await show.store.performances.listByGuild(GUILD)).toHaveLength(0);
    const unknown = await runSubcommand(show, 'stage', 'config', [
      { name: 'appeal_categories', type: 3, value: 'tea' },
    ]);
    expect(toldTo(unknown)).toMatch(/^Unknown category: tea\. Known: violence/);
  });
});
