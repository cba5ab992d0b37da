import { submittedText } from '../censor/pipeline.js';
import type { GuildSettings } from '../store/schemas.js';
import type { DirectorOptions, Submission } from './director.js';

type SubmissionDeps = Pick<DirectorOptions, 'store' | 'defaults' | 'censorModel'>;

/** Scans a brief for the block tier and saves it: the one step of a submission that may fail after admission. */
export async function recordSubmission(options: SubmissionDeps, submission: Submission, settings: GuildSettings) {
  const { store, defaults } = options;
  // The embedded censor decides the block tier for every engine — the brief and the member's style together,
  // with the guild's terms layered on (it keeps each layered lexicon compiled for the acts too).
  const scan = await options.censorModel('lexicon').censor({
    brief: submittedText(submission.brief, submission.style),
    overrides: settings.lexicon,
    satire: settings.satire,
  });
  const performance = await store.performances.create({
    guildId: submission.guildId,
    channelId: submission.channelId,
    authorId: submission.authorId,
    brief: submission.brief,
    ...(submission.style ? { memberStyle: submission.style } : {}),
    style: settings.style ?? defaults.style,
    status: scan.verdict === 'block' ? 'blocked' : 'queued',
    censorEngine: settings.censorEngine ?? defaults.censorEngine,
    imageEngine: settings.imageEngine ?? defaults.imageEngine,
    ...(scan.verdict === 'block' ? { result: scan } : {}),
  });
  return { scan, performance };
}
