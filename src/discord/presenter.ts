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
import type { ActPresenter, FinaleImages } from '../services/show/act.js';
import { type Frame, maskedBrief } from '../services/show/frames.js';
import type { Store } from '../services/store/index.js';
import type { Performance } from '../services/store/schemas.js';
import {
  appealDecisionButtons,
  finaleButtons,
  finaleEmbeds,
  frameEmbed,
  NO_MENTIONS,
  noteEmbed,
  releaseButtons,
  segmentsToMarkdown,
} from './format.js';

export interface DiscordPresenterOptions {
  client: Client;
  store: Store;
  log: Logger;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The performance's page on the exhibition wall's gallery, when it has a public address. */
  pageLink?: (performance: Performance) => Promise<string | undefined>;
}

/** A wait that ends early, with the abort reason, when the act is stopped — even if it already was. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function extension(contentType: string): string {
  return contentType === 'image/jpeg' ? 'jpg' : (contentType.split('/')[1] ?? 'png');
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
      await this.send(thread, {
        embeds: [noteEmbed('The performance resumes after a brief intermission.', performance.number)],
      });
      return {};
    }
    const parent = await this.options.client.channels.fetch(performance.channelId ?? '');
    if (!parent || parent.type !== ChannelType.GuildText)
      throw new Error(`channel ${performance.channelId} is not a text channel`);
    const thread = await parent.threads.create({
      name: `Performance №${performance.number} · Compliance Review`,
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
      type: ChannelType.PublicThread,
      reason: `compliance-theatre performance ${performance.id}`,
    });
    this.opened.set(performance.id, thread.id);
    const brief = segmentsToMarkdown(maskedBrief(performance.brief, performance.result?.changes ?? []));
    await this.send(thread, {
      content: `📨 **Brief №${performance.number}** from <@${performance.authorId}>\n>>> ${brief}`,
    });
    return { threadId: thread.id };
  }

  async play(performance: Performance, frames: Frame[], signal: AbortSignal): Promise<Partial<Performance>> {
    const thread = await this.sendable(performance.threadId);
    let review: Message | undefined;
    for (const frame of frames) {
      signal.throwIfAborted();
      const started = Date.now();
      const payload = { embeds: [frameEmbed(frame, performance.number)], allowedMentions: NO_MENTIONS };
      review = review ? await review.edit(payload) : await this.send(thread, payload);
      // The delay counts from the edit's start: time spent waiting out a rate limit is not added on top.
      const rest = frame.delayMs - (Date.now() - started);
      if (rest > 0) await this.sleep(rest, signal);
    }
    return review ? { reviewMessageId: review.id } : {};
  }

  async note(performance: Performance, text: string): Promise<void> {
    const target = await this.sendable(performance.threadId ?? performance.channelId);
    await this.send(target, { embeds: [noteEmbed(text, performance.number)] });
  }

  async awaitRelease(performance: Performance): Promise<void> {
    const thread = await this.sendable(performance.threadId);
    await this.send(thread, {
      embeds: [
        noteEmbed(
          'Approved in principle. This prompt now awaits release by a moderator before any image is produced.',
          performance.number,
        ),
      ],
      components: releaseButtons(performance.id),
    });
  }

  async awaitAppealDecision(performance: Performance): Promise<void> {
    const thread = await this.sendable(performance.threadId);
    await this.send(thread, {
      embeds: [noteEmbed('An appeal has been lodged. It awaits the moderators’ decision.', performance.number)],
      components: appealDecisionButtons(performance.id),
    });
  }

  async finale(performance: Performance, images: FinaleImages): Promise<Partial<Performance>> {
    const thread = await this.sendable(performance.threadId);
    const censoredName = `performance-${performance.number}.${extension(images.censored.contentType)}`;
    const files = [
      new AttachmentBuilder(images.censored.png, {
        name: censoredName,
        description: performance.prompt?.slice(0, 1000),
      }),
    ];
    let originalName: string | undefined;
    if (images.original) {
      originalName = `performance-${performance.number}-original.${extension(images.original.contentType)}`;
      files.push(new AttachmentBuilder(images.original.png, { name: originalName }));
    }
    const tally = await this.options.store.votes.tally(performance.id);
    const original = maskedBrief(performance.brief, performance.result?.changes ?? []);
    const embeds = finaleEmbeds(performance, original, tally, { censored: censoredName, original: originalName });
    const page = await this.options.pageLink?.(performance);
    if (page)
      embeds[0]?.fields?.push({ name: 'In the gallery', value: `[Performance №${performance.number}](${page})` });
    const message = await this.send(thread, {
      embeds,
      components: finaleButtons(performance, tally),
      files,
    });
    this.opened.delete(performance.id);
    return { finalMessageId: message.id };
  }

  async fail(performance: Performance, line: string): Promise<void> {
    const target = performance.threadId ?? this.opened.get(performance.id) ?? performance.channelId;
    this.opened.delete(performance.id);
    if (!target) return;
    await this.send(await this.sendable(target), { embeds: [noteEmbed(`⚠️ ${line}`, performance.number)] });
  }

  private async sendable(channelId: string | undefined): Promise<SendableChannels> {
    const channel = channelId ? await this.options.client.channels.fetch(channelId) : null;
    if (!channel?.isSendable()) throw new Error(`channel ${channelId} cannot receive messages`);
    return channel;
  }

  private send(channel: SendableChannels, options: MessageCreateOptions): Promise<Message> {
    return channel.send({ ...options, allowedMentions: NO_MENTIONS });
  }
}
