import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
  TextInputStyle,
} from 'discord.js';
import type { AppealVerdict } from '../services/show/presenter.js';
import type { Performance, Ruling, Tally } from '../services/store/schemas.js';
import { button, COLORS, customId, LIMITS, tallyLine, truncate } from './format.js';
import { userMarkdown } from './user-text.js';

/** The longest grounds of appeal the modal takes. */
export const MAX_GROUNDS_LENGTH = 500;
export const GROUNDS_INPUT = 'grounds';

/** The modal in which the author states the grounds of appeal (optional: silence is also a plea). */
export function groundsModal(performance: { id: string; number?: number }): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId('appeal', performance.id),
    title: 'Lodge an appeal',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: GROUNDS_INPUT,
            label: 'Grounds of appeal (the censor reads these)',
            style: TextInputStyle.Paragraph,
            required: false,
            max_length: MAX_GROUNDS_LENGTH,
            placeholder: 'Why should the Division reconsider?',
          },
        ],
      },
    ],
  };
}

function rulingLine(ruling: Ruling): string {
  const term = ruling.term ? `“${userMarkdown(ruling.term)}”` : `a ${ruling.category} term (redacted)`;
  return `• ${term} — *${userMarkdown(ruling.reason)}*`;
}

/** The hearing's verdict: reinstated and upheld terms, each with its reason, in the Division's voice. */
export function verdictEmbed(performance: Performance, verdict: AppealVerdict): APIEmbed {
  const won = verdict.outcome === 'overturned';
  const fields = [
    ...(verdict.grounds ? [{ name: 'Grounds, as entered into the record', value: userMarkdown(verdict.grounds) }] : []),
    { name: 'Reinstated', value: verdict.reinstated.map(rulingLine).join('\n') || 'Nothing.' },
    { name: 'Upheld', value: verdict.upheld.map(rulingLine).join('\n') || 'Nothing.' },
  ];
  return {
    title: won ? '⚖️ APPEAL GRANTED IN PART' : '⚖️ APPEAL DENIED',
    description: won
      ? `Appeal granted in part. Reinstated language has been approved: “${userMarkdown(verdict.prompt)}”.`
      : 'Appeal denied. On reflection, the original decision stands.',
    color: won ? COLORS.approved : COLORS.blocked,
    fields: fields.map((f) => ({ ...f, value: truncate(f.value, LIMITS.fieldValue) })),
    footer: { text: `Performance №${performance.number} · Appeals Committee` },
  };
}

/** The Appeal Cut, beside the first image: its own tally and vote button. */
export function appealCutEmbed(performance: Performance, tally: Tally, file: string): APIEmbed {
  return {
    title: `🎬 Performance №${performance.number} — Appeal Cut`,
    color: COLORS.final,
    fields: [
      {
        name: 'Approved on appeal',
        value: truncate(userMarkdown(performance.appeal?.prompt ?? '—'), LIMITS.fieldValue),
      },
      { name: 'Audience verdict', value: tallyLine({ ...tally, appeal: tally.appeal ?? 0 }) },
    ],
    image: { url: `attachment://${file}` },
  };
}

export function appealCutButtons(performance: Performance, tally: Tally): APIActionRowComponent<APIButtonComponent>[] {
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(customId('vote', performance.id, 'appeal'), `Appeal Cut (${tally.appeal ?? 0})`, ButtonStyle.Success),
      ],
    },
  ];
}
