import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * A real redis-server for a test file. `.ci/run` installs it and sets REQUIRE_REDIS=1, so there a suite that
 * needs it cannot be skipped; elsewhere it runs when redis-server is on the PATH.
 */
export const redisAvailable = spawnSync('redis-server', ['--version']).status === 0;
if (!redisAvailable && process.env.REQUIRE_REDIS === '1')
  throw new Error('REQUIRE_REDIS=1 but redis-server is not installed');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts redis-server on a free loopback port, without persistence; resolves once it accepts connections. */
export async function startRedisServer(): Promise<{ url: string; process: ChildProcess; stop(): void }> {
  const port = await freePort();
  const redis = await spawnRedis(['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  return { url: `redis://127.0.0.1:${port}`, process: redis, stop: () => redis.kill('SIGTERM') };
}

/**
 * A redis-server that can be stopped and started again on the same port and data: an append-only file synced on
 * every write, as a deployment that must not lose a brief would run it.
 */
export async function persistentRedisServer(dir: string): Promise<{
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}> {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
  let running: ChildProcess | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      running = await spawnRedis([...args, '--appendonly', 'yes', '--appendfsync', 'always']);
    },
    async stop() {
      const redis = running;
      running = undefined;
      if (!redis || redis.exitCode !== null) return;
      const exited = new Promise((resolve) => redis.once('exit', resolve));
      redis.kill('SIGTERM');
      await exited;
    },
  };
}

async function spawnRedis(args: string[]): Promise<ChildProcess> {
  const redis = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
    redis.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    redis.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return redis;
}
