import {
  AttachmentBuilder,
  ChannelType,
  type Client,
  type Message,
  type MessageCreateOptions,
  type SendableChannels,
  ThreadAutoArchiveDuration,
} from 'discord.js';
import type { Logger } from '../logger.js';
import { imageExtension, type RenderedImage } from '../services/imagery/types.js';
import { fill } from '../services/script/voices.js';
import { scriptOf } from '../services/show/act.js';
import type { Frame } from '../services/show/frames.js';
import type {
  ActPresenter,
  AppealVerdict,
  FinaleImages,
  OpenOptions,
  PlayOptions,
} from '../services/show/presenter.js';
import { abortableSleep } from '../services/show/sleep.js';
import type { Performance, Tally } from '../services/store/schemas.js';
import { appealCutButtons, appealCutEmbed, verdictEmbed } from './appeal-format.js';
import { finaleMessage, maskedOf } from './finale-message.js';
import { appealDecisionButtons, frameEmbed, NO_MENTIONS, noteEmbed, releaseButtons } from './format.js';
import { type ActStep, findFinale, findThread, once } from './once.js';
import { earlierDesk, earlierReview, withdrawFailure } from './resume.js';
import { briefHeader, reviewPlan } from './review-plan.js';
import { altText } from './user-text.js';
import { removeAct } from './withdraw.js';

export interface DiscordPresenterOptions {
  client: Client;
  log: Logger;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The performance's page on the exhibition wall's gallery, when it has a public address. */
  pageLink?: (performance: Performance) => Promise<string | undefined>;
}

/**
 * Shows an act in Discord: one public thread per performance (which also keeps each act's rate-limit bucket
 * apart), a review message (the masked brief above the frames) edited frame by frame, and the finale with its
 * buttons: 12 REST calls for the four-change brief of bench/discord.ts, the /brief reply included.
 */
export class DiscordPresenter implements ActPresenter {
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Threads opened whose id may not be saved yet (the first post into them failed), so a failure lands there. */
  private readonly opened = new Map<string, string>();

  constructor(private readonly options: DiscordPresenterOptions) {
    this.sleep = options.sleep ?? abortableSleep;
  }

  async open(performance: Performance, options?: OpenOptions): Promise<Partial<Performance>> {
    if (performance.threadId) {
      const thread = await this.sendable(performance.threadId);
      const script = scriptOf(performance);
      if (thread.isThread()) await withdrawFailure(thread, performance);
      await this.send(thread, { embeds: [noteEmbed(script.act.resumed, performance.number, script)] });
      return {};
    }
    const parent = await this.options.client.channels.fetch(performance.channelId ?? '');
    if (!parent || parent.type !== ChannelType.GuildText)
      throw new Error(`channel ${performance.channelId} is not a text channel`);
    const name = fill(scriptOf(performance).discord.threadName, { number: performance.number });
    // A crash between creating the thread and saving its id must not open a second one (a first attempt had none).
    const earlier = options?.firstAttempt ? undefined : await findThread(parent, name);
    const thread =
      earlier ??
      (await parent.threads.create({
        name,
        autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
        type: ChannelType.PublicThread,
        reason: `compliance-theatre performance ${performance.id}`,
      }));
    this.opened.set(performance.id, thread.id);
    return { threadId: thread.id };
  }

  /**
   * One post (the masked brief above the first frame), then an edit per frame: see `reviewPlan`. The post's id is
   * handed to `remember` at once; a resumed act edits the one an earlier attempt posted. An appeal's
   * reconsideration plays in a message of its own.
   */
  async play(
    performance: Performance,
    frames: Frame[],
    signal: AbortSignal,
    options: PlayOptions = {},
  ): Promise<Partial<Performance>> {
    const thread = await this.sendable(performance.threadId);
    const appeal = options.part === 'appeal';
    let review = appeal || this.opened.has(performance.id) ? undefined : await earlierReview(thread, performance);
    const script = scriptOf(performance);
    const plan = reviewPlan(frames);
    for (const { frame, delayMs } of plan.beats) {
      signal.throwIfAborted();
      const started = Date.now();
      const payload = { embeds: [frameEmbed(frame, performance.number, script)], allowedMentions: NO_MENTIONS };
      const content = briefHeader(performance, plan.received?.segments ?? maskedOf(performance), plan.received?.title);
      if (review) review = await review.edit(payload);
      else {
        review = await this.send(thread, { ...payload, content }, [
          performance.id,
          appeal ? 'appeal-review' : 'review',
        ]);
        if (!appeal) await options.remember?.({ reviewMessageId: review.id });
      }
      // The delay counts from the edit's start: time spent waiting out a rate limit is not added on top.
      const rest = delayMs - (Date.now() - started);
      if (rest > 0) await this.sleep(rest, signal);
    }
    return review && !appeal ? { reviewMessageId: review.id } : {};
  }

  /**
   * A brief refused when it came on stage (a guild term added after it was submitted). Its author was told it was
   * received, so they are told where they submitted it — named, never pinged — with the policy reason; nothing of
   * the brief is shown, and no thread is opened.
   */
  async refused(performance: Performance, frames: Frame[]): Promise<void> {
    const script = scriptOf(performance);
    const blocked = frames.flatMap((frame) => frame.notes).filter((note) => note.tier === 'block');
    const reasons = [...new Set(blocked.map((note) => note.reason))].join('; ') || script.frames.refusedReason;
    const line = fill(script.replies.briefRefused, { number: performance.number, reasons });
    const channel = await this.sendable(performance.channelId);
    await this.send(channel, { content: `<@${performance.authorId}> ${line}` }, [performance.id, 'refused']);
  }

  async note(performance: Performance, text: string): Promise<void> {
    const target = await this.sendable(performance.threadId ?? performance.channelId);
    await this.send(target, { embeds: [noteEmbed(text, performance.number, scriptOf(performance))] });
  }

  async awaitRelease(performance: Performance, approved?: Frame): Promise<void> {
    const thread = await this.sendable(performance.threadId);
    const script = scriptOf(performance);
    // The approval `play` left out: the review message shows the prompt the moderators decide on.
    if (approved && performance.reviewMessageId)
      await thread.messages.edit(performance.reviewMessageId, {
        embeds: [frameEmbed(approved, performance.number, script)],
        allowedMentions: NO_MENTIONS,
      });
    // Asked again after a restart: a desk already in the thread stands (its nonce may have expired). A thread this
    // process opened for the act has none yet.
    if (!this.opened.has(performance.id) && thread.isThread() && (await earlierDesk(thread, performance))) return;
    await this.send(
      thread,
      {
        embeds: [noteEmbed(script.act.awaitRelease, performance.number, script)],
        components: releaseButtons(performance.id, script),
      },
      [performance.id, 'release'],
    );
  }

  async awaitAppealDecision(performance: Performance): Promise<void> {
    const thread = await this.sendable(performance.threadId);
    const script = scriptOf(performance);
    await this.send(
      thread,
      {
        embeds: [noteEmbed(script.act.awaitAppeal, performance.number, script)],
        components: appealDecisionButtons(performance.id, script),
      },
      [performance.id, 'hearing'],
    );
  }

  async finale(performance: Performance, images: FinaleImages, tally: Tally): Promise<Partial<Performance>> {
    const thread = await this.sendable(performance.threadId);
    // Posted before a crash (or answered too late to be seen): the finale is never posted twice. A thread this
    // process opened for the act has none, as no attempt before it got as far as saving the thread.
    const fresh = this.opened.has(performance.id);
    const posted = !fresh && thread.isThread() ? await findFinale(thread, performance.id) : undefined;
    if (posted) {
      this.opened.delete(performance.id);
      return { finalMessageId: posted.id };
    }
    const page = await this.options.pageLink?.(performance);
    const message = await this.send(thread, finaleMessage(performance, images, tally, page), [
      performance.id,
      'finale',
    ]);
    this.opened.delete(performance.id);
    return { finalMessageId: message.id };
  }

  async verdict(
    performance: Performance,
    verdict: AppealVerdict,
    image?: RenderedImage,
  ): Promise<Partial<Performance>> {
    const thread = await this.sendable(performance.threadId);
    const script = scriptOf(performance);
    await this.send(thread, { embeds: [verdictEmbed(performance, verdict, script)] }, [performance.id, 'verdict']);
    if (!image || !performance.appeal) return {};
    const name = `performance-${performance.number}-appeal.${imageExtension(image)}`;
    const tally = { original: 0, censored: 0, appeal: 0 };
    const message = await this.send(
      thread,
      {
        embeds: [appealCutEmbed(performance, tally, name, script)],
        components: appealCutButtons(performance, tally, script),
        files: [
          new AttachmentBuilder(image.bytes, {
            name,
            description: altText(script.finale.altAppealCut, verdict.prompt),
          }),
        ],
      },
      [performance.id, 'appeal-cut'],
    );
    return { appeal: { ...performance.appeal, messageId: message.id } };
  }

  async withdraw(performance: Performance): Promise<void> {
    await removeAct(this.options.client, performance, this.options.log);
  }

  async fail(performance: Performance, line: string): Promise<void> {
    const target = performance.threadId ?? this.opened.get(performance.id) ?? performance.channelId;
    this.opened.delete(performance.id);
    if (!target) return;
    // One nonce per attempt at the act (the record's last write): an act that failed, resumed and failed again
    // posts a second line instead of getting back the first, since withdrawn.
    await this.send(
      await this.sendable(target),
      { embeds: [noteEmbed(`⚠️ ${line}`, performance.number, scriptOf(performance))] },
      [`${performance.id}@${performance.updatedAt}`, 'failure'],
    );
  }

  private async sendable(channelId: string | undefined): Promise<SendableChannels> {
    const channel = channelId ? await this.options.client.channels.fetch(channelId) : null;
    if (!channel?.isSendable()) throw new Error(`channel ${channelId} cannot receive messages`);
    return channel;
  }

  /** Posts a message; a step's message carries its nonce, so a retried or repeated post returns the first one. */
  private send(channel: SendableChannels, options: MessageCreateOptions, step?: [string, ActStep]): Promise<Message> {
    return channel.send({ ...options, ...(step ? once(...step) : {}), allowedMentions: NO_MENTIONS });
  }
}
