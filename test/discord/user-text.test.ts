import { describe, expect, test } from 'vitest';
import { altText, inert, MAX_CONTENT, segmentsToMarkdown, userMarkdown } from '../../src/discord/user-text.js';

describe('links in user text are shown inert', () => {
  test.each([
    ['a bare link', 'see https://evil.example/x', 'see https[:]//evil.example/x'],
    ['a masked link', '[free nitro](https://evil.example)', '[free nitro](https[:]//evil.example)'],
    ['an angle-bracket link', '<http://a.example>', '<http[:]//a.example>'],
    ['an invite without a scheme', 'join discord.gg/abc', 'join discord[.]gg/abc'],
    ['an invite with a scheme', 'https://discord.com/invite/abc', 'https[:]//discord[.]com/invite/abc'],
    ['the old invite host', 'discordapp.com/invite/x', 'discordapp[.]com/invite/x'],
    ['a steam link', 'steam://run/1', 'steam[:]//run/1'],
    ['ordinary words stay', 'a discord of colours at 3:30', 'a discord of colours at 3:30'],
  ])('%s', (_name, text, expected) => {
    expect(inert(text)).toBe(expected);
  });

  test('no markdown link survives escaping', () => {
    expect(userMarkdown('[x](https://e.example)')).not.toMatch(/\]\(https:\/\//);
  });
});

describe('a message built from a brief stays within 2,000 characters after escaping', () => {
  test.each([
    ['markdown-heavy text that doubles when escaped', '*_'.repeat(700)],
    ['long plain text', 'a quiet sea '.repeat(200)],
    ['links everywhere', 'https://x.example '.repeat(100)],
  ])('%s', (_name, text) => {
    const head = '📨 **Brief №1** from <@1>\n>>> ';
    const body = segmentsToMarkdown(
      [
        { kind: 'plain', text },
        { kind: 'blackout', length: 5 },
        { kind: 'plain', text },
      ],
      MAX_CONTENT - head.length,
    );
    expect(head.length + body.length).toBeLessThanOrEqual(MAX_CONTENT);
    expect(body.endsWith('…')).toBe(true);
    // Never cut inside an escape: the text before the ellipsis does not end in a lone backslash.
    expect(body.slice(0, -1)).not.toMatch(/(^|[^\\])(\\\\)*\\$/);
  });

  test('text that fits is left whole', () => {
    expect(segmentsToMarkdown([{ kind: 'plain', text: 'a quiet sea' }], 20)).toBe('a quiet sea');
  });
});

describe('alt text', () => {
  test('blackout is read as [redacted], not as bar glyphs', () => {
    expect(altText('Original', 'a █████ knight with a ███ sword')).toBe(
      'Original: a [redacted] knight with a [redacted] sword',
    );
  });

  test('is cut to Discord’s attachment description limit', () => {
    expect(altText('Poster', 'word '.repeat(400)).length).toBeLessThanOrEqual(1000);
  });
});
