import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../src/config.js';
import { FakeDiscord } from './fakes/discord/index.js';

/**
 * `npm start` as an operator runs it: the compiled bot under npm, logged into the fake Discord. A process manager
 * stops it with SIGTERM (to npm, or to the node process npm spawned); either way the bot itself must close the
 * curtain and exit, leaving no orphan holding the gateway open.
 */
const GUILD = '100000000000000001';

function childrenOf(pid: number): number[] {
  // ps exits 1 when a process has no children.
  const out = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout.trim();
  return out ? out.split(/\s+/).map(Number) : [];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm start', () => {
  let fake: FakeDiscord;
  let dir = '';
  let npm: ChildProcess | undefined;
  let output = '';
  let botPid = 0;

  beforeAll(() => {
    // The test runs what `npm ci` leaves behind: the compiled build, made fresh from this source.
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }, 120_000);

  afterEach(async () => {
    for (const pid of [npm?.pid ?? 0, botPid]) if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    await fake?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function start(): Promise<{ npmPid: number; botPid: number }> {
    fake = await new FakeDiscord({ guilds: [{ id: GUILD, name: 'Gallery', channels: [] }] }).start();
    dir = await mkdtemp(path.join(tmpdir(), 'ct-start-'));
    output = '';
    npm = spawn('npm', ['start', '--silent'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DISCORD_TOKEN: 'fake-bot-token',
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
        STORE_URL: `sqlite://${path.join(dir, 'stage.sqlite')}`,
        LOG_LEVEL: 'info',
        // Lists every module the bot loads (see the last test).
        NODE_OPTIONS: `--import ${path.join(REPO_ROOT, 'test', 'fixtures', 'record-imports.mjs')}`,
        IMPORTS_LOG: path.join(dir, 'imports.log'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    npm.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    npm.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const npmPid = npm.pid!;
    await until(() => (output.includes('"on stage"') ? true : undefined), 'the bot to log "on stage"');
    // npm runs the script through a shell; the bot is the node process at the bottom of that chain.
    botPid = await until(() => {
      const stack = [npmPid];
      let last: number | undefined;
      while (stack.length) {
        const pid = stack.pop()!;
        for (const child of childrenOf(pid)) {
          last = child;
          stack.push(child);
        }
      }
      return last;
    }, 'the bot process');
    return { npmPid, botPid };
  }

  const exited = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });

  test('SIGTERM to npm reaches the bot, which closes the curtain and exits', async () => {
    const { npmPid } = await start();
    expect(execFileSync('ps', ['-o', 'args=', '-p', String(botPid)], { encoding: 'utf8' })).toContain('dist/index.js');
    process.kill(npmPid, 'SIGTERM');
    await exited(npm!);
    await until(() => (alive(botPid) ? undefined : true), 'the bot to exit', 12_000);
    expect(output).toContain('"closing the curtain"');
    expect(output).toContain('"signal":"SIGTERM"');
  });

  test('SIGTERM to the bot process itself ends npm start with exit code 0', async () => {
    await start();
    process.kill(botPid, 'SIGTERM');
    expect(await exited(npm!)).toBe(0);
    expect(alive(botPid)).toBe(false);
    expect(output).toContain('"closing the curtain"');
  });

  test('on the SQLite default the bot loads no Redis or Postgres client', async () => {
    const { npmPid } = await start();
    process.kill(npmPid, 'SIGTERM');
    await exited(npm!);
    const urls = await readFile(path.join(dir, 'imports.log'), 'utf8');
    expect(urls).toContain('/node_modules/@keyv/sqlite/');
    expect(urls).toContain('/node_modules/discord.js/');
    for (const unused of ['@keyv/redis', '@redis/client', '@keyv/postgres', 'pg'])
      expect(urls).not.toContain(`/node_modules/${unused}/`);
  });
});
