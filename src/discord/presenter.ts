import {
  type AnyThreadChannel,
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
import type { ActPresenter, AppealVerdict, FinaleImages, PlayOptions } from '../services/show/presenter.js';
import { abortableSleep } from '../services/show/sleep.js';
import type { Performance, Tally } from '../services/store/schemas.js';
import { appealCutButtons, appealCutEmbed, verdictEmbed } from './appeal-format.js';
import { finalePost, maskedOf } from './finale-post.js';
import { appealDecisionButtons, customId, frameEmbed, NO_MENTIONS, noteEmbed, releaseButtons } from './format.js';
import { type ActStep, findFinale, findOwn, findSaved, findThread, once } from './once.js';
import { altText, MAX_CONTENT, segmentsToMarkdown } from './user-text.js';
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
 * apart), the masked brief, a review message edited frame by frame, and the finale with its buttons.
 */
export class DiscordPresenter implements ActPresenter {
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Threads opened whose id may not be saved yet (the first post into them failed), so a failure lands there. */
  private readonly opened = new Map<string, string>();

  constructor(private readonly options: DiscordPresenterOptions) {
    this.sleep = options.sleep ?? abortableSleep;
  }

  async open(performance: Performance): Promise<Partial<Performance>> {
    if (performance.threadId) {
      const thread = await this.sendable(performance.threadId);
      const script = scriptOf(performance);
      if (thread.isThread()) await this.withdrawFailure(thread, performance);
      await this.send(thread, { embeds: [noteEmbed(script.act.resumed, performance.number, script)] });
      return {};
    }
    const parent = await this.options.client.channels.fetch(performance.channelId ?? '');
    if (!parent || parent.type !== ChannelType.GuildText)
      throw new Error(`channel ${performance.channelId} is not a text channel`);
    const name = fill(scriptOf(performance).discord.threadName, { number: performance.number });
    // A crash between creating the thread and saving its id must not open a second one, nor post the brief twice
    // (found by its opening line once Discord has forgotten the nonce).
    const found = await findThread(parent, name);
    const thread =
      found ??
      (await parent.threads.create({
        name,
        autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
        type: ChannelType.PublicThread,
        reason: `compliance-theatre performance ${performance.id}`,
      }));
    this.opened.set(performance.id, thread.id);
    const line = scriptOf(performance).discord.briefHead;
    const head = `📨 ${fill(line, { number: performance.number, author: `<@${performance.authorId}>` })}\n>>> `;
    const brief = segmentsToMarkdown(maskedOf(performance), MAX_CONTENT - head.length);
    if (!found || !(await findOwn(found, (m) => m.content.startsWith(head))))
      await this.send(thread, { content: `${head}${brief}` }, [performance.id, 'brief']);
    return { threadId: thread.id };
  }

  async play(
    performance: Performance,
    frames: Frame[],
    signal: AbortSignal,
    options: PlayOptions = {},
  ): Promise<Partial<Performance>> {
    const thread = await this.sendable(performance.threadId);
    const appeal = options.part === 'appeal';
    // A resumed act edits the review message it saved; one whose id never reached the store is found by the nonce
    // of its first post. An appeal's reconsideration has a message of its own.
    let review = appeal ? undefined : await findSaved(thread, performance.reviewMessageId);
    const script = scriptOf(performance);
    for (const frame of frames) {
      signal.throwIfAborted();
      const started = Date.now();
      const payload = { embeds: [frameEmbed(frame, performance.number, script)], allowedMentions: NO_MENTIONS };
      if (review) review = await review.edit(payload);
      else {
        review = await this.send(thread, payload, [performance.id, appeal ? 'appeal-review' : 'review']);
        if (!appeal) await options.remember?.({ reviewMessageId: review.id });
      }
      // The delay counts from the edit's start: time spent waiting out a rate limit is not added on top.
      const rest = frame.delayMs - (Date.now() - started);
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

  async awaitRelease(performance: Performance): Promise<void> {
    const thread = await this.sendable(performance.threadId);
    const script = scriptOf(performance);
    // Asked again after a restart: a desk already in the thread stands (its nonce may have expired).
    const desk = customId('release', performance.id);
    if (thread.isThread() && (await findOwn(thread, (m) => JSON.stringify(m.components).includes(desk)))) return;
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
    // Posted before a crash (or answered too late to be seen): the finale is never posted twice.
    const posted = thread.isThread() ? await findFinale(thread, performance.id) : undefined;
    if (posted) {
      this.opened.delete(performance.id);
      return { finalMessageId: posted.id };
    }
    const page = await this.options.pageLink?.(performance);
    const message = await this.send(thread, finalePost(performance, images, tally, page), [performance.id, 'finale']);
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

  /**
   * A failure line the act posted before it was cut off (a crash, a store outage before `failed` was saved) is
   * edited to say the act goes on, so it does not stand above the finale that follows.
   */
  private async withdrawFailure(thread: AnyThreadChannel, performance: Performance): Promise<void> {
    const script = scriptOf(performance);
    const failure = noteEmbed(`⚠️ ${script.act.failure}`, performance.number, script).description;
    const posted = await findOwn(thread, (m) => m.embeds[0]?.description === failure);
    await posted?.edit({ embeds: [noteEmbed(script.act.recovered, performance.number, script)] });
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
