import { createHash } from 'node:crypto';
import {
  type AnyThreadChannel,
  type Message,
  RESTJSONErrorCodes,
  type SendableChannels,
  type TextChannel,
} from 'discord.js';
import { customId } from './format.js';

/**
 * What makes an act's steps safe to repeat after a crash or a lost answer: a nonce per step, which Discord
 * answers with the message already created (`enforce_nonce`), and look-ups of what a step left behind when the
 * nonce's few minutes are over.
 */

/** The steps of an act that create a message: each has one nonce per performance. */
export type ActStep =
  | 'review'
  | 'appeal-review'
  | 'release'
  | 'finale'
  | 'hearing'
  | 'verdict'
  | 'appeal-cut'
  | 'failure'
  | 'refused';

/** Discord allows 25 characters: a hash of the performance and the step, the same on every retry and restart. */
export function stepNonce(performanceId: string, step: ActStep): string {
  return createHash('sha256').update(`${performanceId}:${step}`).digest('base64url').slice(0, 25);
}

/** Options for a message create that Discord de-duplicates by nonce. */
export function once(performanceId: string, step: ActStep) {
  return { nonce: stepNonce(performanceId, step), enforceNonce: true } as const;
}

/** Messages looked at when searching a thread for a step's message: an act posts far fewer. */
const LOOKBACK = 50;

/** The finale of a performance already in its thread (it carries the performance's vote buttons), if any. */
export function findFinale(thread: AnyThreadChannel, performanceId: string): Promise<Message | undefined> {
  const marker = customId('vote', performanceId, 'censored');
  return findOwn(thread, (m) => JSON.stringify(m.components).includes(marker));
}

/** The show's own message among a thread's latest that `match` picks (a step's message whose nonce expired), if any. */
export async function findOwn(
  thread: AnyThreadChannel,
  match: (message: Message) => boolean,
): Promise<Message | undefined> {
  const messages = await thread.messages.fetch({ limit: LOOKBACK });
  return [...messages.values()].find((m) => m.author.id === thread.client.user.id && match(m));
}

/** A thread the show already opened under this name (a crash before its id was saved), if still active. */
export async function findThread(parent: TextChannel, name: string): Promise<AnyThreadChannel | undefined> {
  const active = await parent.threads.fetchActive();
  return [...active.threads.values()].find(
    (t) => t.parentId === parent.id && t.name === name && t.ownerId === parent.client.user.id,
  );
}

/** A message a step saved the id of, if it is still there (a moderator may have deleted it). */
export async function findSaved(
  channel: SendableChannels,
  messageId: string | undefined,
): Promise<Message | undefined> {
  if (!messageId || !('messages' in channel)) return undefined;
  try {
    return await channel.messages.fetch(messageId);
  } catch (err) {
    if ((err as { code?: unknown }).code === RESTJSONErrorCodes.UnknownMessage) return undefined;
    throw err;
  }
}
