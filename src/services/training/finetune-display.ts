import type { FineTuningJob, FineTuningJobEvent } from './finetune.js';
import { formatDuration } from './progress.js';

/** What the events of a job have said so far about its training progress. */
export interface TrainingProgress {
  step?: number;
  totalSteps?: number;
  trainLoss?: number;
  latest?: string;
}

/** Folds new events into the progress seen so far; `metrics` events carry step, total steps and loss. */
export function advanceProgress(progress: TrainingProgress, events: readonly FineTuningJobEvent[]): TrainingProgress {
  let next = progress;
  for (const event of events) {
    const data = (event.data ?? {}) as { step?: unknown; total_steps?: unknown; train_loss?: unknown };
    next = {
      ...next,
      latest: event.message,
      ...(typeof data.step === 'number' ? { step: data.step } : {}),
      ...(typeof data.total_steps === 'number' ? { totalSteps: data.total_steps } : {}),
      ...(typeof data.train_loss === 'number' ? { trainLoss: data.train_loss } : {}),
    };
  }
  return next;
}

const STATUS_LABEL: Record<FineTuningJob['status'], string> = {
  validating_files: 'validating files',
  queued: 'queued',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
};

const count = (n: number) => n.toLocaleString('en-US');

/** The one-line live status: `running · step 40/100 (40%) · loss 0.412 · 12,345 tokens · 2m 10s`. */
export function statusLine(job: FineTuningJob, progress: TrainingProgress, nowMs: number): string {
  const parts = [`${job.id} ${STATUS_LABEL[job.status]}`];
  if (progress.step !== undefined) {
    const total = progress.totalSteps;
    parts.push(
      total
        ? `step ${progress.step}/${total} (${Math.floor((100 * progress.step) / total)}%)`
        : `step ${progress.step}`,
    );
  }
  if (progress.trainLoss !== undefined) parts.push(`loss ${progress.trainLoss.toFixed(3)}`);
  parts.push(job.trained_tokens ? `${count(job.trained_tokens)} tokens trained` : 'tokens trained: —');
  parts.push(formatDuration(elapsedMs(job, nowMs)));
  return parts.join(' · ');
}

/** Time since the job was created, or its whole run once finished. */
export function elapsedMs(job: FineTuningJob, nowMs: number): number {
  const end = job.finished_at ? job.finished_at * 1000 : nowMs;
  return end - job.created_at * 1000;
}

/** An event as a log line, stamped with the time since the job was created: `+1m 05s  Step 10/100: …`. */
export function eventLine(job: FineTuningJob, event: FineTuningJobEvent): string {
  const at = `+${formatDuration((event.created_at - job.created_at) * 1000)}`.padEnd(8);
  const level = event.level === 'info' ? '' : `${event.level.toUpperCase()}: `;
  return `  ${at} ${level}${event.message}`;
}

/** The closing lines of a job that succeeded: the model id and the `.env` line that selects it. */
export function successLines(job: FineTuningJob): string[] {
  const model = job.fine_tuned_model ?? '';
  return [
    `Fine-tuned model: ${model}`,
    ...(job.trained_tokens ? [`Trained tokens: ${count(job.trained_tokens)}`] : []),
    'To perform with it, set CENSOR_ENGINE=openai and put this line in .env:',
    `OPENAI_CENSOR_MODEL=${model}`,
  ];
}
