import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { silentLogger } from '../../src/logger.js';
import { openStore } from '../../src/services/store/index.js';
import { tapEvents } from '../wall/browser.js';
import { performed } from '../wall/helpers.js';
import { cli } from './helpers.js';

describe('npm run cli -- wall', () => {
  test('--demo serves the wall and plays rehearsal briefs through it, with no Discord and no keys', async () => {
    const stdout = new PassThrough();
    let text = '';
    let tap: ReturnType<typeof tapEvents> | undefined;
    stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const wall = /Wall: +(\S+)/.exec(text)?.[1];
      if (wall && !tap) {
        const url = new URL(wall);
        tap = tapEvents(`${url.origin}${url.pathname}/events${url.search}`);
      }
    });
    const code = await runCli(['wall', '--demo', '--port', '0', '--pace', '0.1', '--acts', '2'], {
      stdin: Readable.from([]),
      stdout,
      stderr: new PassThrough(),
      env: {},
    });
    expect(code).toBe(0);
    expect(text).toMatch(/Gallery: +http:\/\/127\.0\.0\.1:\d+\/gallery\/demo\?key=\S{24}/);
    expect(text).toContain('Rehearsal over: 2 acts played.');
    const events = tap?.text() ?? '';
    expect(events).toContain('"kind":"frame"');
    expect(events).toContain('"kind":"finale"');
    expect(events).toContain('"kind":"tally"');
    // The first rehearsal brief holds a blackout term: only its length may travel.
    expect(events).toContain('"kind":"blackout","length":6');
    expect(events).not.toMatch(/shitty/i);
  }, 30_000);

  test('--print writes the redline document of a finished performance', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ct-wall-cli-'));
    try {
      const storeUrl = `sqlite://${path.join(dir, 'stage.sqlite')}`;
      const store = await openStore(storeUrl, silentLogger());
      const done = await performed(store, '100000000000000001', 'a knight with a sword');
      await store.close();
      const out = path.join(dir, 'print.png');
      const run = await cli(['wall', '--print', done.id, '--out', out], { env: { STORE_URL: storeUrl } });
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('Redline document (A3, 300 dpi)');
      const png = await readFile(out);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([3508, 4961]);
      const missing = await cli(['wall', '--print', 'nope-1'], { env: { STORE_URL: storeUrl } });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toBe(
        'error: There is no performance "nope-1" in the store (ids look like <guild>-<number>).\n',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test.each([
    [['wall'], 'error: give --port N or set WALL_PORT'],
    [['wall', '--demo', '--port', 'x'], 'error: --port must be a whole number from 0 to 65535'],
    [['wall', '--demo', '--acts', '0'], 'error: --acts must be a whole number from 1'],
  ])('%j is a usage error', async (argv, line) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(line);
  });
});
