import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fill, loadScript, placeholdersOf, scriptFor, VOICES } from '../../../src/services/script/voices.js';
import { buildFrames } from '../../../src/services/show/frames.js';

/** Every line of a script as [key path, text], walked from the data itself, not from the schema. */
function linesOf(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    linesOf(value, prefix ? `${prefix}.${key}` : key),
  );
}

const corporate = linesOf(scriptFor('corporate'));

describe('the voices', () => {
  test.each(VOICES)('%s defines every line the corporate voice does, with the same placeholders', (voice) => {
    const lines = new Map(linesOf(scriptFor(voice)));
    expect([...lines.keys()].sort()).toEqual(corporate.map(([key]) => key).sort());
    for (const [key, text] of corporate) {
      if (key === 'name') continue;
      expect({ key, placeholders: placeholdersOf(lines.get(key) ?? '') }).toEqual({
        key,
        placeholders: placeholdersOf(text),
      });
      expect(lines.get(key)?.trim().length, key).toBeGreaterThan(0);
    }
  });

  test('the second voice is really a second voice: no line but the shared punctuation is the corporate one', () => {
    const ministry = new Map(linesOf(scriptFor('ministry')));
    const same = corporate.filter(([key, text]) => key !== 'name' && ministry.get(key) === text && text.length > 12);
    expect(same).toEqual([]);
  });

  test.each(VOICES)('%s plays an act: titles in its own words, a blackout term never shown', (voice) => {
    const script = scriptFor(voice);
    const brief = 'a nude figure holding a gun';
    const changes = [
      { start: 2, end: 6, from: 'nude', to: 'tastefully draped', category: 'nudity', tier: 'blackout', reason: 'R1' },
      { start: 22, end: 25, from: 'gun', to: 'compliance device', category: 'weapons', tier: 'redline', reason: 'R2' },
    ] as const;
    const result = { verdict: 'rewrite', censored: '', changes: [...changes], engine: 'lexicon' } as never;
    const frames = buildFrames(brief, { result, prompt: 'a tastefully draped figure' }, { pace: 0, script });
    expect(frames[0]?.title).toBe(script.frames.received);
    expect(frames[1]?.title).toBe(fill(script.frames.scanningMany, { count: 2 }));
    expect(frames.at(-1)?.title).toBe(script.frames.approvedAmended);
    const everything = JSON.stringify(frames);
    expect(everything).not.toContain('nude');
    expect(everything).toContain('gun');
  });

  test('a voice file with a missing line or a wrong placeholder is refused with the line named', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ct-voice-'));
    try {
      const broken = structuredClone(scriptFor('corporate')) as unknown as Record<string, Record<string, string>>;
      delete broken.act?.failure;
      (broken.frames as Record<string, string>).scanningMany = 'Scanning… {n} concerns found.';
      const file = path.join(dir, 'broken.json');
      await writeFile(file, JSON.stringify(broken));
      expect(() => loadScript(file)).toThrow(/act\.failure/);
      expect(() => loadScript(file)).toThrow(/frames\.scanningMany takes exactly the placeholders \{count\}/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('fill refuses a line whose value is missing, and never re-reads braces inside a value', () => {
    expect(() => fill('Performance №{number}')).toThrow(/needs \{number\}/);
    expect(fill('Replaced with “{to}”.', { to: '{number}' })).toBe('Replaced with “{number}”.');
  });
});
