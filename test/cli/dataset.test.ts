import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { dataset } from '../../src/cli/dataset.js';
import { UserFacingError } from '../../src/errors.js';
import { testContext } from '../services/training/helpers.js';
import { cli } from './helpers.js';

const FIXTURES = 'test/fixtures/training';
const golden = (name: string) => readFile(path.join(FIXTURES, 'golden', name), 'utf8');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ct-dataset-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dataset validate', () => {
  test('reports every problem of a broken CSV by line, and fails', async () => {
    const { ctx, stdout } = testContext();
    await expect(dataset.run(['validate', `${FIXTURES}/broken.csv`], ctx)).rejects.toThrow(
      new UserFacingError(`${FIXTURES}/broken.csv: 17 problems in 14 of 16 rows`),
    );
    expect(stdout.text).toBe(await golden('broken-report.txt'));
  });

  test('passes a clean CSV and shows what it covers', async () => {
    const { ctx, stdout } = testContext();
    expect(await dataset.run(['validate', `${FIXTURES}/small.csv`], ctx)).toBe(0);
    expect(stdout.text).toMatch(/^test\/fixtures\/training\/small\.csv: 16 pairs, no problems\n/);
    expect(stdout.text).toMatch(/safe \(unchanged\)\s+5\s+31%/);
    expect(stdout.text).toMatch(/weapons\s+4\s+25%/);
  });

  test('a missing file is one line', async () => {
    const { ctx } = testContext();
    await expect(dataset.run(['validate', `${dir}/nope.csv`], ctx)).rejects.toThrow(
      /cannot read .*nope\.csv: no such file/,
    );
  });

  test.each([
    [[], /subcommand/],
    [['frobnicate'], /unknown subcommand "frobnicate"/],
    [['validate'], /exactly one file/],
    [['validate', 'a.csv', '--seed', '3'], /only the file/],
  ])('refuses %j', async (args, message) => {
    const { ctx } = testContext();
    await expect(dataset.run(args, ctx)).rejects.toThrow(UsageError);
    await expect(dataset.run(args, ctx)).rejects.toThrow(message);
  });
});

describe('dataset export', () => {
  test.each(['openai', 'hf'])('writes the %s golden files byte for byte, every time', async (format) => {
    for (const run of ['first', 'second']) {
      const out = path.join(dir, run);
      const { ctx, stdout } = testContext();
      const args = ['export', `${FIXTURES}/small.csv`, '--format', format, '--split', '0.75', '--seed', '7'];
      expect(await dataset.run([...args, '--out', out], ctx)).toBe(0);
      expect(stdout.text).toContain(`${format}-train.jsonl: 12 examples`);
      for (const set of ['train', 'validation']) {
        const name = `${format}-${set}.jsonl`;
        expect(await readFile(path.join(out, name), 'utf8'), `${run} ${name}`).toBe(await golden(name));
      }
    }
  });

  test('the default split and seed are used when none are given, and say what to run next', async () => {
    const { ctx, stdout } = testContext();
    expect(await dataset.run(['export', `${FIXTURES}/small.csv`, '--format', 'openai', '--out', dir], ctx)).toBe(0);
    expect(stdout.text).toMatch(/openai-train\.jsonl: 14 examples\n.*openai-validation\.jsonl: 2 examples\n/);
    expect(stdout.text).toMatch(/next: npm run cli -- finetune openai --train .*openai-train\.jsonl --validation /);
  });

  test('--split 1 writes no validation file', async () => {
    const { ctx, stdout } = testContext();
    await dataset.run(['export', `${FIXTURES}/small.csv`, '--format', 'hf', '--split', '1', '--out', dir], ctx);
    expect(stdout.text).toBe(`${path.join(dir, 'hf-train.jsonl')}: 16 examples\n`);
  });

  test('refuses to export a dataset with problems', async () => {
    const { ctx } = testContext();
    await expect(
      dataset.run(['export', `${FIXTURES}/broken.csv`, '--format', 'openai', '--out', dir], ctx),
    ).rejects.toThrow(/has 17 problems; see them with: npm run cli -- dataset validate/);
  });

  test.each([
    [['--format', 'csv'], /unknown --format "csv"/],
    [[], /give --format openai or --format hf/],
    [['--format', 'hf', '--split', '0'], /--split must be/],
    [['--format', 'hf', '--split', 'half'], /--split must be/],
    [['--format', 'hf', '--seed=-1'], /--seed must be/],
    [['--format', 'hf', '--seed', '1.5'], /--seed must be/],
  ])('refuses %j', async (flags, message) => {
    const { ctx } = testContext();
    await expect(dataset.run(['export', `${FIXTURES}/small.csv`, ...flags], ctx)).rejects.toThrow(message);
  });
});

describe('dataset draft', () => {
  test('drafts rows with the lexicon, leaving refused and unusable briefs out', async () => {
    const input = path.join(dir, 'briefs.txt');
    await writeFile(input, 'a spy with a gun, at night\n\na lighthouse\r\na snuff film poster\na\ttab\n');
    const { ctx, stdout, stderr } = testContext();
    expect(await dataset.run(['draft', input], ctx)).toBe(0);
    expect(stdout.text).toBe(
      'brief,censored,categories\n"a spy with a gun, at night","a spy with a compliance device, at night",weapons\na lighthouse,a lighthouse,\n',
    );
    expect(stderr.text).toMatch(/:4: refused by the lexicon, left out\n.*:5: The brief contains control characters/);
  });

  test('writes the draft to --out, ready for dataset validate', async () => {
    const input = path.join(dir, 'briefs.txt');
    const out = path.join(dir, 'draft.csv');
    await writeFile(input, 'a vampire covered in blood\na fox\n');
    const { ctx, stdout } = testContext();
    await dataset.run(['draft', input, '--out', out], ctx);
    expect(stdout.text).toBe(`${out}: 2 drafted rows\n`);
    expect(await dataset.run(['validate', out], testContext().ctx)).toBe(0);
  });
});

describe('the shipped training data', () => {
  test('data/briefs.csv validates against the current lexicon (no leaks, no style, no duplicates)', async () => {
    const run = await cli(['dataset', 'validate', 'data/briefs.csv']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^data\/briefs\.csv: \d+ pairs, no problems/);
  });
});
