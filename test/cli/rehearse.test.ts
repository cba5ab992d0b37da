import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cli } from './helpers.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let out: string;

beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'ct-rehearse-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('rehearse', () => {
  test('plays the show in plain text off a TTY and writes the poster and the record', async () => {
    const run = await cli(['rehearse', 'a knight with a bloody sword in a burning village', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Compliance Theatre — Performance №1');
    expect(run.stdout).toContain('~~sword~~');
    expect(run.stdout).toContain('[ APPROVED ]');
    expect(run.stdout).not.toContain('\u001b[');
    const png = await readFile(path.join(out, 'performance-1.png'));
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const record = JSON.parse(await readFile(path.join(out, 'performance-1.json'), 'utf8'));
    expect(record.performance.status).toBe('done');
    expect(record.verdict).toBe('rewrite');
    expect(record.prompt.endsWith('approved for all audiences')).toBe(true);
    expect(record.prompt).not.toMatch(/bloody|sword|burning/);
  });

  test('the record it writes shows blackout terms as bars, like the stage does', async () => {
    const run = await cli(['rehearse', 'a shitty knight with a sword', '--out', out]);
    expect(run.code).toBe(0);
    const written = await readFile(path.join(out, 'performance-1.json'), 'utf8');
    expect(written).not.toContain('shitty');
    expect(JSON.parse(written).brief).toBe('a ██████ knight with a sword');
  });

  test('a blocked brief is refused: a record, no image', async () => {
    const run = await cli(['rehearse', 'a snuff film', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[ REFUSED  ]');
    expect(run.stdout).not.toContain('snuff');
    expect(await readdir(out)).toEqual(['performance-1.json']);
    const record = JSON.parse(await readFile(path.join(out, 'performance-1.json'), 'utf8'));
    expect(record.performance.status).toBe('blocked');
  });

  test('--style is a member’s style: censored in the frames, the house style appended after', async () => {
    const run = await cli(['rehearse', 'a calm lake', '--style', 'bloody gore, guns', '--out', out]);
    expect(run.code).toBe(0);
    for (const term of ['bloody', 'gore', 'guns']) expect(run.stdout).toContain(`~~${term}~~`);
    expect(run.stdout).toContain('§ guns → persuasion instruments — Brand Safety Guideline 4.1 — Firearms');
    expect(run.stdout).toContain('[ APPROVED ] APPROVED — with amendments.');
    const record = JSON.parse(await readFile(path.join(out, 'performance-1.json'), 'utf8'));
    expect(record.brief).toBe('a calm lake, bloody gore, guns');
    expect(record.prompt).not.toMatch(/bloody|gore|guns/);
    expect(record.prompt.endsWith('approved for all audiences')).toBe(true);
  });

  test('--pace auto, as if briefs were waiting, plays the same frames', async () => {
    const plain = await cli(['rehearse', 'a knight with a sword', '--out', out]);
    const auto = await cli(['rehearse', 'a knight with a sword', '--pace', 'auto', '--queued', '8', '--out', out]);
    expect(auto.code).toBe(0);
    expect(auto.stdout.replace(/№\d+/g, '')).toBe(plain.stdout.replace(/№\d+/g, ''));
  });

  test('a block term in a style exits non-zero with one clear line, and nothing is performed', async () => {
    const run = await cli(['rehearse', 'a calm lake', '--style', 'snuff film', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^error: The style was refused: .+\. Nothing was performed\.\n$/);
    expect(run.stdout + run.stderr).not.toContain('snuff');
    expect(await readdir(out)).toEqual([]);
  });

  test.each([
    [['rehearse'], 2, /give exactly one brief/],
    [['rehearse', '   '], 1, /The brief is empty/],
    [['rehearse', 'a cat', '--image', 'crayon'], 2, /unknown --image "crayon"/],
    [['rehearse', 'a cat', '--pace', 'fast'], 2, /--pace must be a number from 0 to 5, or auto/],
    [['rehearse', 'a cat', '--pace', 'auto', '--queued', 'many'], 2, /--queued must be a number from 0 to 500/],
    [['rehearse', 'a cat', '--style', 'x'.repeat(301)], 1, /style is 301 characters; the limit is 300/],
  ])('%j exits %i with one clear line', async (argv, code, message) => {
    const run = await cli([...argv, '--out', out]);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
  });

  test('the real command line prints one line and no stack trace on bad input', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'rehearse', 'a cat', '--censor', 'tarot'],
      {
        encoding: 'utf8',
        env: { ...process.env, STORE_URL: 'memory:' },
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: unknown --censor "tarot"/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
