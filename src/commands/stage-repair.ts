import type { Context } from '../context.js';
import { isGuildKey, type QuarantinedRecord } from '../services/store/index.js';

/** What `/stage repair` says, in one place (to move to the script). */
const REPAIR_LINES = {
  none: '🧰 No damaged records on file for this server. The archive is in order.',
  heading: (count: number) =>
    `🧰 ${count} damaged record${count === 1 ? '' : 's'} set aside (the show carries on without ${count === 1 ? 'it' : 'them'}):`,
  hint: 'Run `/stage repair clear:True` to discard them once noted.',
  cleared: (count: number) => `🧹 Discarded ${count} damaged record${count === 1 ? '' : 's'}. The archive is in order.`,
} as const;

/** At most this many records are listed; the rest are counted. */
const SHOWN = 10;

/**
 * One line per record: the key and why it failed, never its content — a quarantined brief may hold a blackout or
 * block term, and a JSON parse error quotes the text it choked on.
 */
export function describeQuarantined(record: QuarantinedRecord): string {
  const issues = record.issues.map((issue) => (issue.startsWith('not JSON') ? 'not JSON' : issue));
  return `• \`${record.key}\` (${record.at.slice(0, 16).replace('T', ' ')} UTC): ${issues.slice(0, 3).join('; ')}`;
}

/** Lists this guild's quarantined records, or discards them with `clear`. */
export async function repair(ctx: Context, guildId: string, clear: boolean): Promise<string> {
  const { quarantine } = ctx.services.store;
  if (clear) {
    const count = await quarantine.clear((key) => isGuildKey(key, guildId));
    return count ? REPAIR_LINES.cleared(count) : REPAIR_LINES.none;
  }
  const ours = (await quarantine.list()).filter((record) => isGuildKey(record.key, guildId));
  if (!ours.length) return REPAIR_LINES.none;
  const lines = ours.slice(0, SHOWN).map(describeQuarantined);
  if (ours.length > SHOWN) lines.push(`…and ${ours.length - SHOWN} more.`);
  return [REPAIR_LINES.heading(ours.length), ...lines, REPAIR_LINES.hint].join('\n');
}
