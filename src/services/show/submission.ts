import { lexiconKey, submittedText } from '../censor/pipeline.js';
import type { GuildSettings } from '../store/schemas.js';
import type { DirectorOptions, Submission } from './director.js';

type SubmissionDeps = Pick<DirectorOptions, 'store' | 'defaults' | 'censorModel'>;

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
