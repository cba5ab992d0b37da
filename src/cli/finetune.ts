import path from 'node:path';
import { UserFacingError } from '../errors.js';
import { checkChatJsonl, MIN_FINETUNE_EXAMPLES } from '../services/training/check-jsonl.js';
import { readUserFile } from '../services/training/files.js';
import {
  createFineTuneClient,
  DEFAULT_FINETUNE_MODEL,
  DEFAULT_FINETUNE_SUFFIX,
  DEFAULT_POLL_MS,
  type FineTuneClient,
  followJob,
  startFineTune,
  uploadTrainingFile,
} from '../services/training/finetune.js';
import {
  advanceProgress,
  elapsedMs,
  eventLine,
  statusLine,
  successLines,
  type TrainingProgress,
} from '../services/training/finetune-display.js';
import { formatDuration, LiveStatus } from '../services/training/progress.js';
import { parseCommandArgs, takeSubcommand, UsageError } from './args.js';
import type { CliCommand, CliContext } from './types.js';

const SUBCOMMANDS = ['openai', 'status'] as const;
/** The exit code of a program stopped by Ctrl-C. */
const INTERRUPTED = 130;

function parsePollMs(value: string | undefined): number {
  if (value === undefined) return DEFAULT_POLL_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1 || ms > 600_000) throw new UsageError('--poll-ms must be from 1 to 600000');
  return ms;
}

/** Reads a chat JSONL file and checks it before anything is uploaded. */
async function readChatFile(file: string, role: 'training' | 'validation'): Promise<Buffer> {
  const bytes = await readUserFile(file);
  const { examples, problems } = checkChatJsonl(bytes.toString('utf8'));
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).map((p) => `${file}:${p.line}: ${p.message}`);
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    throw new UserFacingError(
      `${file} is not a chat fine-tuning file: ${shown.join('; ')}${more}. Make one with: npm run cli -- dataset export`,
    );
  }
  if (role === 'training' && examples < MIN_FINETUNE_EXAMPLES) {
    throw new UserFacingError(`${file} has ${examples} examples; OpenAI needs at least ${MIN_FINETUNE_EXAMPLES}`);
  }
  return bytes;
}

/** Runs `work` with a signal that Ctrl-C aborts, so a long wait ends politely instead of being killed. */
async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.on('SIGINT', onInterrupt);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

const resumeHint = (jobId: string) => `npm run cli -- finetune status ${jobId}`;

/** Follows a job to its end with a live display; returns the exit code. */
async function follow(
  ctx: CliContext,
  client: FineTuneClient,
  jobId: string,
  pollMs: number,
  signal: AbortSignal,
): Promise<number> {
  const out = ctx.io.stdout;
  const live = new LiveStatus(out);
  let progress: TrainingProgress = {};
  let lastStatus: string | undefined;
  let last: Awaited<ReturnType<FineTuneClient['fineTuning']['jobs']['retrieve']>> | undefined;
  for await (const { job, events } of followJob(client, jobId, { pollMs, signal })) {
    last = job;
    for (const event of events) live.log(eventLine(job, event));
    progress = advanceProgress(progress, events);
    if (!live.isTTY && job.status !== lastStatus) {
      live.log(`status: ${job.status} (${formatDuration(elapsedMs(job, Date.now()))})`);
    }
    lastStatus = job.status;
    live.status(statusLine(job, progress, Date.now()));
  }
  live.clear();
  if (signal.aborted || !last) {
    out.write(`\nStopped following ${jobId}; it goes on at OpenAI. Pick it up again with:\n  ${resumeHint(jobId)}\n`);
    return INTERRUPTED;
  }
  if (last.status === 'succeeded') {
    out.write(`${successLines(last).join('\n')}\n`);
    return 0;
  }
  const why = last.error?.message ? `: ${last.error.message}` : '';
  throw new UserFacingError(`fine-tuning job ${jobId} ${last.status}${why}`);
}

async function startOpenAi(values: Record<string, string | boolean | undefined>, ctx: CliContext) {
  const trainFile = values.train as string | undefined;
  if (!trainFile) throw new UsageError('give the training file with --train (made by: dataset export --format openai)');
  const validationFile = values.validation as string | undefined;
  const model = (values.model as string | undefined) ?? DEFAULT_FINETUNE_MODEL;
  const suffix = (values.suffix as string | undefined) ?? DEFAULT_FINETUNE_SUFFIX;
  if (!/^[\w-]{1,64}$/.test(suffix)) throw new UsageError('--suffix may hold up to 64 letters, digits, - and _');
  const pollMs = parsePollMs(values['poll-ms'] as string | undefined);
  const client = await createFineTuneClient(ctx.config, ctx.engines.fetch);
  const train = await readChatFile(trainFile, 'training');
  const validation = validationFile ? await readChatFile(validationFile, 'validation') : undefined;
  const out = ctx.io.stdout;

  return withInterrupt(async (signal) => {
    let jobId: string | undefined;
    try {
      const trainingFileId = await uploadTrainingFile(client, path.basename(trainFile), train, signal);
      out.write(`Uploaded ${trainFile} as ${trainingFileId}\n`);
      let validationFileId: string | undefined;
      if (validation && validationFile) {
        validationFileId = await uploadTrainingFile(client, path.basename(validationFile), validation, signal);
        out.write(`Uploaded ${validationFile} as ${validationFileId}\n`);
      }
      const job = await startFineTune(client, { trainingFileId, validationFileId, model, suffix, signal });
      jobId = job.id;
    } catch (err) {
      if (signal.aborted) {
        out.write('\nInterrupted before the fine-tuning job was created; nothing is training.\n');
        return INTERRUPTED;
      }
      throw err;
    }
    out.write(`Created fine-tuning job ${jobId} on ${model}. Ctrl-C stops watching; the job goes on.\n`);
    return follow(ctx, client, jobId, pollMs, signal);
  });
}

export const finetune: CliCommand = {
  name: 'finetune',
  usage: [
    'npm run cli -- finetune openai --train F [--validation F] [--model M] [--suffix S] [--poll-ms N]',
    '       npm run cli -- finetune status JOB [--poll-ms N]',
  ].join('\n'),
  async run(args, ctx) {
    const { subcommand, rest } = takeSubcommand(args, SUBCOMMANDS);
    const { values, positionals } = parseCommandArgs(rest, {
      train: { type: 'string' },
      validation: { type: 'string' },
      model: { type: 'string' },
      suffix: { type: 'string' },
      'poll-ms': { type: 'string' },
    });
    if (subcommand === 'openai') {
      if (positionals.length > 0) throw new UsageError('finetune openai takes its files as --train and --validation');
      return startOpenAi(values, ctx);
    }
    if (positionals.length !== 1 || !positionals[0]) throw new UsageError('give the job id, e.g. ftjob-abc123');
    const jobId = positionals[0];
    const pollMs = parsePollMs(values['poll-ms']);
    const client = await createFineTuneClient(ctx.config, ctx.engines.fetch);
    return withInterrupt((signal) => follow(ctx, client, jobId, pollMs, signal));
  },
};
