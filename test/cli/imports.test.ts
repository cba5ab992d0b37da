import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../src/config.js';

/**
 * The CLI imports a command's module only when that command is selected, so a run pays for the packages it uses.
 * A resolve hook (test/fixtures/record-imports.mjs) lists every module the real process loaded.
 */
const HOOK = path.join(REPO_ROOT, 'test', 'fixtures', 'record-imports.mjs');
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The npm packages a CLI run loaded, e.g. `discord.js`, `@keyv/sqlite`; `args` may name files in a temp dir. */
async function packagesLoadedBy(args: string[] | ((dir: string) => string[])): Promise<Set<string>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ct-imports-'));
  dirs.push(dir);
  const log = path.join(dir, 'imports.log');
  const result = spawnSync(
    process.execPath,
    ['--import', HOOK, '--import', 'tsx', 'src/cli.ts', ...(typeof args === 'function' ? args(dir) : args)],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, IMPORTS_LOG: log, STORE_URL: `sqlite://${path.join(dir, 'stage.sqlite')}` },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const urls = (await readFile(log, 'utf8')).split('\n');
  const names = urls.map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1]).filter(Boolean);
  return new Set(names as string[]);
}

describe('the CLI loads what the command uses', () => {
  test('--help loads no command and none of their packages', async () => {
    const loaded = await packagesLoadedBy(['--help']);
    for (const heavy of ['discord.js', '@napi-rs/canvas', 'sharp', 'openai', '@keyv/sqlite', 'keyv'])
      expect(loaded).not.toContain(heavy);
  });

  test('censor on the lexicon loads only the censor: no store, discord.js, hosted SDK or canvas', async () => {
    const loaded = await packagesLoadedBy(['censor', 'a knight with a bloody sword']);
    const unused = ['discord.js', 'keyv', '@keyv/sqlite', '@keyv/redis', '@keyv/postgres', 'pg'];
    unused.push('openai', '@huggingface/inference', 'replicate', '@napi-rs/canvas', 'sharp');
    for (const name of unused) expect(loaded).not.toContain(name);
  });

  test('rehearse on the SQLite default loads the SQLite adapter and no Redis or Postgres client', async () => {
    const loaded = await packagesLoadedBy((dir) => ['rehearse', 'a cat', '--out', path.join(dir, 'out')]);
    expect(loaded).toContain('@keyv/sqlite');
    for (const unused of ['discord.js', '@keyv/redis', '@redis/client', '@keyv/postgres', 'pg'])
      expect(loaded).not.toContain(unused);
  });
});
