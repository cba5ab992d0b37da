import { describe, expect, test } from 'vitest';
import {
  customId,
  frameEmbed,
  parseCustomId,
  segmentsToMarkdown,
  tallyLine,
  truncate,
} from '../../src/discord/format.js';
import type { Frame } from '../../src/services/show/frames-types.js';
import { abortableSleep } from '../../src/services/show/sleep.js';

describe('segmentsToMarkdown', () => {
  test.each([
    [
      'plain markdown in a brief is shown literally',
      [{ kind: 'plain' as const, text: '**bold** _it_ ~~no~~ `code`' }],
      '\\*\\*bold\\*\\* \\_it\\_ \\~\\~no\\~\\~ \\`code\\`',
    ],
    ['a brief cannot close the strike-through early', [{ kind: 'struck' as const, text: 'a~~b' }], '~~a\\~\\~b~~'],
    ['blackout carries only a length', [{ kind: 'blackout' as const, length: 4 }], '████'],
    ['inserted euphemisms are bold', [{ kind: 'inserted' as const, text: 'valued colleague' }], '**valued colleague**'],
    [
      'flagged terms are underlined and bold',
      [{ kind: 'flagged' as const, text: 'sword', tier: 'redline' as const }],
      '__**sword**__',
    ],
  ])('%s', (_name, segments, expected) => {
    expect(segmentsToMarkdown(segments)).toBe(expected);
  });
});

describe('frame embeds stay within Discord limits', () => {
  test('a 1,000-character brief with many citations is truncated, not rejected', () => {
    const frame: Frame = {
      phase: 'approved',
      title: 'APPROVED — with amendments.',
      segments: [{ kind: 'plain', text: 'word '.repeat(900) }],
      notes: Array.from({ length: 40 }, (_, i) => ({
        index: i,
        category: 'corporate' as const,
        tier: 'redline' as const,
        reason: 'Stakeholder Harmony Policy 12.3 — Collective Action',
        label: `union${i} → engagement circle`,
      })),
      prompt: 'p'.repeat(1300),
      delayMs: 0,
    };
    const embed = frameEmbed(frame, 7);
    expect(embed.description?.length).toBeLessThanOrEqual(4096);
    expect(embed.fields?.[0]?.value.length).toBeLessThanOrEqual(1024);
    expect(embed.fields?.[0]?.value.endsWith('…')).toBe(true);
  });

  test.each([
    ['short', 10, 'short'],
    ['a longer text', 8, 'a longe…'],
  ])('truncate(%j, %i)', (text, max, expected) => {
    expect(truncate(text, max)).toBe(expected);
  });
});

describe('custom ids and tallies', () => {
  test('custom ids round-trip and stay within Discord’s 100 characters', () => {
    const id = customId('vote', '100000000000000001-123456', 'original');
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parseCustomId(id)).toEqual({ kind: 'vote', performanceId: '100000000000000001-123456', arg: 'original' });
    expect(parseCustomId('unknown:1')).toBeUndefined();
  });

  test.each([
    [{ original: 0, censored: 0 }, 'No votes yet. Which version do you side with?'],
    [{ original: 2, censored: 1 }, 'Original 2 · Censored 1 — 67% side with the original'],
  ])('tally %j', (tally, line) => {
    expect(tallyLine(tally)).toBe(line);
  });
});

describe('abortableSleep', () => {
  test('rejects at once when the act was already stopped', async () => {
    const controller = new AbortController();
    controller.abort('shutdown');
    await expect(abortableSleep(60_000, controller.signal)).rejects.toBe('shutdown');
  });

  test('rejects when stopped while waiting', async () => {
    const controller = new AbortController();
    const waiting = abortableSleep(60_000, controller.signal);
    controller.abort('skip');
    await expect(waiting).rejects.toBe('skip');
  });
});
