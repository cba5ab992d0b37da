import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import type { Frame } from '../../../src/services/show/frames-types.js';
import { playInTerminal, renderFrameLines } from '../../../src/services/show/presenters/terminal.js';

const frame: Frame = {
  phase: 'marking',
  title: 'Brand Safety Guideline 4.2 — Weapons',
  segments: [
    { kind: 'plain', text: 'a knight with a ' },
    { kind: 'struck', text: 'sword' },
    { kind: 'plain', text: ' and a ' },
    { kind: 'blackout', length: 4 },
    { kind: 'plain', text: ' horse' },
  ],
  notes: [
    {
      index: 0,
      category: 'weapons',
      tier: 'redline',
      reason: 'Brand Safety Guideline 4.2 — Weapons',
      label: 'sword → ceremonial implement',
    },
  ],
  delayMs: 1400,
};

function collect(stream: PassThrough): () => string {
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString()));
  return () => chunks.join('');
}

describe('terminal presenter', () => {
  test('plain output marks strikes and blackouts without escape codes', () => {
    const lines = renderFrameLines(frame, { color: false, width: 80 });
    expect(lines[0]).toBe('[ REDLINE  ] Brand Safety Guideline 4.2 — Weapons');
    expect(lines).toContain('    a knight with a ~~sword~~ and a ████ horse');
    expect(lines.join('\n')).not.toContain('\u001b');
  });

  test('colour output strikes through with ANSI', () => {
    expect(renderFrameLines(frame, { color: true, width: 80 }).join('\n')).toContain(
      '\u001b[31m\u001b[9msword\u001b[0m',
    );
  });

  test('wraps long briefs to the width', () => {
    const long: Frame = { ...frame, segments: [{ kind: 'plain', text: 'word '.repeat(60).trim() }], notes: [] };
    for (const line of renderFrameLines(long, { color: false, width: 50 })) expect(line.length).toBeLessThanOrEqual(50);
  });

  test('animated play redraws in place and waits each frame out', async () => {
    const out = new PassThrough();
    const read = collect(out);
    const waits: number[] = [];
    await playInTerminal([frame, { ...frame, delayMs: 0 }], {
      out,
      animate: true,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(waits).toEqual([1400]);
    expect(read()).toMatch(/\u001b\[\d+A\u001b\[J/);
  });

  test('plain play prints every frame once and never waits', async () => {
    const out = new PassThrough();
    const read = collect(out);
    await playInTerminal([frame, frame], {
      out,
      animate: false,
      sleep: async () => {
        throw new Error('must not wait');
      },
    });
    expect(read().match(/REDLINE/g)).toHaveLength(2);
  });
});
