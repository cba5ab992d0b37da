import { MessageFlags } from 'discord.js';
import { describe, expect, test } from 'vitest';
import {
  AUTHOR,
  everythingShownIn,
  finaleIn,
  GUILD,
  MODERATOR,
  OTHER,
  replyFlags,
  replyText,
  type Show,
  STAGE_CHANNEL,
  submitBrief,
  threadOf,
  untilStatus,
  useShows,
} from './harness.js';

const launch = useShows();
let show: Show | undefined;

describe('a whole performance through the real discord.js client', () => {
  test('/brief → thread → frames → image → vote → tally', async () => {
    show = await launch();
    const submitted = await submitBrief(show, 'a knight with a bloody sword in a burning village, @everyone look');
    expect(replyText(submitted)).toMatch(/^📨 Brief №1 received\. You are next on stage\./);
    expect(replyFlags(submitted) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);

    const thread = await threadOf(show);
    expect(thread.name).toBe('Performance №1 · Compliance Review');
    const finale = await finaleIn(show, thread.id);
    const messages = show.fake.messagesIn(thread.id);
    // Two messages: the review (the brief as received above its frames), then the finale.
    expect(messages.map((m) => m.id)).toEqual([messages[0]?.id, finale.id]);
    const [review] = messages;
    expect(review?.content).toContain('a knight with a bloody sword');
    expect(review?.content).toContain(`<@${AUTHOR.id}>`);
    expect(review?.content).toContain('Brief received. Forwarding to the Content Standards Division.');

    // The review message was edited frame by frame: scanning, then a mark and an amendment per change, each shown.
    const titles = review?.versions.map((v) => v.embeds[0]?.title ?? '') ?? [];
    expect(titles[0]).toBe('🔍 SCANNING · Scanning… 3 concerns found.');
    expect(titles.slice(1).map((t) => t.split(' ')[1])).toEqual(Array(3).fill(['REDLINE', 'AMENDING']).flat());
    const struck = review?.versions.findIndex((v) => v.embeds[0]?.description?.includes('~~sword~~')) ?? -1;
    expect(struck).toBeGreaterThan(0);
    expect(review?.versions[struck + 1]?.embeds[0]?.description).not.toContain('sword');

    // The finale: the approval stamp, both versions side by side, the poster attached, buttons.
    const [embed] = finale.embeds;
    expect(embed?.description).toBe('✅ APPROVED · APPROVED — with amendments.');
    expect(embed?.url).toBe(`https://discord.com/channels/${GUILD}/${thread.id}`);
    expect(embed?.fields?.map((f) => f.name)).toEqual(['Original brief', 'Approved prompt', 'Audience verdict']);
    expect(embed?.fields?.[1]?.value).not.toMatch(/sword|bloody|burning/);
    expect(finale.attachments[0]?.filename).toBe('performance-1.png');
    expect(finale.attachments[0]?.bytes.subarray(1, 4).toString()).toBe('PNG');

    // Nobody is pinged, whatever the brief says.
    for (const message of messages) {
      for (const version of message.versions) expect(version.allowedMentions).toMatchObject({ parse: [] });
    }

    const vote = async (user: typeof AUTHOR, side: string) => {
      const click = await show!.fake.clickButton({
        guildId: GUILD,
        channelId: thread.id,
        messageId: finale.id,
        customId: `vote:${GUILD}-1:${side}`,
        user,
      });
      await click.response();
    };
    await vote(OTHER, 'original');
    await vote(AUTHOR, 'censored');
    await vote(MODERATOR, 'original');
    await vote(AUTHOR, 'original'); // a changed vote moves, it does not add
    const final = 'Original 3 · Censored 0 — 100% side with the original';
    const tallied = await show.fake.waitFor(
      () => {
        const message = show!.fake.message(finale.id);
        return message?.embeds[0]?.fields?.[2]?.value === final ? message : undefined;
        // Votes on one message are counted in turn, one edit each; a loaded machine needs more than the default 5 s.
      },
      { timeoutMs: 15_000, description: 'the final tally' },
    );
    expect(tallied.edits).toBe(4);
    const labels = JSON.stringify(tallied?.components);
    expect(labels).toContain('Original (3)');
    expect(labels).toContain('Censored (0)');
    expect(await show.store.votes.tally(`${GUILD}-1`)).toEqual({ original: 3, censored: 0 });
    await untilStatus(show, 1, 'done');
  });

  test('blackout words are never shown, in the brief, the frames, the citations or the finale', async () => {
    show = await launch();
    await submitBrief(show, 'a portrait of a whore in a shitty motel');
    const thread = await threadOf(show);
    await finaleIn(show, thread.id);
    const shown = everythingShownIn(show, thread.id);
    expect(shown).toContain('█');
    expect(shown).not.toMatch(/whore|shitty/i);
  });

  test('a blocked brief: an ephemeral refusal with the policy reason, a mod-log record, nothing public', async () => {
    show = await launch();
    await show.store.guilds.update(GUILD, { modLogChannelId: '200000000000000002' });
    const submitted = await submitBrief(show, 'a snuff film poster');
    expect(replyFlags(submitted) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(replyText(submitted)).toMatch(/^⛔ Brief №1 has been refused under .+\. It will not be performed/);
    const record = await show.fake.waitFor(() => show!.fake.messagesIn('200000000000000002')[0], {
      description: 'mod-log record',
    });
    expect(record.content).toMatch(/⛔ Refused brief №1 from <@300000000000000001>/);
    expect(record.content).not.toContain('snuff');
    expect(show.fake.threads(STAGE_CHANNEL)).toHaveLength(0);
    expect(
      show.fake
        .messagesIn(STAGE_CHANNEL)
        .map((m) => m.content)
        .join(),
    ).not.toContain('snuff');
    await untilStatus(show, 1, 'blocked');
  });

  test('acts queue one at a time per guild and members are told their place', async () => {
    show = await launch();
    await show.store.guilds.update(GUILD, { cooldownSeconds: 0 });
    const first = await submitBrief(show, 'a quiet sea at dawn');
    const second = await submitBrief(show, 'a city with a gun shop', { user: OTHER });
    expect(replyText(first)).toContain('You are next on stage.');
    expect(replyText(second)).toMatch(/You are #2 in the queue\./);
    const threadA = await threadOf(show, 0);
    const threadB = await threadOf(show, 1);
    const finaleA = await finaleIn(show, threadA.id);
    await finaleIn(show, threadB.id);
    const firstOfB = show.fake.messagesIn(threadB.id)[0];
    expect(firstOfB?.createdAt.getTime()).toBeGreaterThanOrEqual(finaleA.createdAt.getTime());
  });
});
