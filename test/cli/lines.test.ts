import { describe, expect, test } from 'vitest';
import { Utf8Chunks } from '../../src/cli/lines.js';

/** Feeds `pieces` through a Utf8Chunks, flushing where a piece is null; returns the writes it made. */
function chunked(pieces: Array<string | null>): Buffer[] {
  const writes: Buffer[] = [];
  const out = new Utf8Chunks((bytes) => writes.push(Buffer.from(bytes)));
  for (const piece of pieces) {
    if (piece === null) out.flush();
    else out.add(piece);
  }
  out.flush();
  return writes;
}

describe('Utf8Chunks', () => {
  test.each([
    [['a', 'b', 'c']],
    [['café ', '🍆', ' ĳ ', 'Ａ']],
    [['x'.repeat(100_000), 'y'.repeat(100_000), 'z']],
    [['big '.repeat(200_000), 'after']],
    [['', '', 'é'.repeat(90_000)]],
  ])('writes the UTF-8 of what it was given, in order (%#)', (pieces) => {
    expect(Buffer.concat(chunked(pieces)).toString('utf8')).toBe(pieces.join(''));
  });

  test('a flush hands on what was gathered, and nothing when nothing was', () => {
    const writes = chunked(['one ', 'two', null, null, 'three']);
    expect(writes.map((w) => w.toString('utf8'))).toEqual(['one two', 'three']);
  });

  test('each write has a buffer of its own', () => {
    const writes: Uint8Array[] = [];
    const out = new Utf8Chunks((bytes) => writes.push(bytes));
    out.add('first');
    out.flush();
    out.add('later');
    out.flush();
    expect(writes.map((w) => Buffer.from(w).toString('utf8'))).toEqual(['first', 'later']);
  });
});
