import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
} from 'discord.js';
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

const BADGES: Record<Frame['stage'], string> = {
  received: '📨 RECEIVED',
  scanning: '🔍 SCANNING',
  marking: '🖍️ REDLINE',
  replacing: '✏️ AMENDING',
  approved: '✅ APPROVED',
  blocked: '⛔ REFUSED',
};

/** Ping-proof: no message the show sends may mention anyone, whatever the text holds. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const;

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export { segmentsToMarkdown } from './user-text.js';

/** One frame of the review message. */
export function frameEmbed(frame: Frame, performanceNumber: number): APIEmbed {
  const prompt = frame.prompt ? `\n\n**Approved prompt**\n${userMarkdown(frame.prompt)}` : '';
  const description = segmentsToMarkdown(frame.segments, LIMITS.description - prompt.length) + prompt;
  const citations = frame.notes.map((n) => `§ ${userMarkdown(n.label)} — *${escapeMarkdown(n.reason)}*`).join('\n');
  return {
    title: truncate(`${BADGES[frame.stage]} · ${frame.title}`, LIMITS.title),
    description: truncate(description, LIMITS.description),
    color: COLORS[frame.stage],
    ...(citations ? { fields: [{ name: 'Policy citations', value: truncate(citations, LIMITS.fieldValue) }] } : {}),
    footer: { text: `Compliance Theatre · Performance №${performanceNumber} · Content Standards Division` },
  };
}

/** An in-character line in the thread. */
export function noteEmbed(text: string, performanceNumber: number): APIEmbed {
  return {
    description: `*${escapeMarkdown(text)}*`,
    color: COLORS.note,
    footer: { text: `Performance №${performanceNumber}` },
  };
}

export function tallyLine(tally: Tally): string {
  const total = tally.original + tally.censored + (tally.appeal ?? 0);
  if (total === 0) return 'No votes yet. Which version do you side with?';
  const share = Math.round((tally.original / total) * 100);
  const line = `Original ${tally.original} · Censored ${tally.censored} — ${share}% side with the original`;
  return tally.appeal === undefined ? line : `${line} · Appeal Cut ${tally.appeal}`;
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
): APIEmbed[] {
  const main: APIEmbed = {
    title: `🎬 Performance №${performance.number} — Final Cut`,
    // The title links to the performance's thread; embeds sharing it are shown as one gallery.
    url: `https://discord.com/channels/${performance.guildId}/${performance.threadId ?? performance.channelId ?? ''}`,
    color: COLORS.final,
    fields: [
      { name: 'Original brief', value: segmentsToMarkdown(original, LIMITS.fieldValue) || '—', inline: true },
      {
        name: 'Approved prompt',
        value: truncate(userMarkdown(performance.prompt ?? '—'), LIMITS.fieldValue),
        inline: true,
      },
      { name: 'Audience verdict', value: tallyLine(tally) },
    ],
    image: { url: `attachment://${files.censored}` },
    footer: {
      text: `Censor: ${performance.result?.engine ?? performance.censorEngine} · Author's appeal: ${performance.appeal ? performance.appeal.outcome : 'available'}`,
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

export function finaleButtons(performance: Performance, tally: Tally): APIActionRowComponent<APIButtonComponent>[] {
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(customId('vote', performance.id, 'original'), `Original (${tally.original})`, ButtonStyle.Primary),
        button(customId('vote', performance.id, 'censored'), `Censored (${tally.censored})`, ButtonStyle.Secondary),
        button(
          customId('appeal', performance.id),
          performance.appeal ? 'Appealed' : 'Appeal',
          ButtonStyle.Danger,
          Boolean(performance.appeal),
        ),
        button(customId('remove', performance.id), 'Withdraw (mods)', ButtonStyle.Secondary),
      ],
    },
  ];
}

export function releaseButtons(performanceId: string): APIActionRowComponent<APIButtonComponent>[] {
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(customId('release', performanceId), 'Release (mods)', ButtonStyle.Success),
        button(customId('veto', performanceId), 'Veto (mods)', ButtonStyle.Danger),
      ],
    },
  ];
}

export function appealDecisionButtons(performanceId: string): APIActionRowComponent<APIButtonComponent>[] {
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(customId('grant', performanceId), 'Grant appeal (mods)', ButtonStyle.Success),
        button(customId('deny', performanceId), 'Deny appeal (mods)', ButtonStyle.Danger),
      ],
    },
  ];
}
