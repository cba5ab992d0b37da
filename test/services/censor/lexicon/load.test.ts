import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadBuiltInLexiconEntries } from '../../../../src/services/censor/lexicon/index.js';
import { entry } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'lexicon-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const good = [entry('gun', 'approved device'), entry('kill', 'offboard', { pos: 'verb', forms: ['slain'] })];

describe('loadBuiltInLexiconEntries', () => {
  test.each([
    ['a bare array', good],
    ['an object holding entries', { entries: good }],
  ])('reads %s', (_, content) => {
    expect(loadBuiltInLexiconEntries(fileWith('good.json', content))).toEqual(good);
  });

  test.each([
    [
      'an entry without euphemisms',
      [...good, { ...entry('axe', 'x'), euphemisms: [] }],
      /entry 2 \(term "axe"\), euphemisms/,
    ],
    ['an unknown tier', [{ ...entry('axe', 'x'), tier: 'maybe' }], /entry 0 \(term "axe"\), tier/],
    ['an unknown category', [...good, { ...entry('axe', 'x'), category: 'fun' }], /entry 2 .*category/],
    ['a missing term', [{ ...entry('axe', 'x'), term: undefined }], /entry 0, term/],
    ['a bad form', [{ ...entry('axe', 'x'), forms: [''] }], /entry 0 \(term "axe"\), forms\.0/],
    ['not a list', { gun: 'approved device' }, /expected an array of lexicon entries/],
    ['broken JSON', '[{"term": "gun",', /bad\.json: .*JSON/],
  ])('names the problem in %s', (_, content, message) => {
    const path = fileWith('bad.json', content);
    expect(() => loadBuiltInLexiconEntries(path)).toThrow(message);
  });

  test('a missing file names the path', () => {
    expect(() => loadBuiltInLexiconEntries(join(dir, 'nowhere.json'))).toThrow(/nowhere\.json/);
  });
});
