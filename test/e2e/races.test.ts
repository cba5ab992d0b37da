import { describe, expect, test } from 'vitest';
import { finaleButtons } from '../../src/discord/format.js';
import type { Performance } from '../../src/services/store/index.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import {
  appeal,
  click,
  finaleIn,
  GUILD,
  MANAGE_GUILD,
  MODERATOR,
  MODLOG_CHANNEL,
  type Show,
  STAGE_CHANNEL,
  submitBrief,
  threadOf,
  toldTo,
  untilStatus,
  useShows,
} from './harness.js';

/** Ten racing clicks of each button pair: one outcome, the other nine told so. */
const launch = useShows();
const CLICKS = 10;

const deskIn = (show: Show, threadId: string, kind: string) =>
  show.fake.waitFor(
    () => show.fake.messagesIn(threadId).find((m) => JSON.stringify(m.components).includes(`${kind}:`)),
    { timeoutMs: 10_000, description: `the ${kind} buttons` },
  );

describe('racing clicks', () => {
  test('release and veto at once: one decision, one finale at most, nine told it came too late', async () => {
    const show = await launch();
    await show.store.guilds.update(GUILD, { reviewMode: true });
    await submitBrief(show, 'a knight with a sword');
    const thread = await threadOf(show);
    const desk = await deskIn(show, thread.id, 'release');
    await untilStatus(show, 1, 'awaiting-release');
    const clicks = await Promise.all(
      Array.from({ length: CLICKS }, (_, i) =>
        click(
          show,
          { threadId: thread.id, messageId: desk.id, customId: `${i % 2 ? 'veto' : 'release'}:${GUILD}-1` },
          MODERATOR,
          MANAGE_GUILD,
        ),
      ),
    );
    // Every click was acknowledged (deferred update) before the store was asked anything.
    expect(clicks.every((c) => c.callback?.type === 6)).toBe(true);
    const losers = clicks.filter((c) => toldTo(c).includes('no longer awaiting release'));
    expect(losers).toHaveLength(CLICKS - 1);
    const performance = await show.fake.waitFor(async () => {
      const p = await show.store.performances.get(`${GUILD}-1`);
      return p && (p.status === 'done' || p.status === 'vetoed') ? p : undefined;
    });
    if (!performance) throw new Error('no decision');
    const shown = show.fake.message(desk.id)?.versions.at(-1)?.embeds[0]?.description ?? '';
    const finales = () => show.fake.messagesIn(thread.id).filter((m) => JSON.stringify(m.components).includes('vote:'));
    if (performance.status === 'vetoed') {
      expect(shown).toContain('Vetoed by');
      expect(finales()).toHaveLength(0);
    } else {
      expect(shown).toContain('Released by');
      await finaleIn(show, thread.id);
      expect(finales()).toHaveLength(1);
    }
  });

  test('ten appeals at once: one hearing; grant and deny at once: one decision', async () => {
    const show = await launch();
    await show.store.guilds.update(GUILD, { reviewMode: false });
    await submitBrief(show, 'a knight with a sword and a gun');
    const thread = await threadOf(show);
    const finale = await finaleIn(show, thread.id);
    await untilStatus(show, 1, 'done');
    // Review mode for the appeal: it waits at the moderators' desk, where grant and deny race.
    await show.store.guilds.update(GUILD, { reviewMode: true });
    const target = { threadId: thread.id, messageId: finale.id, performanceId: `${GUILD}-1` };
    const appeals = await Promise.all(Array.from({ length: CLICKS }, () => appeal(show, target)));
    expect(appeals.filter((a) => toldTo(a).includes('already been appealed'))).toHaveLength(CLICKS - 1);
    expect(appeals.filter((a) => toldTo(a).includes('has been lodged'))).toHaveLength(1);
    const desk = await deskIn(show, thread.id, 'grant');
    expect(show.fake.messagesIn(thread.id).filter((m) => JSON.stringify(m.components).includes('grant:'))).toHaveLength(
      1,
    );

    const decisions = await Promise.all(
      Array.from({ length: CLICKS }, (_, i) =>
        click(
          show,
          { threadId: thread.id, messageId: desk.id, customId: `${i % 2 ? 'deny' : 'grant'}:${GUILD}-1` },
          MODERATOR,
          MANAGE_GUILD,
        ),
      ),
    );
    expect(decisions.filter((d) => toldTo(d).includes('no pending appeal'))).toHaveLength(CLICKS - 1);
    const decided = await show.fake.waitFor(async () => {
      const outcome = (await show.store.performances.get(`${GUILD}-1`))?.appeal?.outcome;
      return outcome && outcome !== 'pending' ? outcome : undefined;
    });
    expect(['upheld', 'overturned']).toContain(decided);
  });

  test('a forged click from another guild is refused and changes nothing', async () => {
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
        { id: '100000000000000009', name: 'Elsewhere', channels: [{ id: '200000000000000009', name: 'elsewhere' }] },
      ],
      editLimit: { count: 100, windowMs: 1000 },
      createLimit: { count: 100, windowMs: 1000 },
    });
    const show = await launch({ fake });
    await submitBrief(show, 'a quiet sea');
    const thread = await threadOf(show);
    await finaleIn(show, thread.id);
    await untilStatus(show, 1, 'done');
    // The bot's own message in the other guild carrying this guild's button (a repost, a forged custom id).
    const elsewhere = await show.bot.client.channels.fetch('200000000000000009');
    if (!elsewhere?.isSendable()) throw new Error('no channel in the other guild');
    const carrier = await elsewhere.send({
      content: 'a repost',
      components: finaleButtons((await show.store.performances.get(`${GUILD}-1`)) as Performance, {
        original: 0,
        censored: 0,
      }),
    });
    const forged = await fake.clickButton({
      guildId: '100000000000000009',
      channelId: '200000000000000009',
      messageId: carrier.id,
      customId: `remove:${GUILD}-1`,
      user: MODERATOR,
      permissions: MANAGE_GUILD,
    });
    await forged.response();
    await fake.waitFor(() => toldTo(forged));
    expect(toldTo(forged)).toBe('That button belongs to another server’s show.');
    expect((await show.store.performances.get(`${GUILD}-1`))?.status).toBe('done');
  });
});
