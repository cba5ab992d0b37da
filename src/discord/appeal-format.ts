import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
  TextInputStyle,
} from 'discord.js';
import { fill, type Script, scriptFor } from '../services/script/voices.js';
import type { AppealVerdict } from '../services/show/presenter.js';
import type { Performance, Ruling, Tally } from '../services/store/schemas.js';
import { button, COLORS, customId, LIMITS, tallyLine, truncate } from './format.js';
import { userMarkdown } from './user-text.js';

/** The longest grounds of appeal the modal takes. */
export const MAX_GROUNDS_LENGTH = 500;
export const GROUNDS_INPUT = 'grounds';

/** The modal in which the author states the grounds of appeal (optional: silence is also a plea). */
export function groundsModal(
  performance: { id: string; number?: number },
  script: Script = scriptFor(),
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId('appeal', performance.id),
    title: script.hearing.modalTitle,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: GROUNDS_INPUT,
            label: script.hearing.groundsLabel,
            style: TextInputStyle.Paragraph,
            required: false,
            max_length: MAX_GROUNDS_LENGTH,
            placeholder: script.hearing.groundsPlaceholder,
          },
        ],
      },
    ],
  };
}

function rulingLine(ruling: Ruling, script: Script): string {
  const term = ruling.term
    ? `“${userMarkdown(ruling.term)}”`
    : fill(script.hearing.redactedTerm, { category: ruling.category });
  return `• ${term} — *${userMarkdown(ruling.reason)}*`;
}

/** The hearing's verdict: reinstated and upheld terms, each with its reason, in the Division's voice. */
export function verdictEmbed(performance: Performance, verdict: AppealVerdict, script: Script = scriptFor()): APIEmbed {
  const lines = script.hearing;
  const won = verdict.outcome === 'overturned';
  const list = (rulings: Ruling[]) => rulings.map((r) => rulingLine(r, script)).join('\n') || lines.nothing;
  const fields = [
    ...(verdict.grounds ? [{ name: lines.groundsField, value: userMarkdown(verdict.grounds) }] : []),
    { name: lines.reinstated, value: list(verdict.reinstated) },
    { name: lines.upheld, value: list(verdict.upheld) },
  ];
  return {
    title: `⚖️ ${won ? lines.grantedTitle : lines.deniedTitle}`,
    description: won ? fill(lines.grantedText, { prompt: userMarkdown(verdict.prompt) }) : lines.deniedText,
    color: won ? COLORS.approved : COLORS.blocked,
    fields: fields.map((f) => ({ ...f, value: truncate(f.value, LIMITS.fieldValue) })),
    footer: { text: fill(lines.footer, { number: performance.number }) },
  };
}

/** The Appeal Cut, beside the first image: its own tally and vote button. */
export function appealCutEmbed(
  performance: Performance,
  tally: Tally,
  file: string,
  script: Script = scriptFor(),
): APIEmbed {
  return {
    title: `🎬 ${fill(script.finale.appealCutTitle, { number: performance.number })}`,
    color: COLORS.final,
    fields: [
      {
        name: script.finale.approvedOnAppeal,
        value: truncate(userMarkdown(performance.appeal?.prompt ?? '—'), LIMITS.fieldValue),
      },
      { name: script.finale.audienceVerdict, value: tallyLine({ ...tally, appeal: tally.appeal ?? 0 }, script) },
    ],
    image: { url: `attachment://${file}` },
  };
}

export function appealCutButtons(
  performance: Performance,
  tally: Tally,
  script: Script = scriptFor(),
): APIActionRowComponent<APIButtonComponent>[] {
  const label = fill(script.buttons.appealCut, { count: tally.appeal ?? 0 });
  return [
    {
      type: ComponentType.ActionRow,
      components: [button(customId('vote', performance.id, 'appeal'), label, ButtonStyle.Success)],
    },
  ];
}
