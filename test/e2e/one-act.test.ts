import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { scriptFor } from '../../src/services/script/voices.js';
import { cli } from '../cli/helpers.js';
import {
  appeal,
  everythingShownIn,
  finaleIn,
  GUILD,
  replyText,
  runSubcommand,
  submitBrief,
  threadOf,
  untilStatus,
  useShows,
} from './harness.js';

const launch = useShows();

/** The frames the terminal printed: badge-less titles and the citations under them. */
function terminalFrames(stdout: string) {
  return stdout
    .split(/\n(?=\[ [A-Z ]+\] )/)
    .filter((block) => block.startsWith('['))
    .map((block) => ({
      title: block.split('\n')[0]?.replace(/^\[[^\]]+\] /, ''),
      citations: block.match(/^ {2}§ .+$/gm)?.map((line) => line.trim().split(' — ')[0]) ?? [],
    }));
}

describe('one act, many presenters', () => {
  test('the same brief plays the same frames in a Discord thread and in the terminal', async () => {
    const brief = 'a knight with a bloody sword at a protest, watercolour';
    const style = 'grainy film, guns';
    const out = await mkdtemp(path.join(tmpdir(), 'ct-one-act-'));
    try {
      const rehearsal = await cli(['rehearse', brief, '--style', style, '--out', out]);
      expect(rehearsal.code).toBe(0);

      const show = await launch();
      await submitBrief(show, brief, { style });
      const thread = await threadOf(show);
      const finale = await finaleIn(show, thread.id);
      await untilStatus(show, 1, 'done');
      const review = show.fake.messagesIn(thread.id)[0];
      const discordFrames = (review?.versions ?? []).map((version) => ({
        title: version.embeds[0]?.title?.split(' · ').slice(1).join(' · '),
        citations:
          version.embeds[0]?.fields?.[0]?.value
            .split('\n')
            .map((line) => line.replace(/\\/g, '').split(' — ')[0] ?? '') ?? [],
      }));

      const terminal = terminalFrames(rehearsal.stdout);
      expect(terminal.length).toBeGreaterThan(4);
      // Discord shows the received frame as its first post's header, every frame after it as an edit, and leaves
      // the approval to the finale, which shows the same prompt.
      expect(discordFrames).toEqual(terminal.slice(1, -1));
      expect(review?.content.split('\n')[0]?.endsWith(` · ${terminal[0]?.title}`)).toBe(true);
      expect(finale.embeds[0]?.description).toBe(`✅ APPROVED · ${terminal.at(-1)?.title}`);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  test('a guild that chose the Ministry voice hears it everywhere: thread, frames, finale, hearing, terminal', async () => {
    const brief = 'a knight with a bloody sword at a protest, watercolour';
    const out = await mkdtemp(path.join(tmpdir(), 'ct-one-act-'));
    const corporate = scriptFor('corporate');
    const ministry = scriptFor('ministry');
    try {
      const rehearsal = await cli(['rehearse', brief, '--voice', 'ministry', '--out', out]);
      expect(rehearsal.code).toBe(0);
      expect(rehearsal.stdout).toContain('Ministry of Acceptable Imagery — Application №1');
      expect(rehearsal.stdout).toContain(`[ ${ministry.badges.marking.padEnd(10)} ]`);

      const show = await launch();
      const set = await runSubcommand(show, 'stage', 'config', [{ name: 'voice', type: 3, value: 'ministry' }]);
      expect(replyText(set)).toContain('Voice: ministry');
      const submitted = await submitBrief(show, brief);
      expect(replyText(submitted)).toContain('Application №1 filed.');
      const thread = await threadOf(show);
      expect(thread.name).toBe('Application №1 · Desk 4');
      const finale = await finaleIn(show, thread.id);
      await untilStatus(show, 1, 'done');
      expect(finale.embeds[0]?.title).toBe('🎬 Application №1 — Certified Copy');
      const buttons = JSON.stringify(finale.components);
      for (const label of ['As filed (0)', 'As stamped (0)', 'File Form 9-A', 'Strike from register (mods)'])
        expect(buttons).toContain(`"label":"${label}"`);

      const review = show.fake.messagesIn(thread.id)[0];
      const titles = (review?.versions ?? []).map((v) => v.embeds[0]?.title ?? '');
      expect(review?.content).toContain(`**Application №1** `);
      expect(review?.content.split('\n')[0]?.endsWith(` · ${ministry.frames.received}`)).toBe(true);
      expect(titles[0]).toMatch(/^🔍 /);
      expect(finale.embeds[0]?.description).toBe(`✅ STAMPED · ${ministry.frames.approvedAmended}`);
      // The terminal and Discord played the same frames in the same voice (Discord's first and last: see above).
      expect(titles.map((t) => t.split(' · ').slice(1).join(' · '))).toEqual(
        terminalFrames(rehearsal.stdout)
          .slice(1, -1)
          .map((f) => f.title),
      );

      const performanceId = `${GUILD}-1`;
      const target = { threadId: thread.id, messageId: finale.id, performanceId };
      const heard = await appeal(show, target, {
        grounds: 'it is a costume',
        customId: `appeal:${performanceId}:ministry`,
      });
      expect([ministry.replies.appealUpheld, ministry.replies.appealOverturned]).toContain(replyText(heard));
      await show.fake.waitFor(() => everythingShownIn(show, thread.id).includes('Tribunal of Acceptable Imagery'), {
        timeoutMs: 10_000,
        description: 'the Tribunal’s verdict',
      });
      const shown = everythingShownIn(show, thread.id);
      expect(shown).toContain(ministry.hearing.reconsidering);
      // Not one line of the corporate voice slipped through (lines with placeholders checked up to the first one).
      for (const line of [corporate.frames.received, corporate.discord.frameFooter, corporate.hearing.reconsidering])
        expect(shown).not.toContain(line.split('{')[0]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
