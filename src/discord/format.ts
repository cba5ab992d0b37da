import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
} from 'discord.js';
import { DEFAULT_VOICE, fill, type Script, scriptFor } from '../services/script/voices.js';
import type { Frame, Segment } from '../services/show/frames-types.js';
import type { Performance, Tally } from '../services/store/schemas.js';
import { segmentsToMarkdown, userMarkdown } from './user-text.js';

/** Discord's limits that the formatter must respect. */
export const LIMITS = { description: 4096, fieldValue: 1024, title: 256 } as const;

export const COLORS = {
  received: 0x5865f2,
  scanning: 0xfee75c,
  marking: 0xed4245,
  replacing: 0xeb459e,
  approved: 0x57f287,
  blocked: 0x2b2d31,
  final: 0xf5f0e6,
  note: 0x99aab5,
} as const;

/** Discord's decoration of each phase's badge; the words come from the voice. */
const BADGE_EMOJI: Record<Frame['phase'], string> = {
  received: '📨',
  scanning: '🔍',
  marking: '🖍️',
  replacing: '✏️',
  approved: '✅',
  blocked: '⛔',
};

/** Ping-proof: no message the show sends may mention anyone, whatever the text holds. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const;

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export { segmentsToMarkdown } from './user-text.js';

/** A frame's title line: its phase's badge, then its words. */
function frameTitle(phase: Frame['phase'], title: string, script: Script): string {
  return `${BADGE_EMOJI[phase]} ${script.badges[phase]} · ${title}`;
}

/** One frame of the review message. */
export function frameEmbed(frame: Frame, performanceNumber: number, script: Script = scriptFor()): APIEmbed {
  const heading = escapeMarkdown(script.frames.approvedPrompt);
  const prompt = frame.prompt ? `\n\n**${heading}**\n${userMarkdown(frame.prompt)}` : '';
  const description = segmentsToMarkdown(frame.segments, LIMITS.description - prompt.length) + prompt;
  const citations = frame.notes.map((n) => `§ ${userMarkdown(n.label)} — *${escapeMarkdown(n.reason)}*`).join('\n');
  return {
    title: truncate(frameTitle(frame.phase, frame.title, script), LIMITS.title),
    description: truncate(description, LIMITS.description),
    color: COLORS[frame.phase],
    ...(citations
      ? { fields: [{ name: script.frames.citations, value: truncate(citations, LIMITS.fieldValue) }] }
      : {}),
    footer: { text: fill(script.discord.frameFooter, { number: performanceNumber }) },
  };
}

/** An in-character line in the thread. */
export function noteEmbed(text: string, performanceNumber: number, script: Script = scriptFor()): APIEmbed {
  return {
    description: `*${escapeMarkdown(text)}*`,
    color: COLORS.note,
    footer: { text: fill(script.discord.noteFooter, { number: performanceNumber }) },
  };
}

export function tallyLine(tally: Tally, script: Script = scriptFor()): string {
  const lines = script.finale;
  const total = tally.original + tally.censored + (tally.appeal ?? 0);
  if (total === 0) return lines.tallyNone;
  const share = Math.round((tally.original / total) * 100);
  const line = fill(lines.tally, { original: tally.original, censored: tally.censored, share });
  return tally.appeal === undefined ? line : `${line}${fill(lines.tallyAppeal, { appeal: tally.appeal })}`;
}

export interface FinaleFiles {
  censored: string;
  original?: string;
}

/** The final post: original and censored side by side, the image, the tally. */
export function finaleEmbeds(
  performance: Performance,
  original: Segment[],
  tally: Tally,
  files: FinaleFiles,
  script: Script = scriptFor(),
): APIEmbed[] {
  const lines = script.finale;
  const approval = performance.result?.changes.length
    ? script.frames.approvedAmended
    : script.frames.approvedAsSubmitted;
  const main: APIEmbed = {
    title: `🎬 ${fill(lines.title, { number: performance.number })}`,
    // The act's closing frame is not played on Discord: the finale carries its stamp, and the prompt below.
    description: escapeMarkdown(frameTitle('approved', approval, script)),
    // The title links to the performance's thread; embeds sharing it are shown as one gallery.
    url: `https://discord.com/channels/${performance.guildId}/${performance.threadId ?? performance.channelId ?? ''}`,
    color: COLORS.final,
    fields: [
      { name: lines.originalBrief, value: segmentsToMarkdown(original, LIMITS.fieldValue) || '—', inline: true },
      {
        name: script.frames.approvedPrompt,
        value: truncate(userMarkdown(performance.prompt ?? '—'), LIMITS.fieldValue),
        inline: true,
      },
      { name: lines.audienceVerdict, value: tallyLine(tally, script) },
    ],
    image: { url: `attachment://${files.censored}` },
    footer: {
      text: fill(lines.footer, {
        engine: performance.result?.engine ?? performance.censorEngine,
        appeal: performance.appeal ? performance.appeal.outcome : lines.appealAvailable,
      }),
    },
  };
  if (!files.original) return [main];
  // Embeds sharing a url are shown by Discord as one gallery: the two images side by side.
  return [main, { url: main.url, image: { url: `attachment://${files.original}` } }];
}

export type ButtonKind = 'vote' | 'appeal' | 'release' | 'veto' | 'remove' | 'grant' | 'deny';

/** Custom ids carry the performance id; the state lives in the store, so buttons survive restarts. */
export function customId(kind: ButtonKind, performanceId: string, arg?: string): string {
  return [kind, performanceId, ...(arg ? [arg] : [])].join(':');
}

export function parseCustomId(id: string): { kind: ButtonKind; performanceId: string; arg?: string } | undefined {
  const [kind, performanceId, arg] = id.split(':');
  const kinds: ButtonKind[] = ['vote', 'appeal', 'release', 'veto', 'remove', 'grant', 'deny'];
  if (!kind || !performanceId || !kinds.includes(kind as ButtonKind)) return undefined;
  return { kind: kind as ButtonKind, performanceId, arg };
}

export function button(
  id: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger | ButtonStyle.Success,
  disabled = false,
): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: id, label, style, disabled };
}

export function finaleButtons(
  performance: Performance,
  tally: Tally,
  script: Script = scriptFor(),
): APIActionRowComponent<APIButtonComponent>[] {
  const labels = script.buttons;
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(
          customId('vote', performance.id, 'original'),
          fill(labels.original, { count: tally.original }),
          ButtonStyle.Primary,
        ),
        button(
          customId('vote', performance.id, 'censored'),
          fill(labels.censored, { count: tally.censored }),
          ButtonStyle.Secondary,
        ),
        button(
          // A voice other than the default rides on the button, so the grounds modal opens before any read.
          customId('appeal', performance.id, performance.voice === DEFAULT_VOICE ? undefined : performance.voice),
          performance.appeal ? labels.appealed : labels.appeal,
          ButtonStyle.Danger,
          Boolean(performance.appeal),
        ),
        button(customId('remove', performance.id), labels.withdraw, ButtonStyle.Secondary),
      ],
    },
  ];
}

/** A moderator's yes/no decision on a performance: one row, the yes green, the no red. */
function decisionRow(
  performanceId: string,
  yes: [ButtonKind, string],
  no: [ButtonKind, string],
): APIActionRowComponent<APIButtonComponent>[] {
  const components = [
    button(customId(yes[0], performanceId), yes[1], ButtonStyle.Success),
    button(customId(no[0], performanceId), no[1], ButtonStyle.Danger),
  ];
  return [{ type: ComponentType.ActionRow, components }];
}

export function releaseButtons(performanceId: string, script: Script = scriptFor()) {
  return decisionRow(performanceId, ['release', script.buttons.release], ['veto', script.buttons.veto]);
}

export function appealDecisionButtons(performanceId: string, script: Script = scriptFor()) {
  return decisionRow(performanceId, ['grant', script.buttons.grant], ['deny', script.buttons.deny]);
}
