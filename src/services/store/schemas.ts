import { z } from 'zod';
import { CENSOR_ENGINES, IMAGE_ENGINES } from '../../config.js';
import { censorResultSchema, lexiconEntrySchema } from '../censor/schemas.js';
import { CATEGORIES, TIERS } from '../censor/types.js';
import { DEFAULT_VOICE, VOICES } from '../script/voices.js';
import { paceSchema } from '../show/pace.js';

// The censor owns these schemas; they are re-exported for the modules that read them from here.
export { censorResultSchema, changeSchema, lexiconEntrySchema } from '../censor/schemas.js';

/**
 * Where an act is in its life. `queued` and `performing` are the states a restart must pick up again;
 * `awaiting-release` waits for a moderator in review mode.
 */
export const PERFORMANCE_STATUSES = [
  'queued',
  'performing',
  'awaiting-release',
  'done',
  'blocked',
  'vetoed',
  'skipped',
  'failed',
  /** withdrawn by a moderator after it was performed */
  'removed',
] as const;
export type PerformanceStatus = (typeof PERFORMANCE_STATUSES)[number];

/** One line of an appeal's verdict. Only a redline term is named (`term`); blackout and block terms never are. */
export const rulingSchema = z.object({
  category: z.enum(CATEGORIES),
  tier: z.enum(TIERS),
  reason: z.string(),
  term: z.string().optional(),
});
export type Ruling = z.infer<typeof rulingSchema>;

export const appealSchema = z.object({
  at: z.string(),
  outcome: z.enum(['pending', 'upheld', 'overturned']),
  /** A moderator granted the pending appeal (review mode): the hearing is under way, no second decision. */
  granted: z.boolean().optional(),
  /** The author's grounds as the censor passed them (never as typed). */
  grounds: z.string().optional(),
  /**
   * The grounds as the author typed them, kept only while the appeal waits to be heard (a restart hears it with
   * them); the hearing passes them through the censor and drops them. Never shown.
   */
  submitted: z.string().optional(),
  result: censorResultSchema.optional(),
  prompt: z.string().optional(),
  reinstated: z.array(rulingSchema).optional(),
  upheld: z.array(rulingSchema).optional(),
  /** The message holding the Appeal Cut, when the appeal won. */
  messageId: z.string().optional(),
});

export const performanceSchema = z.object({
  id: z.string().min(1),
  /** Per-guild running number shown to the audience ("Performance #12"). */
  number: z.number().int().min(1),
  /** The Discord guild, or "cli" for rehearsals. */
  guildId: z.string().min(1),
  authorId: z.string().min(1),
  channelId: z.string().optional(),
  brief: z.string(),
  /** A member's own style: censored with the brief, in public (see `submittedText`). */
  memberStyle: z.string().optional(),
  /** The house style, appended in code after the censor. */
  style: z.string(),
  status: z.enum(PERFORMANCE_STATUSES),
  censorEngine: z.enum(CENSOR_ENGINES),
  imageEngine: z.enum(IMAGE_ENGINES),
  /** The voice the act is performed in, fixed at submission like its engines (records before voices: corporate). */
  voice: z.enum(VOICES).optional(),
  result: censorResultSchema.optional(),
  /**
   * The lexicon and layers the intake's scan used (see `lexiconKey`): an act whose guild still censors with the
   * same reuses that scan as its censorship instead of censoring the brief again.
   */
  scannedWith: z.string().optional(),
  /** The final styled prompt sent to the image model. */
  prompt: z.string().optional(),
  threadId: z.string().optional(),
  reviewMessageId: z.string().optional(),
  finalMessageId: z.string().optional(),
  appeal: appealSchema.optional(),
  /** Where `/show` posted the performance again, so a withdrawal removes those messages too. */
  reposts: z.array(z.object({ channelId: z.string(), messageId: z.string() })).optional(),
  /** In-character note shown when something went wrong or an engine fell back. */
  note: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Performance = z.infer<typeof performanceSchema>;

/** `appeal` is the Appeal Cut, the second image a won appeal renders. */
export const VOTE_SIDES = ['original', 'censored', 'appeal'] as const;
export type VoteSide = (typeof VOTE_SIDES)[number];
/** Votes on one performance: member id to side. One vote per member, changeable. */
export const votesSchema = z.record(z.string(), z.enum(VOTE_SIDES));
export type Votes = z.infer<typeof votesSchema>;
export interface Tally {
  original: number;
  censored: number;
  /** Votes for the Appeal Cut; present only once someone cast one. */
  appeal?: number;
}

export const guildSettingsSchema = z.object({
  censorEngine: z.enum(CENSOR_ENGINES).optional(),
  imageEngine: z.enum(IMAGE_ENGINES).optional(),
  style: z.string().max(300).optional(),
  /** Multiplier on frame delays (0 plays instantly, 1 is the default pace, 2 is twice as slow), or `auto`. */
  pace: paceSchema.default(1),
  cooldownSeconds: z.number().int().min(0).max(86_400).default(30),
  maxQueuedPerUser: z.number().int().min(1).max(50).default(2),
  maxQueuedPerGuild: z.number().int().min(1).max(500).default(25),
  modLogChannelId: z.string().optional(),
  /** A moderator must release (or veto) each approved prompt before its image is rendered. */
  reviewMode: z.boolean().default(false),
  /** Render the original submission too (redacted, stamped REJECTED), so both images stand side by side. */
  renderOriginal: z.boolean().default(false),
  /** The original is rendered by a hosted image engine only when a moderator enabled this as well. */
  originalOnHosted: z.boolean().default(false),
  /** The theatre layer (corporate satire) fires; the safety layer always does. */
  satire: z.boolean().default(true),
  /** Whether members may give a style of their own; when they may, it is censored with the brief. */
  memberStyle: z.enum(['off', 'censored']).default('censored'),
  /**
   * Safety categories an appeal may reinstate (redline terms only), beyond the theatre layer it always may.
   * Never sexual, nudity, gore, hate or self-harm with a hosted image engine (see appeal-policy.ts).
   */
  appealCategories: z.array(z.enum(CATEGORIES)).default([]),
  paused: z.boolean().default(false),
  /** The voice every line of the show is written in (data/voices/<name>.json). */
  voice: z.enum(VOICES).default(DEFAULT_VOICE),
  /** The secret in this guild's wall and gallery links; moderators get and rotate it with `/stage wall`. */
  wallKey: z.string().min(16).max(64).optional(),
  lexicon: z
    .object({ add: z.array(lexiconEntrySchema).default([]), remove: z.array(z.string()).default([]) })
    .default({ add: [], remove: [] }),
});
export type GuildSettings = z.infer<typeof guildSettingsSchema>;
