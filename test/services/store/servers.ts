import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { GUILD_A, GUILD_B, newPerformance, type useStores } from './helpers.js';
import { freePort } from './redis-server.js';

/** A real PostgreSQL server for the store's tests, on a free loopback port and a throwaway data folder. */
export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

/** PostgreSQL's server programs: PG_BIN, else the newest Debian install under /usr/lib/postgresql. */
export function postgresBin(): string | undefined {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

/**
 * initdb and pg_ctl on a temporary folder, listening on 127.0.0.1 only, trusting local connections. PostgreSQL
 * refuses to run as root, so under root (CI) its programs run as the `postgres` user that Debian's package creates.
 */
export async function startPostgres(bin: string): Promise<TestServer> {
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) => {
    const [command, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]]
      : [path.join(bin, program), args];
    execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  };
  const dir = await mkdtemp(path.join(tmpdir(), 'ct-postgres-'));
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  else await chmod(dir, 0o700);
  const data = path.join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  run('pg_ctl', [
    'start',
    '-w',
    '-t',
    '30',
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      run('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', data]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * What every shared backend must keep: ten concurrent creates numbered 1–10, thirty concurrent votes all counted,
 * settings, and all of it still there after closing and reopening.
 */
export async function roundTripAcrossReopen(stores: ReturnType<typeof useStores>, url: string): Promise<void> {
  const store = await stores.open(url);
  const created = await Promise.all(Array.from({ length: 10 }, () => store.performances.create(newPerformance())));
  expect(created.map((p) => p.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  await store.performances.create(newPerformance({ guildId: GUILD_B }));
  await store.performances.update(created[0]!.id, { status: 'done', prompt: 'a knight, flat vectors' });
  const tallies = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      store.votes.cast(created[0]!.id, `5000000000000000${i + 10}`, i % 3 ? 'original' : 'censored'),
    ),
  );
  expect(tallies.at(-1)).toBeDefined();
  await store.guilds.update(GUILD_A, { pace: 0.5, reviewMode: true });
  await stores.close(store);

  const reopened = await stores.open(url);
  expect((await reopened.performances.get(created[0]!.id))?.prompt).toBe('a knight, flat vectors');
  expect(await reopened.votes.tally(created[0]!.id)).toEqual({ original: 20, censored: 10 });
  expect(await reopened.guilds.get(GUILD_A)).toMatchObject({ pace: 0.5, reviewMode: true, cooldownSeconds: 30 });
  const unfinished = await reopened.performances.listUnfinished();
  expect(unfinished).toHaveLength(10);
  expect(new Set(unfinished.map((p) => p.guildId))).toEqual(new Set([GUILD_A, GUILD_B]));
  expect((await reopened.performances.create(newPerformance())).number).toBe(11);
}
