import { describe, expect, test } from 'vitest';
import {
  AUTHOR,
  appeal,
  click,
  everythingShownIn,
  finaleIn,
  GUILD,
  MANAGE_GUILD,
  MODERATOR,
  OTHER,
  replyText,
  runSubcommand,
  type Show,
  STAGE_CHANNEL,
  stuck,
  submitBrief,
  threadOf,
  toldTo,
  untilStatus,
  useShows,
} from './harness.js';

const launch = useShows();
let show: Show | undefined;

const press = (threadId: string, messageId: string, customId: string, user = AUTHOR, permissions?: bigint) =>
  click(show!, { threadId, messageId, customId }, user, permissions);

describe('appeals', () => {
  test('the author alone, once; the censor reconsiders in public and the verdict is posted', async () => {
    show = await launch();
    await submitBrief(show, 'a protest march with a sword');
    const thread = await threadOf(show);
    const finale = await finaleIn(show, thread.id);
    const id = `${GUILD}-1`;

    const target = { threadId: thread.id, messageId: finale.id, performanceId: id };
    const stranger = await appeal(show, target, { user: OTHER });
    expect(toldTo(stranger)).toBe('Only the author of a brief may appeal its censorship.');

    const heard = await appeal(show, target, { grounds: 'A protest is a civic right.' });
    const answered = await show.fake.waitFor(() => heard.messages().find((m) => m.content.startsWith('⚖️')), {
      timeoutMs: 10_000,
    });
    expect(answered.content).toBe('⚖️ Your appeal was heard and granted in part. See the thread.');
    const shown = everythingShownIn(show, thread.id);
    expect(shown).toContain('The Content Standards Division is reconsidering this brief on appeal.');
    expect(shown).toMatch(/Appeal granted in part\. Reinstated language has been approved: “.*protest.*”/);
    const stored = await show.store.performances.get(id);
    expect(stored?.appeal?.outcome).toBe('overturned');
    // The redline term comes back on appeal; the weapon does not.
    expect(stored?.appeal?.prompt).toContain('protest');
    expect(JSON.stringify(show.fake.message(finale.id)?.components)).toContain('"label":"Appealed"');

    // The button is now disabled for everyone; the store refuses a second appeal even if one got through.
    expect(JSON.stringify(show.fake.message(finale.id)?.components)).toMatch(
      /"custom_id":"appeal:[^"]+","label":"Appealed","style":4,"disabled":true/,
    );
    await expect(show.bot.ctx.services.director.appeal(id, AUTHOR.id)).rejects.toThrow(
      'This performance has already been appealed. The decision is final.',
    );
  });
});

describe('moderators', () => {
  test('pause and resume intake; members without Manage Server are refused', async () => {
    show = await launch();
    const refused = await runSubcommand(show, 'stage', 'pause', [], OTHER, 0n);
    expect(replyText(refused)).toBe('Only moderators (members with Manage Server) can do that.');
    expect((await show.store.guilds.get(GUILD)).paused).toBe(false);

    const paused = await runSubcommand(show, 'stage', 'pause');
    expect(replyText(paused)).toMatch(/^⏸️ Intake paused/);
    const rejected = await submitBrief(show, 'a quiet sea');
    expect(replyText(rejected)).toBe('The stage is paused by the moderators. Briefs are not being accepted right now.');
    expect(await show.store.performances.listByGuild(GUILD)).toHaveLength(0);

    await runSubcommand(show, 'stage', 'resume');
    const accepted = await submitBrief(show, 'a quiet sea');
    expect(replyText(accepted)).toMatch(/^📨 Brief №1 received/);
    await finaleIn(show, (await threadOf(show)).id);
  });

  test('config sets the engines and refuses a hosted engine without its key', async () => {
    show = await launch();
    const noKey = await runSubcommand(show, 'stage', 'config', [{ name: 'censor_engine', type: 3, value: 'openai' }]);
    expect(replyText(noKey)).toBe(
      'The openai censor needs OPENAI_API_KEY — set it in .env, or choose the lexicon engine.',
    );
    const set = await runSubcommand(show, 'stage', 'config', [
      { name: 'pace', type: 3, value: '0.5' },
      { name: 'review_mode', type: 5, value: true },
      { name: 'cooldown', type: 4, value: 5 },
    ]);
    expect(replyText(set)).toContain('Pace: ×0.5 · Cooldown: 5 s');
    expect(replyText(set)).toContain('Review mode: on');
    expect(await show.store.guilds.get(GUILD)).toMatchObject({ pace: 0.5, reviewMode: true, cooldownSeconds: 5 });
  });

  test('config takes pace auto, and refuses a pace it does not know with one line', async () => {
    show = await launch();
    const auto = await runSubcommand(show, 'stage', 'config', [{ name: 'pace', type: 3, value: 'Auto' }]);
    expect(replyText(auto)).toContain('Pace: auto (quicker as the queue grows) · Cooldown');
    expect((await show.store.guilds.get(GUILD)).pace).toBe('auto');
    for (const value of ['fast', '9', '-1', '']) {
      const refused = await runSubcommand(show, 'stage', 'config', [{ name: 'pace', type: 3, value }]);
      expect(replyText(refused)).toBe('The pace must be a number from 0 to 5, or auto (1 is the default).');
    }
    expect((await show.store.guilds.get(GUILD)).pace).toBe('auto');
  });

  test('review mode: an approved prompt waits for release; veto stops it; release renders it', async () => {
    show = await launch();
    await show.store.guilds.update(GUILD, { reviewMode: true, cooldownSeconds: 0 });
    await submitBrief(show, 'a knight with a sword');
    await submitBrief(show, 'a forest with a gun', { user: OTHER });
    const first = await threadOf(show, 0);
    const second = await threadOf(show, 1);
    const waiting = (threadId: string) =>
      show!.fake.waitFor(
        () => show!.fake.messagesIn(threadId).find((m) => JSON.stringify(m.components).includes('release:')),
        { timeoutMs: 10_000 },
      );
    const desk1 = await waiting(first.id);
    // The moderators decide on the prompt the review message shows: the act's closing frame is edited in there.
    const review = show.fake.messagesIn(first.id)[0];
    expect(review?.embeds[0]?.title).toBe('✅ APPROVED · APPROVED — with amendments.');
    expect(review?.embeds[0]?.description).toContain((await show.store.performances.get(`${GUILD}-1`))?.prompt);
    const desk2 = await waiting(second.id);
    expect(show.fake.messagesIn(first.id).some((m) => m.attachments.length > 0)).toBe(false);

    const notMod = await press(first.id, desk1.id, `release:${GUILD}-1`, OTHER);
    expect(toldTo(notMod)).toBe('Only moderators (members with Manage Server) can do that.');

    await press(second.id, desk2.id, `veto:${GUILD}-2`, MODERATOR, MANAGE_GUILD);
    await press(first.id, desk1.id, `release:${GUILD}-1`, MODERATOR, MANAGE_GUILD);
    await finaleIn(show, first.id);
    await untilStatus(show, 2, 'vetoed');
    expect(everythingShownIn(show, second.id)).toContain(
      'The moderators have vetoed this prompt. No image will be produced.',
    );
    expect(show.fake.messagesIn(second.id).some((m) => m.attachments.length > 0)).toBe(false);
    await untilStatus(show, 1, 'done');
  });

  test('skip ends the act on stage in character and the next one plays', async () => {
    show = await launch({ sleep: stuck });
    await show.store.guilds.update(GUILD, { cooldownSeconds: 0 });
    await submitBrief(show, 'a quiet sea');
    const thread = await threadOf(show);
    await show.fake.waitFor(() => show!.fake.messagesIn(thread.id).length >= 1);
    const skipped = await runSubcommand(show, 'stage', 'skip');
    expect(replyText(skipped)).toBe('⏭️ The act on stage is being deprioritised.');
    await show.fake.waitFor(() =>
      everythingShownIn(show!, thread.id).includes('This performance has been deprioritised by management.'),
    );
    await untilStatus(show, 1, 'skipped');
  });
  test('a brief refused when it comes on stage tells its author in the channel: the reason, no ping, no text', async () => {
    show = await launch({ sleep: stuck });
    await show.store.guilds.update(GUILD, { cooldownSeconds: 0 });
    await submitBrief(show, 'a quiet sea');
    const queued = await submitBrief(show, 'a papaya grove at dusk', { user: OTHER });
    expect(replyText(queued)).toMatch(/You are #2 in the queue\./);
    // A moderator adds a block term while the brief waits its turn.
    await show.store.guilds.update(GUILD, {
      lexicon: {
        add: [
          { term: 'papaya', category: 'corporate', tier: 'block', euphemisms: ['fruit'], reason: 'Exotic Produce 1.1' },
        ],
        remove: [],
      },
    });
    await threadOf(show, 0);
    await runSubcommand(show, 'stage', 'skip');
    await untilStatus(show, 2, 'blocked');
    const told = await show.fake.waitFor(() =>
      show!.fake.messagesIn(STAGE_CHANNEL).find((m) => m.content.includes('⛔ Brief №2')),
    );
    expect(told.content).toBe(
      `<@${OTHER.id}> ⛔ Brief №2 has been refused under Exotic Produce 1.1. It will not be performed, and its text will not be shown.`,
    );
    expect(told.versions[0]?.allowedMentions).toMatchObject({ parse: [] });
    expect(show.fake.threads(STAGE_CHANNEL)).toHaveLength(1);
    expect(JSON.stringify(show.fake.messagesIn(STAGE_CHANNEL))).not.toMatch(/papaya/i);
  });
});

describe('when things go wrong', () => {
  test('a restart in the middle of a show resumes the act in its own thread', async () => {
    show = await launch({ sleep: stuck });
    await submitBrief(show, 'a knight with a sword');
    const thread = await threadOf(show);
    await show.fake.waitFor(() => show!.fake.messagesIn(thread.id).length >= 1);
    await untilStatus(show, 1, 'performing');

    await show.restart();
    const finale = await finaleIn(show, thread.id);
    await untilStatus(show, 1, 'done');
    expect(finale.attachments).toHaveLength(1);
    expect(everythingShownIn(show, thread.id)).toContain('The performance resumes after a brief intermission.');
    expect(show.fake.threads(STAGE_CHANNEL)).toHaveLength(1);
  });

  test('a queued brief survives a restart and is performed after it', async () => {
    show = await launch({ sleep: stuck });
    await show.store.guilds.update(GUILD, { cooldownSeconds: 0 });
    await submitBrief(show, 'a quiet sea');
    await submitBrief(show, 'a city at night', { user: OTHER });
    await threadOf(show, 0);
    await show.restart();
    await finaleIn(show, (await threadOf(show, 0)).id);
    await finaleIn(show, (await threadOf(show, 1)).id);
  });

  test('Discord answering 429 and 500: discord.js waits and retries, and the show completes', async () => {
    show = await launch();
    show.fake.failNext({ method: 'PATCH', path: /\/messages\//, status: 429, retryAfter: 0.05, times: 2 });
    show.fake.failNext({ method: 'POST', path: /\/messages$/, status: 500, times: 1 });
    await submitBrief(show, 'a knight with a sword');
    const finale = await finaleIn(show, (await threadOf(show)).id);
    expect(finale.attachments).toHaveLength(1);
    expect(show.fake.stats.faultsInjected).toBe(3);
  });

  test('Discord failing for good ends the act visibly and the queue moves on', async () => {
    show = await launch();
    await show.store.guilds.update(GUILD, { cooldownSeconds: 0 });
    // Every finale upload fails (discord.js retries a 500 three times, then gives up).
    show.fake.failNext({ method: 'POST', path: /\/messages$/, status: 500, times: 4 });
    await submitBrief(show, 'a quiet sea');
    const broken = await threadOf(show, 0);
    await show.fake.waitFor(async () => (await show!.store.performances.get(`${GUILD}-1`))?.status === 'failed', {
      timeoutMs: 15_000,
    });
    expect(everythingShownIn(show, broken.id)).toContain('unscheduled synergy event');
    await submitBrief(show, 'a city at night', { user: OTHER });
    await finaleIn(show, (await threadOf(show, 1)).id);
  });

  test('the real per-channel edit limit: edits wait for the bucket the headers announce, no 429, every frame lands', async () => {
    show = await launch({ realRateLimits: true });
    await submitBrief(show, 'a knight with a bloody sword in a burning village');
    const thread = await threadOf(show);
    await finaleIn(show, thread.id);
    const review = show.fake.messagesIn(thread.id)[0];
    // The post (scanning) and an edit per strike and per replacement: the approval is the finale's.
    expect(review?.versions.length).toBe(7);
    // Frames are played with no delay here, so only the rate-limit headers hold the edits back.
    const edits = review?.versions.map((v) => v.at.getTime()) ?? [];
    expect(edits.at(-1)! - edits[0]!).toBeGreaterThanOrEqual(4000);
    expect(show.fake.stats.rateLimited).toBe(0);
  }, 30_000);
});
