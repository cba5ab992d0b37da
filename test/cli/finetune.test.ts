import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { finetune } from '../../src/cli/finetune.js';
import { UserFacingError } from '../../src/errors.js';
import { LoopbackServer } from '../fakes/http.js';
import { addFineTuningRoutes, type FineTuningFakeOptions } from '../fakes/openai-finetune.js';
import { testContext } from '../services/training/helpers.js';

const TRAIN = 'test/fixtures/training/golden/openai-train.jsonl';
const VALIDATION = 'test/fixtures/training/golden/openai-validation.jsonl';
const MODEL_LINE = 'OPENAI_CENSOR_MODEL=ft:gpt-4o-mini-2024-07-18:fake-org:compliance-censor:AbC123';

let server: LoopbackServer;
let dir: string;

async function start(options: FineTuningFakeOptions = {}, tty = false) {
  const fake = addFineTuningRoutes(server, options);
  await server.start();
  const env = { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${server.url}/v1`, MODEL_RETRIES: '0' };
  return { fake, ...testContext(env, { tty }) };
}

beforeEach(async () => {
  server = new LoopbackServer();
  dir = await mkdtemp(path.join(tmpdir(), 'ct-finetune-'));
});
afterEach(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('finetune openai', () => {
  test('uploads both files, creates the job, follows it, and ends with the .env line', async () => {
    const { fake, ctx, stdout } = await start();
    const args = ['openai', '--train', TRAIN, '--validation', VALIDATION, '--poll-ms', '1'];
    expect(await finetune.run(args, ctx)).toBe(0);

    const [train, validation] = [...fake.files.values()];
    expect(train).toMatchObject({ filename: 'openai-train.jsonl', purpose: 'fine-tune' });
    expect(train?.content).toBe(await readFile(TRAIN, 'utf8'));
    expect(validation?.content).toBe(await readFile(VALIDATION, 'utf8'));
    const [job] = [...fake.jobs.values()];
    expect(job?.request).toMatchObject({
      model: 'gpt-4o-mini-2024-07-18',
      suffix: 'compliance-censor',
      training_file: train?.id,
      validation_file: validation?.id,
    });

    const lines = stdout.text.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `Uploaded ${TRAIN} as ${train?.id}`,
      `Uploaded ${VALIDATION} as ${validation?.id}`,
      `Created fine-tuning job ${job?.job.id} on gpt-4o-mini-2024-07-18. Ctrl-C stops watching; the job goes on.`,
    ]);
    const statuses = lines.filter((l) => l.startsWith('status: ')).map((l) => l.split(' ')[1]);
    expect(statuses).toEqual(['queued', 'running', 'succeeded']);
    expect(stdout.text).toMatch(/^ {2}\+\d+s\s+Step 30\/30: training loss=0\.3$/m);
    expect(lines.slice(-4)).toEqual([
      'Fine-tuned model: ft:gpt-4o-mini-2024-07-18:fake-org:compliance-censor:AbC123',
      'Trained tokens: 48,210',
      'To perform with it, set CENSOR_ENGINE=openai and put this line in .env:',
      MODEL_LINE,
    ]);
  });

  test('on a terminal, redraws one status line in place', async () => {
    const { ctx, stdout } = await start({}, true);
    expect(
      await finetune.run(['openai', '--train', TRAIN, '--model', 'gpt-x', '--suffix', 'mine', '--poll-ms', '1'], ctx),
    ).toBe(0);
    expect(stdout.text).toContain('\r\x1b[2K');
    expect(stdout.text).toMatch(/ftjob-\S+ running · step 20\/30 \(66%\) · loss 0\.400 · tokens trained: — · \d+s/);
    expect(stdout.text).not.toContain('status: ');
    expect(stdout.text.trimEnd().split('\n').at(-1)).toBe('OPENAI_CENSOR_MODEL=ft:gpt-x:fake-org:mine:AbC123');
  });

  test('a failing job ends with its reason and a non-zero exit', async () => {
    const { ctx, stdout } = await start({ outcome: 'failed' });
    await expect(finetune.run(['openai', '--train', TRAIN, '--poll-ms', '1'], ctx)).rejects.toThrow(
      /fine-tuning job ftjob-\S+ failed: The job failed due to an invalid training file/,
    );
    expect(stdout.text).toMatch(/ERROR: The job failed/);
  });

  test('without OPENAI_API_KEY, says so and sends nothing', async () => {
    await server.start();
    const { ctx } = testContext({ OPENAI_BASE_URL: `${server.url}/v1` });
    await expect(finetune.run(['openai', '--train', TRAIN], ctx)).rejects.toThrow(/needs OPENAI_API_KEY/);
    expect(server.requests).toEqual([]);
  });

  test('checks the training file before uploading it', async () => {
    const { ctx } = await start();
    const bad = path.join(dir, 'bad.jsonl');
    await writeFile(bad, `${(await readFile(TRAIN, 'utf8')).trimEnd()}\n{"prompt":"old format"}\n`);
    await expect(finetune.run(['openai', '--train', bad], ctx)).rejects.toThrow(
      new RegExp(`${bad}:13: messages: .*Make one with: npm run cli -- dataset export`),
    );
    const small = path.join(dir, 'small.jsonl');
    await writeFile(small, await readFile(VALIDATION, 'utf8'));
    await expect(finetune.run(['openai', '--train', small], ctx)).rejects.toThrow(
      /has 4 examples; OpenAI needs at least 10/,
    );
    expect(server.requests).toEqual([]);
  });

  test.each([
    [['openai'], /--train/],
    [['openai', 'x.jsonl'], /--train and --validation/],
    [['openai', '--train', TRAIN, '--suffix', 'no spaces'], /--suffix/],
    [['openai', '--train', TRAIN, '--poll-ms', '0'], /--poll-ms/],
    [['status'], /job id/],
    [['sideways'], /unknown subcommand/],
  ])('refuses %j', async (args, message) => {
    const { ctx } = await start();
    await expect(finetune.run(args, ctx)).rejects.toThrow(message);
  });
});

describe('finetune status', () => {
  async function createJob(ctx: Awaited<ReturnType<typeof start>>['ctx']) {
    const { createFineTuneClient, startFineTune, uploadTrainingFile } = await import(
      '../../src/services/training/finetune.js'
    );
    const client = await createFineTuneClient(ctx.config);
    const fileId = await uploadTrainingFile(client, 'train.jsonl', await readFile(TRAIN));
    return (
      await startFineTune(client, {
        trainingFileId: fileId,
        model: 'gpt-4o-mini-2024-07-18',
        suffix: 'compliance-censor',
      })
    ).id;
  }

  test('picks a job up again, history included, and follows it to the end', async () => {
    const { ctx, stdout } = await start();
    const jobId = await createJob(ctx);
    expect(await finetune.run(['status', jobId, '--poll-ms', '1'], ctx)).toBe(0);
    expect(stdout.text).toMatch(new RegExp(`Created fine-tuning job: ${jobId}`));
    expect(stdout.text.trimEnd().split('\n').at(-1)).toBe(MODEL_LINE);
  });

  test('Ctrl-C stops following and says how to resume', async () => {
    const { ctx, stdout } = await start({ runningPolls: 10_000 });
    const jobId = await createJob(ctx);
    const listeners = process.listenerCount('SIGINT');
    const running = finetune.run(['status', jobId, '--poll-ms', '5'], ctx);
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.emit('SIGINT');
    expect(await running).toBe(130);
    expect(stdout.text).toContain(`Pick it up again with:\n  npm run cli -- finetune status ${jobId}\n`);
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });

  test('an unknown job is one line', async () => {
    const { ctx } = await start();
    await expect(finetune.run(['status', 'ftjob-nope', '--poll-ms', '1'], ctx)).rejects.toThrow(UserFacingError);
  });
});
