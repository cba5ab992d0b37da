import { describe, expect, test } from 'vitest';
import { censorRecord, recordJson } from '../../src/cli/censor.js';
import type { CensorResult } from '../../src/services/censor/types.js';
import { cli } from './helpers.js';

const CONTRACT_KEYS = ['brief', 'verdict', 'censored', 'prompt', 'changes', 'engine'];
const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('censor --jsonl', () => {
  test('one JSON line per brief, in order, with the stable contract fields', async () => {
    const run = await cli(['censor', '--jsonl', '--style', 'flat vectors'], {
      stdin: 'a knight with a bloody sword\na quiet sea at dawn\n',
    });
    expect(run.code).toBe(0);
    const [knight, sea] = lines(run.stdout);
    expect(Object.keys(knight)).toEqual(CONTRACT_KEYS);
    expect(knight.verdict).toBe('rewrite');
    expect(knight.censored).not.toMatch(/bloody|sword/);
    expect(knight.prompt).toBe(`${knight.censored}, flat vectors`);
    expect(knight.changes.map((c: { from: string }) => c.from)).toEqual(['bloody', 'sword']);
    expect(Object.keys(knight.changes[0])).toEqual(['from', 'to', 'category', 'tier', 'reason']);
    expect(sea).toEqual({
      brief: 'a quiet sea at dawn',
      verdict: 'pass',
      censored: 'a quiet sea at dawn',
      prompt: 'a quiet sea at dawn, flat vectors',
      changes: [],
      engine: 'lexicon',
    });
  });

  test('a blocked brief has an empty prompt', async () => {
    const run = await cli(['censor', '--jsonl'], { stdin: 'a snuff film poster\n' });
    const [record] = lines(run.stdout);
    expect(record.verdict).toBe('block');
    expect(record.prompt).toBe('');
    expect(record.censored).toBe('');
  });

  test('bad lines become error objects in place; the others are still processed; exit is non-zero', async () => {
    const stdin = Buffer.concat([
      Buffer.from('a red apple\n'),
      Buffer.from('\n'),
      Buffer.from([0x61, 0xff, 0x62, 0x0a]),
      Buffer.from(`${'x'.repeat(1001)}\n`),
      Buffer.from('tab\there\n'),
      Buffer.from('a green pear\r\n'),
    ]);
    const run = await cli(['censor', '--jsonl'], { stdin });
    expect(run.code).toBe(1);
    const records = lines(run.stdout);
    expect(records.map((r) => r.brief ?? `error ${r.line}`)).toEqual([
      'a red apple',
      'error 2',
      'error 3',
      'error 4',
      'error 5',
      'a green pear',
    ]);
    expect(records[1].error).toMatch(/empty/);
    expect(records[2].error).toMatch(/UTF-8/);
    expect(records[3].error).toMatch(/limit is 1000/);
    expect(records[4].error).toMatch(/control characters/);
    expect(run.stderr).toBe('error: 4 of 6 lines were rejected (see the "error" objects on stdout)\n');
  });

  test.each([
    [
      ['censor', '--engine', 'ouija', '--jsonl'],
      2,
      /unknown --engine "ouija"; choose one of: lexicon, openai, huggingface/,
    ],
    [['censor', '--frobnicate'], 2, /Unknown option '--frobnicate'/],
    [['censor'], 2, /give one brief in quotes/],
    [['censor', ''], 1, /The brief is empty/],
    [['censor', 'a\u0007bell'], 1, /control characters/],
    [['nonsense'], 2, /unknown command "nonsense"/],
  ])('%j exits %i with one clear line', async (argv, code, message) => {
    const run = await cli(argv);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('a malformed environment variable is named in one line', async () => {
    const run = await cli(['censor', 'a cat'], { env: { STORE_URL: 'ftp://nowhere' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: config: STORE_URL must start with sqlite:, redis:, postgres: or memory:\n');
  });
});

describe('recordJson writes what JSON.stringify writes', () => {
  const result = (text: string, reason: string): CensorResult => ({
    verdict: 'rewrite',
    censored: `${text} (censored)`,
    changes: [
      { start: 0, end: 1, from: text, to: 'deliverable', category: 'profanity', tier: 'redline', reason },
      {
        start: 2,
        end: 3,
        from: 'gun',
        to: text,
        category: 'weapons',
        tier: 'blackout',
        reason: 'plain',
        layer: 'safety',
      },
    ],
    engine: 'lexicon',
  });
  test.each([
    'a quiet harbour at dawn',
    'the "quoted" word',
    'back\\slash and a trailing \\',
    'tab\there and a bell \u0007',
    'emoji 🍆 and accents café',
    'a lone surrogate \ud83c here',
    'line separator \u2028 and \u2029, DEL \u007f, slash /',
    '',
  ])('%j', (text) => {
    const record = censorRecord(text, { result: result(text, `because "${text}"`), prompt: `${text}, house style` });
    expect(recordJson(record)).toBe(JSON.stringify(record));
  });

  test('a record without changes', () => {
    const record = censorRecord('x', {
      result: { verdict: 'pass', censored: 'x', changes: [], engine: 'openai' },
      prompt: 'x',
    });
    expect(recordJson(record)).toBe(JSON.stringify(record));
  });
});
