/**
 * Start-up as a user meets it: the bot from `npm start` (compiled, `node dist/index.js`) against the tsx way it
 * used to run (`tsx src/index.ts`), from spawn to "on stage" (logged in to the fake Discord, caches filled), and
 * the memory of that idle process tree; then a one-brief CLI run, compiled and under tsx, spawn to exit.
 * Variants alternate and each is repeated, so a busy machine slows both alike.
 *
 * Run directly (`npx tsx bench/startup.ts`) to print the figures; `npm run build` first.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../src/config.js';
import { FakeDiscord } from '../test/fakes/discord/index.js';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

export const BOT_VARIANTS = {
  compiled: [process.execPath, '--enable-source-maps', 'dist/index.js'],
  tsx: [TSX, 'src/index.ts'],
} as const;
export const CLI_VARIANTS = {
  compiled: [process.execPath, '--enable-source-maps', 'dist/cli.js'],
  tsx: [TSX, 'src/cli.ts'],
} as const;
export type Variant = keyof typeof BOT_VARIANTS;

/** Resident memory of a process and all its descendants (tsx runs the bot in a child node process). */
function treeRssMiB(pid: number): number {
  let kib = 0;
  const stack = [pid];
  while (stack.length) {
    const current = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${current}/status`, 'utf8');
      kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      continue;
    }
    const children = spawnSync('ps', ['-o', 'pid=', '--ppid', String(current)], { encoding: 'utf8' }).stdout.trim();
    if (children) stack.push(...children.split(/\s+/).map(Number));
  }
  return Math.round(kib / 1024);
}

async function botStart(variant: Variant, fake: FakeDiscord, dir: string, run: number) {
  const [command, ...args] = BOT_VARIANTS[variant];
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: 'fake-bot-token',
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      STORE_URL: `sqlite://${path.join(dir, `start-${run}.sqlite`)}`,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const readyMs = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${variant} bot not on stage within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"on stage"')) {
        clearTimeout(timer);
        resolve(performance.now() - started);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  // Idle a moment after logging in, as a bot waiting for its first brief.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const rssMiB = treeRssMiB(child.pid!);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return { readyMs, rssMiB };
}

function cliRun(variant: Variant, args: string[]): number {
  const [command, ...base] = CLI_VARIANTS[variant];
  const started = performance.now();
  const result = spawnSync(command, [...base, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${variant} cli ${args.join(' ')} failed: ${result.stderr}`);
  return performance.now() - started;
}

export interface StartupBench {
  botReadyMs: Record<Variant, number[]>;
  botRssMiB: Record<Variant, number[]>;
  cliCensorMs: Record<Variant, number[]>;
  cliHelpMs: Record<Variant, number[]>;
}

export async function benchStartup(repeats = 5): Promise<StartupBench> {
  const fake = await new FakeDiscord({
    guilds: [{ id: '100000000000000001', name: 'Bench', channels: [{ id: '200000000000000001', name: 'stage' }] }],
  }).start();
  const dir = await mkdtemp(path.join(tmpdir(), 'ct-bench-start-'));
  const result: StartupBench = {
    botReadyMs: { compiled: [], tsx: [] },
    botRssMiB: { compiled: [], tsx: [] },
    cliCensorMs: { compiled: [], tsx: [] },
    cliHelpMs: { compiled: [], tsx: [] },
  };
  try {
    let run = 0;
    for (let r = 0; r < repeats; r++) {
      const order: Variant[] = r % 2 ? ['tsx', 'compiled'] : ['compiled', 'tsx'];
      for (const variant of order) {
        const { readyMs, rssMiB } = await botStart(variant, fake, dir, run++);
        result.botReadyMs[variant].push(readyMs);
        result.botRssMiB[variant].push(rssMiB);
        result.cliCensorMs[variant].push(cliRun(variant, ['censor', 'a knight with a bloody sword']));
        result.cliHelpMs[variant].push(cliRun(variant, ['--help']));
      }
    }
  } finally {
    await fake.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchStartup(Number(process.argv[2] ?? 3)), null, 2));
}
