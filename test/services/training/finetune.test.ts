import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadSharedConfig } from '../../../src/config.js';
import { UserFacingError } from '../../../src/errors.js';
import {
  createFineTuneClient,
  type FineTuneClient,
  followJob,
  type JobSnapshot,
  startFineTune,
  uploadTrainingFile,
} from '../../../src/services/training/finetune.js';
import { advanceProgress, statusLine, successLines } from '../../../src/services/training/finetune-display.js';
import { LoopbackServer } from '../../fakes/http.js';
import { addFineTuningRoutes, type FineTuningFakeOptions } from '../../fakes/openai-finetune.js';

let server: LoopbackServer;

async function start(options: FineTuningFakeOptions = {}) {
  const fake = addFineTuningRoutes(server, options);
  await server.start();
  const config = loadSharedConfig({
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: `${server.url}/v1`,
    MODEL_RETRIES: '0',
  });
  return { fake, client: await createFineTuneClient(config) };
}

async function collect(client: FineTuneClient, jobId: string, signal?: AbortSignal) {
  const snapshots: JobSnapshot[] = [];
  for await (const snapshot of followJob(client, jobId, { pollMs: 1, signal })) snapshots.push(snapshot);
  return snapshots;
}

beforeEach(() => {
  server = new LoopbackServer();
});
afterEach(async () => {
  await server.stop();
});

describe('fine-tuning against the fake OpenAI', () => {
  test('uploads a file for fine-tuning and creates a supervised job with it', async () => {
    const { fake, client } = await start();
    const fileId = await uploadTrainingFile(client, 'train.jsonl', Buffer.from('{"messages":[]}\n'));
    expect(fake.files.get(fileId)).toMatchObject({
      filename: 'train.jsonl',
      purpose: 'fine-tune',
      content: '{"messages":[]}\n',
    });
    const job = await startFineTune(client, {
      trainingFileId: fileId,
      model: 'gpt-4o-mini-2024-07-18',
      suffix: 'censor',
    });
    expect(job.status).toBe('validating_files');
    expect(fake.jobs.get(job.id)?.request).toMatchObject({
      training_file: fileId,
      model: 'gpt-4o-mini-2024-07-18',
      suffix: 'censor',
      method: { type: 'supervised' },
    });
  });

  test('follows a job through every status to success, each event once and in order', async () => {
    const { client } = await start({ runningPolls: 2 });
    const fileId = await uploadTrainingFile(client, 'train.jsonl', Buffer.from('x'));
    const job = await startFineTune(client, { trainingFileId: fileId, model: 'gpt-4o-mini-2024-07-18', suffix: 's' });
    const snapshots = await collect(client, job.id);
    expect(snapshots.map((s) => s.job.status)).toEqual(['queued', 'running', 'running', 'running', 'succeeded']);
    const messages = snapshots.flatMap((s) => s.events.map((e) => e.message));
    expect(messages).toEqual([
      `Created fine-tuning job: ${job.id}`,
      `Validating training file: ${fileId}`,
      'Files validated, moving job to queued state',
      'Fine-tuning job started',
      'Step 10/20: training loss=0.6',
      'Step 20/20: training loss=0.4',
      'New fine-tuned model created: ft:gpt-4o-mini-2024-07-18:fake-org:s:AbC123',
      'The job has successfully completed',
    ]);
    const last = snapshots.at(-1)?.job;
    expect(last?.fine_tuned_model).toBe('ft:gpt-4o-mini-2024-07-18:fake-org:s:AbC123');
    expect(successLines(last!).at(-1)).toBe('OPENAI_CENSOR_MODEL=ft:gpt-4o-mini-2024-07-18:fake-org:s:AbC123');
    const progress = advanceProgress(
      {},
      snapshots.flatMap((s) => s.events),
    );
    expect(progress).toMatchObject({ step: 20, totalSteps: 20, trainLoss: 0.4 });
    expect(statusLine(last!, progress, Date.now())).toMatch(
      /succeeded · step 20\/20 \(100%\) · loss 0\.400 · 48,210 tokens/,
    );
  });

  test('stops at a failed job, with the reason', async () => {
    const { client } = await start({ outcome: 'failed' });
    const fileId = await uploadTrainingFile(client, 'train.jsonl', Buffer.from('x'));
    const job = await startFineTune(client, { trainingFileId: fileId, model: 'm', suffix: 's' });
    const snapshots = await collect(client, job.id);
    expect(snapshots.map((s) => s.job.status)).toEqual(['failed']);
    expect(snapshots[0]?.job.error?.message).toMatch(/invalid training file/);
    expect(snapshots[0]?.events.at(-1)?.level).toBe('error');
  });

  test('stops quietly when the signal aborts', async () => {
    const { client } = await start({ runningPolls: 100 });
    const fileId = await uploadTrainingFile(client, 'train.jsonl', Buffer.from('x'));
    const job = await startFineTune(client, { trainingFileId: fileId, model: 'm', suffix: 's' });
    const controller = new AbortController();
    let polls = 0;
    for await (const _ of followJob(client, job.id, { pollMs: 1, signal: controller.signal })) {
      if (++polls === 3) controller.abort();
    }
    expect(polls).toBe(3);
  });

  test('an unknown job and a refused key are one line each', async () => {
    const { client } = await start();
    await expect(collect(client, 'ftjob-nope')).rejects.toThrow(
      new UserFacingError('OpenAI found no fine-tuning job ftjob-nope (404)'),
    );
    const config = loadSharedConfig({
      OPENAI_API_KEY: 'sk-wrong',
      OPENAI_BASE_URL: `${server.url}/v1`,
      MODEL_RETRIES: '0',
    });
    await expect(uploadTrainingFile(await createFineTuneClient(config), 'a.jsonl', Buffer.from('x'))).rejects.toThrow(
      /refused the API key \(401\)/,
    );
  });

  test('without OPENAI_API_KEY nothing is built', async () => {
    await expect(createFineTuneClient(loadSharedConfig({}))).rejects.toThrow(/needs OPENAI_API_KEY/);
  });
});
