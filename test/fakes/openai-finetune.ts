import type { LoopbackServer, RecordedRequest, Reply } from './http.js';

/** A file the fake received, as OpenAI would store it. */
export interface FakeFile {
  id: string;
  filename: string;
  purpose: string;
  content: string;
  bytes: number;
  created_at: number;
}

interface FakeEvent {
  id: string;
  object: 'fine_tuning.job.event';
  created_at: number;
  level: 'info' | 'warn' | 'error';
  message: string;
  type: 'message' | 'metrics';
  data?: Record<string, unknown>;
}

/** A job the fake holds, with the request that created it and everything it has said. */
export interface FakeJob {
  request: Record<string, unknown>;
  job: Record<string, unknown> & { id: string; status: string };
  events: FakeEvent[];
  /** How many times the job has been retrieved; each retrieval moves it one step on. */
  polls: number;
}

export interface FineTuningFakeOptions {
  /** How the job ends. A failing job fails while validating its files, as a bad file does at OpenAI. */
  outcome?: 'succeeded' | 'failed';
  /** Polls the job spends running, each with one metrics event. Default 3. */
  runningPolls?: number;
  /** Tokens trained, reported once the job succeeds. */
  trainedTokens?: number;
  /** The bearer token the fake accepts. Default `sk-test`. */
  apiKey?: string;
  /** Unix seconds; a test can make timestamps predictable. */
  clock?: () => number;
}

/** What a test can inspect after the fake has been used. */
export interface FineTuningFake {
  files: Map<string, FakeFile>;
  jobs: Map<string, FakeJob>;
}

const PREFIX = '(?:/v1)?';

function openAiError(status: number, message: string, param: string | null = null, code: string | null = null): Reply {
  return { status, body: { error: { message, type: 'invalid_request_error', param, code } } };
}

/** Reads a multipart/form-data body: its text fields and its one file. */
function parseMultipart(request: RecordedRequest) {
  const type = String(request.headers['content-type'] ?? '');
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  const fields: Record<string, string> = {};
  let file: { filename: string; content: string } | undefined;
  if (!boundary) return { fields, file };
  const marker = `--${boundary[1] ?? boundary[2]}`;
  for (const part of request.body.toString('utf8').split(marker)) {
    const split = part.indexOf('\r\n\r\n');
    if (split === -1) continue;
    const headers = part.slice(0, split);
    const content = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="([^"]*)"/.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    if (filename !== undefined) file = { filename, content };
    else if (name) fields[name] = content;
  }
  return { fields, file };
}

/**
 * Adds the Files and Fine-tuning routes of the OpenAI API to a loopback server, beside any other fake routes
 * (chat, images) on the same server. Paths are answered with or without the `/v1` prefix. A job walks
 * validating_files → queued → running (with metrics events) → succeeded, one step per retrieval — or fails
 * validating its files when `outcome` is `failed`.
 */
export function addFineTuningRoutes(server: LoopbackServer, options: FineTuningFakeOptions = {}): FineTuningFake {
  const { outcome = 'succeeded', runningPolls = 3, trainedTokens = 48_210, apiKey = 'sk-test' } = options;
  const clock = options.clock ?? (() => Math.floor(Date.now() / 1000));
  const state: FineTuningFake = { files: new Map(), jobs: new Map() };
  let nextId = 1;
  const id = (prefix: string) => `${prefix}-fake${String(nextId++).padStart(4, '0')}`;
  const authorised = (request: RecordedRequest) => request.headers.authorization === `Bearer ${apiKey}`;
  const unauthorised = openAiError(401, 'Incorrect API key provided.', null, 'invalid_api_key');

  const addEvent = (entry: FakeJob, message: string, extra: Partial<FakeEvent> = {}) => {
    entry.events.push({
      id: id('ftevent'),
      object: 'fine_tuning.job.event',
      created_at: clock(),
      level: 'info',
      message,
      type: 'message',
      ...extra,
    });
  };

  const advance = (entry: FakeJob) => {
    const { job } = entry;
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return;
    entry.polls++;
    if (job.status === 'validating_files' && outcome === 'failed') {
      job.status = 'failed';
      job.finished_at = clock();
      job.error = {
        code: 'invalid_training_file',
        message: 'The job failed due to an invalid training file. Expected file to have JSONL format.',
        param: 'training_file',
      };
      addEvent(entry, String((job.error as { message: string }).message), { level: 'error' });
      return;
    }
    if (job.status === 'validating_files') {
      job.status = 'queued';
      addEvent(entry, 'Files validated, moving job to queued state');
      return;
    }
    if (job.status === 'queued') {
      job.status = 'running';
      addEvent(entry, 'Fine-tuning job started');
      return;
    }
    const step = entry.polls - 2;
    if (step <= runningPolls) {
      const total = runningPolls * 10;
      const loss = Number((1.2 / (step + 1)).toFixed(4));
      addEvent(entry, `Step ${step * 10}/${total}: training loss=${loss}`, {
        type: 'metrics',
        data: { step: step * 10, total_steps: total, train_loss: loss },
      });
      return;
    }
    job.status = 'succeeded';
    job.finished_at = clock();
    job.trained_tokens = trainedTokens;
    job.fine_tuned_model = `ft:${job.model}:fake-org:${job.suffix ?? 'custom'}:AbC123`;
    addEvent(entry, `New fine-tuned model created: ${job.fine_tuned_model}`);
    addEvent(entry, 'The job has successfully completed');
  };

  server.route('POST', new RegExp(`^${PREFIX}/files$`), (request) => {
    if (!authorised(request)) return unauthorised;
    const { fields, file } = parseMultipart(request);
    if (!file) return openAiError(400, "Missing required parameter: 'file'.", 'file');
    if (fields.purpose !== 'fine-tune') return openAiError(400, `Invalid purpose: ${fields.purpose}`, 'purpose');
    const stored: FakeFile = {
      id: id('file'),
      filename: file.filename,
      purpose: fields.purpose,
      content: file.content,
      bytes: Buffer.byteLength(file.content),
      created_at: clock(),
    };
    state.files.set(stored.id, stored);
    const { content: _content, ...object } = stored;
    return { body: { object: 'file', status: 'processed', ...object } };
  });

  server.route('POST', new RegExp(`^${PREFIX}/fine_tuning/jobs$`), (request) => {
    if (!authorised(request)) return unauthorised;
    const body = (request.json ?? {}) as Record<string, unknown>;
    for (const param of ['training_file', 'validation_file'] as const) {
      const fileId = body[param];
      if (fileId !== undefined && fileId !== null && !state.files.has(String(fileId))) {
        return openAiError(400, `invalid ${param}: ${String(fileId)}`, param);
      }
    }
    if (!body.training_file) return openAiError(400, "Missing required parameter: 'training_file'.", 'training_file');
    if (!body.model) return openAiError(400, "Missing required parameter: 'model'.", 'model');
    const job = {
      id: id('ftjob'),
      object: 'fine_tuning.job',
      created_at: clock(),
      model: body.model,
      suffix: body.suffix ?? null,
      training_file: body.training_file,
      validation_file: body.validation_file ?? null,
      status: 'validating_files',
      fine_tuned_model: null,
      finished_at: null,
      trained_tokens: null,
      error: null,
      hyperparameters: { n_epochs: 'auto', batch_size: 'auto', learning_rate_multiplier: 'auto' },
      organization_id: 'org-fake',
      result_files: [],
      seed: 42,
    };
    const entry: FakeJob = { request: body, job, events: [], polls: 0 };
    state.jobs.set(job.id, entry);
    addEvent(entry, `Created fine-tuning job: ${job.id}`);
    addEvent(entry, `Validating training file: ${String(body.training_file)}`);
    return { body: job };
  });

  server.route('GET', new RegExp(`^${PREFIX}/fine_tuning/jobs/[^/]+$`), (request) => {
    if (!authorised(request)) return unauthorised;
    const entry = state.jobs.get(request.path.split('/').at(-1) ?? '');
    if (!entry) return openAiError(404, 'No such fine-tuning job', 'fine_tuning_job_id', 'fine_tune_not_found');
    advance(entry);
    return { body: entry.job };
  });

  server.route('GET', new RegExp(`^${PREFIX}/fine_tuning/jobs/[^/]+/events$`), (request) => {
    if (!authorised(request)) return unauthorised;
    const entry = state.jobs.get(request.path.split('/').at(-2) ?? '');
    if (!entry) return openAiError(404, 'No such fine-tuning job', 'fine_tuning_job_id', 'fine_tune_not_found');
    // Newest first, like the real API; `after` pages on to older events.
    let events = [...entry.events].reverse();
    const after = request.query.get('after');
    if (after) events = events.slice(events.findIndex((e) => e.id === after) + 1);
    const limit = Number(request.query.get('limit') ?? 20);
    return { body: { object: 'list', data: events.slice(0, limit), has_more: events.length > limit } };
  });

  return state;
}
