import { setTimeout as sleep } from 'node:timers/promises';
import type OpenAI from 'openai';
import { APIError, toFile } from 'openai';
import type { FineTuningJob, FineTuningJobEvent } from 'openai/resources/fine-tuning/jobs/jobs';
import type { SharedConfig } from '../../config.js';
import { UserFacingError } from '../../errors.js';
import { createOpenAIClient } from '../clients/openai.js';

export type { FineTuningJob, FineTuningJobEvent };

/** The base model fine-tuned when no `--model` is given: a snapshot OpenAI accepts for supervised fine-tuning. */
export const DEFAULT_FINETUNE_MODEL = 'gpt-4o-mini-2024-07-18';
/** Added to the fine-tuned model's name, so it is recognisable in the OpenAI dashboard. */
export const DEFAULT_FINETUNE_SUFFIX = 'compliance-censor';
/** How often a job is polled. OpenAI jobs take minutes; polling faster only spends rate limit. */
export const DEFAULT_POLL_MS = 5000;

const TERMINAL = new Set<FineTuningJob['status']>(['succeeded', 'failed', 'cancelled']);

/** True once a job will not change again. */
export function isTerminal(status: FineTuningJob['status']): boolean {
  return TERMINAL.has(status);
}

/** The part of the OpenAI client fine-tuning uses. */
export type FineTuneClient = Pick<OpenAI, 'files' | 'fineTuning'>;

/**
 * Builds the OpenAI client for fine-tuning from the config. `fetch` reaches a fake in tests. A missing key is
 * refused here, before any file is read or sent.
 */
export async function createFineTuneClient(config: SharedConfig, fetchImpl?: typeof fetch): Promise<FineTuneClient> {
  if (!config.OPENAI_API_KEY) {
    throw new UserFacingError(
      'fine-tuning needs OPENAI_API_KEY: set it in .env (https://platform.openai.com/api-keys)',
    );
  }
  return createOpenAIClient({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    maxRetries: config.MODEL_RETRIES,
    fetch: fetchImpl,
  });
}

/** Uploads one JSONL file for fine-tuning and returns its file id. */
export async function uploadTrainingFile(
  client: FineTuneClient,
  name: string,
  content: Uint8Array,
  signal?: AbortSignal,
): Promise<string> {
  try {
    const file = await client.files.create(
      { file: await toFile(content, name, { type: 'application/jsonl' }), purpose: 'fine-tune' },
      { signal },
    );
    return file.id;
  } catch (err) {
    throw explainApiError(err, `the upload of ${name}`);
  }
}

export interface StartJobOptions {
  trainingFileId: string;
  validationFileId?: string;
  model: string;
  suffix: string;
  signal?: AbortSignal;
}

/** Creates a supervised fine-tuning job. */
export async function startFineTune(client: FineTuneClient, options: StartJobOptions): Promise<FineTuningJob> {
  try {
    return await client.fineTuning.jobs.create(
      {
        model: options.model,
        training_file: options.trainingFileId,
        ...(options.validationFileId ? { validation_file: options.validationFileId } : {}),
        suffix: options.suffix,
        method: { type: 'supervised' },
      },
      { signal: options.signal },
    );
  } catch (err) {
    throw explainApiError(err, `a fine-tuning job on ${options.model}`);
  }
}

/** What one poll of a job saw: the job as it is now, and the events not seen before, oldest first. */
export interface JobSnapshot {
  job: FineTuningJob;
  events: FineTuningJobEvent[];
}

export interface FollowOptions {
  pollMs?: number;
  signal?: AbortSignal;
  /** How many of the newest events one poll asks for. */
  eventPage?: number;
}

/**
 * Polls a job until it reaches a terminal status, yielding a snapshot per poll. Stops quietly when `signal`
 * aborts (the job goes on at OpenAI; the caller tells the person how to pick it up again).
 */
export async function* followJob(
  client: FineTuneClient,
  jobId: string,
  options: FollowOptions = {},
): AsyncGenerator<JobSnapshot> {
  const { pollMs = DEFAULT_POLL_MS, signal, eventPage = 50 } = options;
  const seen = new Set<string>();
  while (!signal?.aborted) {
    let job: FineTuningJob;
    let page: FineTuningJobEvent[];
    // A signal of its own per poll: the SDK leaves a listener on every signal it is given, and a job is polled
    // hundreds of times.
    const pollSignal = signal ? AbortSignal.any([signal]) : undefined;
    try {
      job = await client.fineTuning.jobs.retrieve(jobId, { signal: pollSignal });
      page = (await client.fineTuning.jobs.listEvents(jobId, { limit: eventPage }, { signal: pollSignal })).data;
    } catch (err) {
      if (signal?.aborted) return;
      throw explainApiError(err, `fine-tuning job ${jobId}`);
    }
    // The API lists events newest first; a person reads them oldest first.
    const events = page
      .filter((event) => !seen.has(event.id))
      .reverse()
      .sort((a, b) => a.created_at - b.created_at);
    for (const event of events) seen.add(event.id);
    yield { job, events };
    if (isTerminal(job.status)) return;
    try {
      await sleep(pollMs, undefined, { signal });
    } catch {
      return;
    }
  }
}

/** Turns the API's errors into one line a person can act on; anything else is rethrown as is. */
export function explainApiError(err: unknown, what: string): unknown {
  if (!(err instanceof APIError) || err.status === undefined) return err;
  if (err.status === 401) return new UserFacingError('OpenAI refused the API key (401): check OPENAI_API_KEY');
  if (err.status === 404) return new UserFacingError(`OpenAI found no ${what} (404)`);
  return new UserFacingError(`OpenAI refused ${what} (${err.status}): ${err.message.replace(/^\d+\s*/, '')}`);
}
