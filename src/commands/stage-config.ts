import type { ChatInputCommandInteraction } from 'discord.js';
import type { CensorEngineName, ImageEngineName } from '../config.js';
import type { Context } from '../context.js';
import { UserFacingError } from '../errors.js';
import { CATEGORIES, type Category } from '../services/censor/types.js';
import { createCensorModel, createImageModel } from '../services/engines.js';
import { VOICES } from '../services/script/voices.js';
import { forbiddenExtras, NEVER_ON_HOSTED } from '../services/show/appeal-policy.js';
import { MAX_STYLE_LENGTH, validateBrief } from '../services/show/brief.js';
import { describePace, PACE_HINT, parsePace } from '../services/show/pace.js';
import type { GuildSettings } from '../services/store/schemas.js';

/** `/stage config`: what a moderator may change, checked before it is saved, and the settings as they stand. */

export function describeSettings(settings: GuildSettings, ctx: Context): string {
  const censor = settings.censorEngine ?? `${ctx.config.CENSOR_ENGINE} (default)`;
  const image = settings.imageEngine ?? `${ctx.config.IMAGE_ENGINE} (default)`;
  return [
    `Censor engine: **${censor}** · Image engine: **${image}**`,
    `Style: ${settings.style ?? `${ctx.config.STYLE} (default)`}`,
    `Pace: ${describePace(settings.pace)} · Cooldown: ${settings.cooldownSeconds} s · Queue caps: ${settings.maxQueuedPerUser} per member, ${settings.maxQueuedPerGuild} per server`,
    `Review mode: ${settings.reviewMode ? 'on' : 'off'} · Render original too: ${settings.renderOriginal ? 'on' : 'off'}${settings.originalOnHosted ? ' (hosted engines too)' : ''} · Intake: ${settings.paused ? 'paused' : 'open'}`,
    `Satire: ${settings.satire ? 'on' : 'off'} · Member styles: ${settings.memberStyle} · Appeals may reinstate: satire${settings.appealCategories.length ? `, ${settings.appealCategories.join(', ')}` : ' only'}`,
    `Voice: ${settings.voice} · Mod log: ${settings.modLogChannelId ? `<#${settings.modLogChannelId}>` : 'none'}`,
  ].join('\n');
}

/** "weapons, profanity" → the categories; "none" clears the list. Throws a clear line on an unknown name. */
export function parseAppealCategories(text: string): Category[] {
  const names = text
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((name) => name && name !== 'none');
  const unknown = names.filter((name) => !CATEGORIES.includes(name as Category));
  if (unknown.length)
    throw new UserFacingError(
      `Unknown categor${unknown.length === 1 ? 'y' : 'ies'}: ${unknown.join(', ')}. Known: ${CATEGORIES.join(', ')}.`,
    );
  return [...new Set(names as Category[])];
}

function refusePace(): never {
  throw new UserFacingError(`The pace must be ${PACE_HINT} (1 is the default).`);
}

export async function configure(
  interaction: ChatInputCommandInteraction,
  ctx: Context,
  guildId: string,
): Promise<string> {
  const o = interaction.options;
  const current = await ctx.services.store.guilds.get(guildId);
  const patch: Partial<GuildSettings> = {};
  const censorEngine = o.getString('censor_engine') as CensorEngineName | null;
  const imageEngine = o.getString('image_engine') as ImageEngineName | null;
  // A hosted engine without its key is refused now, never discovered mid-show.
  if (censorEngine) createCensorModel(censorEngine, ctx.services.engines);
  if (imageEngine) createImageModel(imageEngine, ctx.services.engines);
  if (censorEngine) patch.censorEngine = censorEngine;
  if (imageEngine) patch.imageEngine = imageEngine;
  const style = o.getString('style');
  if (style !== null) patch.style = validateBrief(style, 'style', MAX_STYLE_LENGTH);
  const pace = o.getString('pace');
  if (pace !== null) patch.pace = parsePace(pace) ?? refusePace();
  const integers = {
    cooldown: 'cooldownSeconds',
    max_per_member: 'maxQueuedPerUser',
    max_queue: 'maxQueuedPerGuild',
  } as const;
  for (const [option, key] of Object.entries(integers)) {
    const value = o.getInteger(option);
    if (value !== null) patch[key] = value;
  }
  const modLog = o.getChannel('mod_log');
  if (modLog) patch.modLogChannelId = modLog.id;
  const reviewMode = o.getBoolean('review_mode');
  if (reviewMode !== null) patch.reviewMode = reviewMode;
  const renderOriginal = o.getBoolean('render_original');
  if (renderOriginal !== null) patch.renderOriginal = renderOriginal;
  const originalOnHosted = o.getBoolean('original_on_hosted');
  if (originalOnHosted !== null) patch.originalOnHosted = originalOnHosted;
  const satire = o.getBoolean('satire');
  if (satire !== null) patch.satire = satire;
  const memberStyle = o.getString('member_style');
  if (memberStyle !== null) patch.memberStyle = memberStyle === 'off' ? 'off' : 'censored';
  const voice = o.getString('voice');
  if (voice !== null) patch.voice = VOICES.find((name) => name === voice) ?? current.voice;
  const appeals = o.getString('appeal_categories');
  if (appeals !== null) patch.appealCategories = parseAppealCategories(appeals);
  const engine = patch.imageEngine ?? current.imageEngine ?? ctx.config.IMAGE_ENGINE;
  const forbidden = forbiddenExtras(patch.appealCategories ?? current.appealCategories, engine !== 'poster');
  if (forbidden.length) {
    throw new UserFacingError(
      `Appeals may not reinstate ${forbidden.join(', ')} ${engine === 'poster' ? '' : `while the ${engine} studio renders `}(never: ${NEVER_ON_HOSTED.join(', ')} with a hosted image engine; corporate is always reinstatable).`,
    );
  }
  const settings = Object.keys(patch).length
    ? await ctx.services.store.guilds.update(guildId, patch)
    : await ctx.services.store.guilds.get(guildId);
  return `${Object.keys(patch).length ? '⚙️ Settings updated.' : '⚙️ Current settings.'}\n${describeSettings(settings, ctx)}`;
}
