import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from '../cli/helpers.js';
import { finaleIn, submitBrief, threadOf, untilStatus, useShows } from './harness.js';

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
      await finaleIn(show, thread.id);
      await untilStatus(show, 1, 'done');
      const review = show.fake.messagesIn(thread.id)[1];
      const discordFrames = (review?.versions ?? []).map((version) => ({
        title: version.embeds[0]?.title?.split(' · ').slice(1).join(' · '),
        citations:
          version.embeds[0]?.fields?.[0]?.value
            .split('\n')
            .map((line) => line.replace(/\\/g, '').split(' — ')[0] ?? '') ?? [],
      }));

      const terminal = terminalFrames(rehearsal.stdout);
      expect(terminal.length).toBeGreaterThan(4);
      expect(discordFrames).toEqual(terminal);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
