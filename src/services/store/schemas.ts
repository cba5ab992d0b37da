import { z } from 'zod';
import { CENSOR_ENGINES, IMAGE_ENGINES } from '../../config.js';
import { CATEGORIES, LAYERS, TIERS } from '../censor/types.js';

export const lexiconEntrySchema = z.object({
  term: z.string().trim().min(1).max(60),
  category: z.enum(CATEGORIES),
  tier: z.enum(TIERS),
  euphemisms: z.array(z.string().trim().min(1).max(60)).min(1),
  reason: z.string().trim().min(1).max(120),
  pos: z.enum(['noun', 'verb', 'adjective', 'other']).optional(),
  forms: z.array(z.string().trim().min(1).max(60)).optional(),
  layer: z.enum(LAYERS).optional(),
});

export const changeSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  from: z.string(),
  to: z.string(),
  category: z.enum(CATEGORIES),
  tier: z.enum(TIERS),
  reason: z.string(),
  layer: z.enum(LAYERS).optional(),
});

export const censorResultSchema = z.object({
  verdict: z.enum(['pass', 'rewrite', 'block']),
  censored: z.string(),
  changes: z.array(changeSchema),
  engine: z.enum(CENSOR_ENGINES),
});

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

export const appealSchema = z.object({
  at: z.string(),
  outcome: z.enum(['pending', 'upheld', 'overturned']),
  result: censorResultSchema.optional(),
  prompt: z.string().optional(),
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
  style: z.string(),
  status: z.enum(PERFORMANCE_STATUSES),
  censorEngine: z.enum(CENSOR_ENGINES),
  imageEngine: z.enum(IMAGE_ENGINES),
  result: censorResultSchema.optional(),
  /** The final styled prompt sent to the image model. */
  prompt: z.string().optional(),
  threadId: z.string().optional(),
  reviewMessageId: z.string().optional(),
  finalMessageId: z.string().optional(),
  appeal: appealSchema.optional(),
  /** In-character note shown when something went wrong or an engine fell back. */
  note: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Performance = z.infer<typeof performanceSchema>;

export const VOTE_SIDES = ['original', 'censored'] as const;
export type VoteSide = (typeof VOTE_SIDES)[number];
/** Votes on one performance: member id to side. One vote per member, changeable. */
export const votesSchema = z.record(z.string(), z.enum(VOTE_SIDES));
export type Votes = z.infer<typeof votesSchema>;
export interface Tally {
  original: number;
  censored: number;
}

export const guildSettingsSchema = z.object({
  censorEngine: z.enum(CENSOR_ENGINES).optional(),
  imageEngine: z.enum(IMAGE_ENGINES).optional(),
  style: z.string().max(300).optional(),
  /** Multiplier on frame delays: 0 plays instantly, 1 is the default pace, 2 is twice as slow. */
  pace: z.number().min(0).max(5).default(1),
  cooldownSeconds: z.number().int().min(0).max(86_400).default(30),
  maxQueuedPerUser: z.number().int().min(1).max(50).default(2),
  maxQueuedPerGuild: z.number().int().min(1).max(500).default(25),
  modLogChannelId: z.string().optional(),
  /** A moderator must release (or veto) each approved prompt before its image is rendered. */
  reviewMode: z.boolean().default(false),
  /** Render the original brief too, so both images stand side by side. */
  renderOriginal: z.boolean().default(false),
  paused: z.boolean().default(false),
  /** The secret in this guild's wall and gallery links; moderators get and rotate it with `/stage wall`. */
  wallKey: z.string().min(16).max(64).optional(),
  lexicon: z
    .object({ add: z.array(lexiconEntrySchema).default([]), remove: z.array(z.string()).default([]) })
    .default({ add: [], remove: [] }),
});
export type GuildSettings = z.infer<typeof guildSettingsSchema>;
