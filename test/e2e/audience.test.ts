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

async function performed(text: string, user = AUTHOR) {
  const index = show!.fake.threads(STAGE_CHANNEL).length;
  await submitBrief(show!, text, { user });
  const thread = await threadOf(show!, index);
  const finale = await finaleIn(show!, thread.id);
  // The finale is posted a moment before the record says `done`.
  await untilStatus(show!, index + 1, 'done');
  return { thread, finale };
}

describe('limits members meet', () => {
  test('the cooldown between a member’s briefs', async () => {
    show = await launch();
    await submitBrief(show, 'a quiet sea');
    const again = await submitBrief(show, 'a quiet lake');
    const wait = /^The Content Standards Division needs a moment\. You can submit again in (\d+) s\.$/.exec(
      replyText(again),
    );
    // 30 s from the first brief, less however long the second took to arrive.
    expect(Number(wait?.[1])).toBeGreaterThanOrEqual(20);
    expect(Number(wait?.[1])).toBeLessThanOrEqual(30);
  });

  test('caps on queued briefs per member and per server', async () => {
    show = await launch({ sleep: stuck });
    await show.store.guilds.update(GUILD, { cooldownSeconds: 0, maxQueuedPerUser: 2, maxQueuedPerGuild: 3 });
    await submitBrief(show, 'a quiet sea');
    await submitBrief(show, 'a quiet lake');
    const third = await submitBrief(show, 'a quiet pond');
    expect(replyText(third)).toBe('You already have 2 briefs in the queue; wait for them to be performed.');
    await submitBrief(show, 'a city at night', { user: OTHER });
    const full = await submitBrief(show, 'a forest', { user: MODERATOR });
    expect(replyText(full)).toBe('The queue is full (3 briefs). Please try again after a few performances.');
    expect(await show.store.performances.listByGuild(GUILD)).toHaveLength(3);
  });
});

describe('the audience’s record', () => {
  test('/results ranks performances by how often the audience sided with the original; withdrawn ones leave it', async () => {
    show = await launch();
    await show.store.guilds.update(GUILD, { cooldownSeconds: 0, maxQueuedPerUser: 5 });
    const first = await performed('a knight with a sword');
    const second = await performed('a protest in the rain');
    const third = await performed('a union meeting');
    await press(first.thread.id, first.finale.id, `vote:${GUILD}-1:censored`, OTHER);
    await press(second.thread.id, second.finale.id, `vote:${GUILD}-2:original`, OTHER);
    await press(second.thread.id, second.finale.id, `vote:${GUILD}-2:original`, MODERATOR);
    await press(third.thread.id, third.finale.id, `vote:${GUILD}-3:original`, OTHER);

    const refused = await press(third.thread.id, third.finale.id, `remove:${GUILD}-3`, OTHER);
    expect(toldTo(refused)).toBe('Only moderators (members with Manage Server) can do that.');
    const removal = await press(third.thread.id, third.finale.id, `remove:${GUILD}-3`, MODERATOR, MANAGE_GUILD);
    expect(toldTo(removal)).toBe('Performance №3 has been withdrawn: its messages are removed and its thread closed.');
    await untilStatus(show, 3, 'removed');
    // Every message of the act is gone (masked brief, review, finale with its image) and the thread is closed.
    const left = show.fake.messagesIn(third.thread.id).filter((m) => !m.deletedAt && !m.ephemeral);
    expect(left).toHaveLength(0);
    expect(show.fake.message(third.finale.id)?.deletedAt).toBeTruthy();
    const closed = show.fake.threads(STAGE_CHANNEL)[2];
    expect(closed?.thread_metadata).toMatchObject({ archived: true, locked: true });
    // The record keeps the brief for the moderators.
    expect((await show.store.performances.get(`${GUILD}-3`))?.brief).toBe('a union meeting');

    const results = await show.fake.slashCommand({
      guildId: GUILD,
      channelId: STAGE_CHANNEL,
      user: OTHER,
      name: 'results',
    });
    await results.response();
    // The verdict is a public followup; the private "thinking…" reply is removed.
    const verdict = await show.fake.waitFor(() => results.followups()[0]);
    expect(verdict.flags & 64).toBe(0);
    const embed = verdict.embeds[0] as { description: string; fields: { value: string }[] };
    expect(embed?.description.split('\n')).toEqual([
      '1. Performance №2 — 100% for the original (2–0)',
      '2. Performance №1 — 0% for the original (0–1)',
    ]);
    expect(embed?.fields[0]?.value).toBe('Original 2 · Censored 1 — 67% of votes side with the original');
  });

  test('/results with no votes answers privately', async () => {
    show = await launch();
    const results = await show.fake.slashCommand({
      guildId: GUILD,
      channelId: STAGE_CHANNEL,
      user: OTHER,
      name: 'results',
    });
    await results.response();
    const reply = await results.settled();
    expect(reply.content).toBe('No votes have been cast yet. The audience has not spoken.');
    expect(reply.flags & 64).toBe(64);
    expect(results.followups()).toHaveLength(0);
  });

  test('/show posts a past performance again, the same poster and working buttons', async () => {
    show = await launch();
    const { finale } = await performed('a knight with a sword');
    const reposted = await show.fake.slashCommand({
      guildId: GUILD,
      channelId: STAGE_CHANNEL,
      user: OTHER,
      name: 'show',
      options: [{ name: 'id', type: 3, value: '1' }],
    });
    await reposted.response();
    const message = await show.fake.waitFor(() => {
      const original = reposted.original();
      return original?.attachments.length ? original : undefined;
    });
    expect(message.attachments[0]?.bytes).toEqual(finale.attachments[0]?.bytes);
    const vote = await press(STAGE_CHANNEL, message.id, `vote:${GUILD}-1:original`, OTHER);
    expect(vote.callback?.type).toBe(6);
    expect(await show.store.votes.tally(`${GUILD}-1`)).toEqual({ original: 1, censored: 0 });

    const missing = await show.fake.slashCommand({
      guildId: GUILD,
      channelId: STAGE_CHANNEL,
      user: OTHER,
      name: 'show',
      options: [{ name: 'id', type: 3, value: '99' }],
    });
    // Acknowledged at once (deferred), then taken back: the refusal is private.
    expect((await missing.response()).type).toBe(5);
    const refusal = await show.fake.waitFor(() => missing.followups()[0]);
    expect(refusal.content).toBe('There is no performance 99 on record in this server.');
    expect(refusal.flags & 64).toBe(64);
    expect(missing.original()?.deletedAt).toBeDefined();
  });
});

describe('moderators', () => {
  test('/lexicon add, list and remove take effect at once', async () => {
    show = await launch();
    await show.store.guilds.update(GUILD, { cooldownSeconds: 0 });
    const added = await runSubcommand(show, 'lexicon', 'add', [
      { name: 'term', type: 3, value: 'Pineapple' },
      { name: 'tier', type: 3, value: 'redline' },
      { name: 'euphemism', type: 3, value: 'approved tropical asset' },
      { name: 'reason', type: 3, value: 'House Rule 1.1 — Pizza' },
    ]);
    expect(replyText(added)).toBe(
      '📚 `pineapple` is now redline here, replaced by “approved tropical asset”. Effective at once.',
    );
    const switchedOff = await runSubcommand(show, 'lexicon', 'remove', [{ name: 'term', type: 3, value: 'sword' }]);
    expect(replyText(switchedOff)).toBe('📚 The built-in term `sword` is switched off in this server.');
    const listed = await runSubcommand(show, 'lexicon', 'list');
    expect(replyText(listed)).toContain('• `pineapple` (redline, corporate) → approved tropical asset');
    expect(replyText(listed)).toContain('**Switched off here (1)**\n• `sword`');

    const { finale } = await performed('a knight with a sword eating pineapples');
    expect(finale.embeds[0]?.fields?.[1]?.value).toMatch(/^a knight with a sword eating approved tropical assets,/);
    const unknown = await runSubcommand(show, 'lexicon', 'remove', [{ name: 'term', type: 3, value: 'teapot' }]);
    expect(replyText(unknown)).toBe('`teapot` is not in the lexicon.');
  });

  test('render the original too: both images stand side by side', async () => {
    show = await launch();
    await show.store.guilds.update(GUILD, { renderOriginal: true });
    const { finale } = await performed('a knight with a sword');
    expect(finale.attachments.map((a) => a.filename)).toEqual(['performance-1.png', 'performance-1-original.png']);
    expect(finale.embeds.map((e) => e.image?.url)).toEqual([
      'attachment://performance-1.png',
      'attachment://performance-1-original.png',
    ]);
    expect(finale.attachments[0]?.bytes.equals(finale.attachments[1]?.bytes ?? Buffer.alloc(0))).toBe(false);
  });

  test('review mode appeals wait for the moderators; a denial is posted in the thread', async () => {
    show = await launch();
    await show.store.guilds.update(GUILD, { reviewMode: true });
    await submitBrief(show, 'a protest with a sword');
    const thread = await threadOf(show);
    const desk = await show.fake.waitFor(() =>
      show!.fake.messagesIn(thread.id).find((m) => JSON.stringify(m.components).includes('release:')),
    );
    await press(thread.id, desk.id, `release:${GUILD}-1`, MODERATOR, MANAGE_GUILD);
    const finale = await finaleIn(show, thread.id);
    await untilStatus(show, 1, 'done');
    const lodged = await appeal(show, { threadId: thread.id, messageId: finale.id, performanceId: `${GUILD}-1` });
    expect(toldTo(lodged)).toBe('⚖️ Your appeal has been lodged. The moderators will decide.');
    const decision = await show.fake.waitFor(() =>
      show!.fake.messagesIn(thread.id).find((m) => JSON.stringify(m.components).includes('deny:')),
    );
    await press(thread.id, decision.id, `deny:${GUILD}-1`, MODERATOR, MANAGE_GUILD);
    await show.fake.waitFor(() => everythingShownIn(show!, thread.id).includes('Appeal denied by the moderators.'));
    expect((await show.store.performances.get(`${GUILD}-1`))?.appeal?.outcome).toBe('upheld');
  });
});
