import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../errors.js';
import { createCensorModel, createImageModel } from '../services/engines.js';
import { openStore, type Store } from '../services/store/index.js';
import { playDemo } from '../wall/demo.js';
import { ExhibitionWall } from '../wall/index.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { CliCommand, CliContext } from './types.js';

function portFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError('--port must be a whole number from 0 to 65535');
  return port;
}

/** Resolves when the process is asked to stop (Ctrl-C or a service manager). */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

async function demo(ctx: CliContext, port: number, pace: number, acts: number | undefined): Promise<number> {
  const controller = new AbortController();
  if (acts === undefined) void untilStopped().then(() => controller.abort('shutdown'));
  const played = await playDemo({
    config: { ...ctx.config, WALL_PORT: port },
    log: ctx.log,
    censor: createCensorModel('lexicon', ctx.engines),
    poster: createImageModel('poster', ctx.engines),
    pace,
    acts,
    signal: controller.signal,
    onReady: (links) =>
      ctx.io.stdout.write(
        `Compliance Theatre — wall rehearsal (no Discord, no keys). Ctrl-C ends it.\n  Wall:    ${links.wall}\n  OBS:     ${links.obs}\n  Gallery: ${links.gallery}\n`,
      ),
  });
  ctx.io.stdout.write(`Rehearsal over: ${played} act${played === 1 ? '' : 's'} played.\n`);
  return 0;
}

async function print(ctx: CliContext, id: string, out: string | undefined): Promise<number> {
  const store = await openStore(ctx.config.STORE_URL, ctx.log);
  try {
    const performance = await store.performances.get(id);
    if (!performance)
      throw new UserFacingError(`There is no performance "${id}" in the store (ids look like <guild>-<number>).`);
    if (performance.status !== 'done')
      throw new UserFacingError(`Performance ${id} has no final cut to print (it is ${performance.status}).`);
    const wall = standaloneWall(ctx, store, ctx.config, false);
    const file = path.resolve(out ?? `redline-${performance.id}.png`);
    await writeFile(file, await wall.print(performance));
    ctx.io.stdout.write(`Redline document (A3, 300 dpi): ${file}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/** A wall outside the bot: it follows the store (no queue of its own), drawing posters and re-checking with the embedded engines. */
function standaloneWall(ctx: CliContext, store: Store, config: CliContext['config'], serve: boolean): ExhibitionWall {
  return new ExhibitionWall({
    config,
    store,
    log: ctx.log,
    poster: createImageModel('poster', ctx.engines),
    checker: createCensorModel('lexicon', ctx.engines),
    queue: () => [],
    sleep: async () => {},
    serve,
  });
}

/** `npm run wall`: the wall alone, following the store (and, on Redis, the acts of every shard). */
async function serve(ctx: CliContext, port: number): Promise<number> {
  const store = await openStore(ctx.config.STORE_URL, ctx.log);
  const config = { ...ctx.config, WALL_PORT: port };
  const wall = standaloneWall(ctx, store, config, true);
  try {
    await wall.start();
    const live = /^rediss?:/.test(ctx.config.STORE_URL)
      ? 'following the acts over Redis'
      : 'showing the gallery and past acts (live acts reach a separate wall only through a Redis store)';
    ctx.io.stdout.write(
      `Compliance Theatre wall on ${wall.url}, ${live}. Moderators get their links with /stage wall.\n`,
    );
    await untilStopped();
    return 0;
  } finally {
    await wall.stop();
    await store.close();
  }
}

export const wall: CliCommand = {
  name: 'wall',
  usage:
    'npm run cli -- wall [--port N] | wall --demo [--port N] [--pace X] [--acts N] | wall --print <performance-id> [--out FILE]',
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      demo: { type: 'boolean' },
      port: { type: 'string' },
      pace: { type: 'string' },
      acts: { type: 'string' },
      print: { type: 'string' },
      out: { type: 'string' },
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (values.print !== undefined) return print(ctx, values.print, values.out);
    const port = portFlag(values.port) ?? ctx.config.WALL_PORT;
    if (values.demo) {
      const pace = values.pace === undefined ? 1 : Number(values.pace);
      if (!Number.isFinite(pace) || pace < 0 || pace > 5) throw new UsageError('--pace must be a number from 0 to 5');
      const acts = values.acts === undefined ? undefined : Number(values.acts);
      if (acts !== undefined && (!Number.isInteger(acts) || acts < 1))
        throw new UsageError('--acts must be a whole number from 1');
      return demo(ctx, port ?? 8080, pace, acts);
    }
    if (port === undefined) throw new UsageError('give --port N or set WALL_PORT');
    return serve(ctx, port);
  },
};
