import { UserFacingError } from '../../errors.js';
import { lexiconKey, submittedText } from '../censor/pipeline.js';
import type { GuildSettings, Performance } from '../store/schemas.js';
import type { DirectorOptions } from './director.js';
import type { Intake } from './intake.js';

type SubmissionDeps = Pick<DirectorOptions, 'store' | 'defaults' | 'censorModel'>;

export interface Submission {
  guildId: string;
  channelId: string;
  authorId: string;
  brief: string;
  style?: string;
}

export type SubmitOutcome =
  | { kind: 'queued'; performance: Performance; place: number }
  | { kind: 'blocked'; performance: Performance; reasons: string[] };

/**
 * Takes a brief in: the guild's rules and the member's limits first, then the brief saved (nothing submitted is
 * lost) and scanned for the block tier. An accepted brief is for the caller to queue.
 */
export async function admitBrief(
  options: SubmissionDeps,
  intake: Intake,
  submission: Submission,
): Promise<Exclude<SubmitOutcome, { kind: 'queued' }> | { kind: 'accepted'; performance: Performance }> {
  const settings = await options.store.guilds.get(submission.guildId);
  if (settings.paused)
    throw new UserFacingError('The stage is paused by the moderators. Briefs are not being accepted right now.');
  if (submission.style && settings.memberStyle === 'off')
    throw new UserFacingError('Members’ own styles are switched off on this server: submit the brief without one.');
  const undo = intake.admit(submission.guildId, submission.authorId, settings);
  // Nothing is accepted when the scan or the write fails: the member may try again at once.
  const { scan, performance } = await recordSubmission(options, submission, settings).catch((err: unknown) => {
    undo();
    throw err;
  });
  if (scan.verdict !== 'block') return { kind: 'accepted', performance };
  const reasons = [...new Set(scan.changes.filter((c) => c.tier === 'block').map((c) => c.reason))];
  return { kind: 'blocked', performance, reasons };
}

/** Scans a brief for the block tier and saves it: the one step of a submission that may fail after admission. */
export async function recordSubmission(options: SubmissionDeps, submission: Submission, settings: GuildSettings) {
  const { store, defaults } = options;
  // The embedded censor decides the block tier for every engine — the brief and the member's style together,
  // with the guild's terms layered on (it keeps each layered lexicon compiled for the acts too).
  const scanned = { overrides: settings.lexicon, satire: settings.satire };
  const brief = submittedText(submission.brief, submission.style);
  const scan = await options.censorModel('lexicon').censor({ brief, ...scanned });
  const censorEngine = settings.censorEngine ?? defaults.censorEngine;
  const kept = scan.verdict === 'block' || censorEngine === 'lexicon';
  const performance = await store.performances.create({
    guildId: submission.guildId,
    channelId: submission.channelId,
    authorId: submission.authorId,
    brief: submission.brief,
    ...(submission.style ? { memberStyle: submission.style } : {}),
    style: settings.style ?? defaults.style,
    status: scan.verdict === 'block' ? 'blocked' : 'queued',
    censorEngine,
    imageEngine: settings.imageEngine ?? defaults.imageEngine,
    voice: settings.voice,
    // Kept for the act when the embedded censor performs it (see censorAct), or to minute a refusal.
    ...(kept ? { result: scan, scannedWith: lexiconKey(scanned) } : {}),
  });
  return { scan, performance };
}
