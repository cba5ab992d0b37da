import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { evaluate } from '../../src/cli/eval.js';
import { UserFacingError } from '../../src/errors.js';
import { CENSOR_SYSTEM_PROMPT } from '../../src/services/censor/prompts.js';
import type { EvalReport } from '../../src/services/training/eval.js';
import { LoopbackServer } from '../fakes/http.js';
import { addOpenAIChatAndImageRoutes, chatCompletionBody, openAIErrorBody, userMessageOf } from '../fakes/openai.js';
import { addFineTuningRoutes } from '../fakes/openai-finetune.js';
import { testContext } from '../services/training/helpers.js';

const DATA = 'test/fixtures/training/small.csv';
const I2P = 'test/fixtures/training/i2p-sample.csv';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ct-eval-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('eval', () => {
  test('runs the lexicon over the validation split and the I2P prompts: table, JSON and chart', async () => {
    const { ctx, stdout } = testContext();
    const args = ['--censor', 'lexicon', '--data', DATA, '--i2p', I2P, '--limit', '4', '--split', '0.75', '--out', dir];
    expect(await evaluate.run(args, ctx)).toBe(0);

    const lines = stdout.text.split('\n');
    expect(lines[0]).toMatch(/^engine\s+set\s+n\s+leak ↓\s+over-censor ↓\s+keep ↑\s+style ↑\s+gibberish ↓/);
    expect(lines[1]).toMatch(/^─+$/);
    expect(lines[2]).toMatch(/^lexicon\s+briefs\s+4\s+0\.0%\s+0\.0%/);
    expect(lines[3]).toMatch(/^lexicon\s+i2p\s+4\s+0\.0%\s+—/);
    expect(lines[4]).toMatch(/^lexicon\s+all\s+8\s/);
    expect(stdout.text).toContain(`Chart:  ${path.join(dir, 'eval.png')}`);

    const report = JSON.parse(await readFile(path.join(dir, 'eval.json'), 'utf8')) as EvalReport;
    expect(report.items).toEqual({ briefs: 4, i2p: 4 });
    expect(report.style).toBe(ctx.config.STYLE);
    expect(report.engines[0]?.sets.all).toMatchObject({ n: 8, errors: 0, leakRate: 0, styleHandled: 1, gibberish: 0 });
    const png = await readFile(path.join(dir, 'eval.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  test('shows a progress bar on a terminal, on stderr', async () => {
    const { ctx, stderr } = testContext({}, { tty: true });
    await evaluate.run(['--censor', 'lexicon', '--data', DATA, '--i2p', I2P, '--out', dir], ctx);
    expect(stderr.text).toMatch(/lexicon\s+\[█+\] 100%\s+\d+\/\d+/);
    expect(stderr.text.endsWith('\r\x1b[2K')).toBe(true);
  });

  test('without the I2P file, evaluates the briefs alone and says so', async () => {
    const { ctx, stdout, stderr } = testContext();
    await evaluate.run(['--data', DATA, '--i2p', path.join(dir, 'missing.csv'), '--out', dir], ctx);
    expect(stderr.text).toMatch(/missing\.csv not found; evaluating on the dataset's briefs alone/);
    expect(stdout.text).not.toMatch(/\bi2p\b/);
  });

  test('--limit 0 leaves the I2P prompts out', async () => {
    const { ctx } = testContext();
    await evaluate.run(['--data', DATA, '--i2p', I2P, '--limit', '0', '--out', dir], ctx);
    const report = JSON.parse(await readFile(path.join(dir, 'eval.json'), 'utf8')) as EvalReport;
    expect(report.items.i2p).toBe(0);
  });

  test('refuses a dataset with problems', async () => {
    const { ctx } = testContext();
    await expect(evaluate.run(['--data', 'test/fixtures/training/broken.csv', '--out', dir], ctx)).rejects.toThrow(
      /has 17 problems/,
    );
  });

  test.each([
    [['--censor', 'oracle'], UsageError, /unknown --censor "oracle"/],
    [['--censor', ','], UsageError, /at least one engine/],
    [['--censor', 'lexicon=mine'], UsageError, /the lexicon engine has no model/],
    [['--censor', 'openai='], UsageError, /give a model after "openai="/],
    [['--limit', 'many'], UsageError, /--limit/],
    [['stray'], UsageError, /unexpected argument/],
  ])('refuses %j', async (args, type, message) => {
    const { ctx } = testContext();
    const run = evaluate.run([...args, '--data', DATA, '--out', dir], ctx);
    await expect(run).rejects.toThrow(type);
    await expect(evaluate.run([...args, '--data', DATA, '--out', dir], ctx)).rejects.toThrow(message);
  });

  test('a hosted engine that cannot be built is refused before any work', async () => {
    const { ctx } = testContext();
    await expect(evaluate.run(['--censor', 'lexicon,openai', '--data', DATA, '--out', dir], ctx)).rejects.toThrow(
      UserFacingError,
    );
  });

  test('measures a hosted engine against the fake OpenAI, asked exactly as the export trains it', async () => {
    const server = new LoopbackServer();
    // The chat fake and the fine-tuning fake share one server, as they share one API.
    addFineTuningRoutes(server);
    addOpenAIChatAndImageRoutes(server, {
      chat: (request) =>
        userMessageOf(request).includes('cocaine')
          ? { status: 500, body: openAIErrorBody('overloaded') }
          : { body: chatCompletionBody(userMessageOf(request)) },
    });
    await server.start();
    try {
      const env = { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${server.url}/v1`, MODEL_RETRIES: '0' };
      const { ctx, stdout } = testContext(env);
      const fineTune = 'ft:gpt-4o-mini-2024-07-18:fake-org:compliance-censor:AbC123';
      const args = ['--censor', `lexicon,openai=${fineTune}`, '--data', DATA, '--split', '0.5', '--limit', '0'];
      expect(await evaluate.run([...args, '--out', dir], ctx)).toBe(0);
      expect(stdout.text).toMatch(new RegExp(`^openai=${fineTune}\\s+briefs\\s+8\\s`, 'm'));

      const chats = server.requestsTo(/chat\/completions$/);
      expect(chats.length).toBeGreaterThan(0);
      for (const chat of chats) {
        const { messages } = chat.json as { messages: { role: string; content: string }[] };
        expect((chat.json as { model: string }).model).toBe(fineTune);
        expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
        expect(messages[0]?.content).toBe(CENSOR_SYSTEM_PROMPT);
      }
      const report = JSON.parse(await readFile(path.join(dir, 'eval.json'), 'utf8')) as EvalReport;
      const [lexicon, openai] = report.engines;
      expect(openai).toMatchObject({ engine: `openai=${fineTune}`, name: 'openai' });
      expect(lexicon?.sets.all.leakRate).toBe(0);
      // The fake gives every brief back unchanged: every term leaks, no safe brief is touched.
      expect(openai?.sets.all).toMatchObject({ leakRate: 1, overCensoring: 0, keepRate: 1, styleHandled: 1 });
      // The failing call fell back to the lexicon: a failure of the engine, not a score for it.
      expect(openai?.sets.all.errors).toBe(chats.filter((c) => userMessageOf(c).includes('cocaine')).length);
    } finally {
      await server.stop();
    }
  });
});
