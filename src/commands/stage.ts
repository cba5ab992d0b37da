import {
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { CENSOR_ENGINES, type CensorEngineName, IMAGE_ENGINES, type ImageEngineName } from '../config.js';
import type { Context } from '../context.js';
import { answerPrivately, assertModerator, guildIdOf } from '../discord/guards.js';
import { UserFacingError } from '../errors.js';
import { CATEGORIES, type Category } from '../services/censor/types.js';
import { createCensorModel, createImageModel } from '../services/engines.js';
import { forbiddenExtras, NEVER_ON_HOSTED } from '../services/show/appeal-policy.js';
import { MAX_STYLE_LENGTH, validateBrief } from '../services/show/brief.js';
import type { GuildSettings } from '../services/store/schemas.js';
import { repair } from './stage-repair.js';
import { wallAnswer, wallSubcommand } from './stage-wall.js';
import type { Command } from './types.js';

const choices = (names: readonly string[]) => names.map((name) => ({ name, value: name }));

function describeSettings(settings: GuildSettings, ctx: Context): string {
  const censor = settings.censorEngine ?? `${ctx.config.CENSOR_ENGINE} (default)`;
  const image = settings.imageEngine ?? `${ctx.config.IMAGE_ENGINE} (default)`;
  return [
    `Censor engine: **${censor}** · Image engine: **${image}**`,
    `Style: ${settings.style ?? `${ctx.config.STYLE} (default)`}`,
    `Pace: ×${settings.pace} · Cooldown: ${settings.cooldownSeconds} s · Queue caps: ${settings.maxQueuedPerUser} per member, ${settings.maxQueuedPerGuild} per server`,
    `Review mode: ${settings.reviewMode ? 'on' : 'off'} · Render original too: ${settings.renderOriginal ? 'on' : 'off'}${settings.originalOnHosted ? ' (hosted engines too)' : ''} · Intake: ${settings.paused ? 'paused' : 'open'}`,
    `Satire: ${settings.satire ? 'on' : 'off'} · Member styles: ${settings.memberStyle} · Appeals may reinstate: satire${settings.appealCategories.length ? `, ${settings.appealCategories.join(', ')}` : ' only'}`,
    `Mod log: ${settings.modLogChannelId ? `<#${settings.modLogChannelId}>` : 'none'}`,
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

async function configure(interaction: ChatInputCommandInteraction, ctx: Context, guildId: string): Promise<string> {
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
  const pace = o.getNumber('pace');
  if (pace !== null) patch.pace = pace;
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

async function status(ctx: Context, guildId: string): Promise<string> {
  const { current, queued } = ctx.services.director.status(guildId);
  const settings = await ctx.services.store.guilds.get(guildId);
  const label = async (id: string) => {
    const p = await ctx.services.store.performances.get(id);
    return p ? `№${p.number} by <@${p.authorId}>` : id;
  };
  const lines = [`🎭 On stage: ${current ? await label(current) : 'nobody'}`];
  lines.push(queued.length ? `Queue: ${(await Promise.all(queued.map(label))).join(', ')}` : 'Queue: empty');
  lines.push(describeSettings(settings, ctx));
  return lines.join('\n');
}

export const stage = {
  data: new SlashCommandBuilder()
    .setName('stage')
    .setDescription('Run the stage (moderators)')
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) => s.setName('pause').setDescription('Stop accepting new briefs'))
    .addSubcommand((s) => s.setName('resume').setDescription('Accept briefs again'))
    .addSubcommand((s) => s.setName('status').setDescription('The act on stage, the queue and the engines'))
    .addSubcommand((s) => s.setName('skip').setDescription('End the act on stage'))
    .addSubcommand((s) => s.setName('clear').setDescription('Remove every queued brief'))
    .addSubcommand(wallSubcommand)
    .addSubcommand((s) =>
      s
        .setName('repair')
        .setDescription('See (or discard) damaged records the show set aside')
        .addBooleanOption((o) => o.setName('clear').setDescription('Discard them')),
    )
    .addSubcommand((s) =>
      s
        .setName('config')
        .setDescription('Show or change this server’s stage settings')
        .addStringOption((o) =>
          o
            .setName('censor_engine')
            .setDescription('Censor engine')
            .addChoices(...choices(CENSOR_ENGINES)),
        )
        .addStringOption((o) =>
          o
            .setName('image_engine')
            .setDescription('Image engine')
            .addChoices(...choices(IMAGE_ENGINES)),
        )
        .addStringOption((o) =>
          o.setName('style').setDescription('House style appended to every prompt').setMaxLength(MAX_STYLE_LENGTH),
        )
        .addNumberOption((o) =>
          o
            .setName('pace')
            .setDescription('Animation pace multiplier (0 = instant, 1 = default)')
            .setMinValue(0)
            .setMaxValue(5),
        )
        .addIntegerOption((o) =>
          o.setName('cooldown').setDescription('Seconds between briefs per member').setMinValue(0).setMaxValue(86_400),
        )
        .addIntegerOption((o) =>
          o.setName('max_per_member').setDescription('Queued briefs per member').setMinValue(1).setMaxValue(50),
        )
        .addIntegerOption((o) =>
          o.setName('max_queue').setDescription('Queued briefs per server').setMinValue(1).setMaxValue(500),
        )
        .addChannelOption((o) =>
          o.setName('mod_log').setDescription('Channel for moderation records').addChannelTypes(ChannelType.GuildText),
        )
        .addBooleanOption((o) =>
          o.setName('review_mode').setDescription('A moderator releases each prompt before rendering'),
        )
        .addBooleanOption((o) =>
          o.setName('render_original').setDescription('Also render the original submission (redacted, REJECTED)'),
        )
        .addBooleanOption((o) =>
          o.setName('original_on_hosted').setDescription('Let a hosted image engine render the original too'),
        )
        .addBooleanOption((o) => o.setName('satire').setDescription('The corporate satire layer of the censor'))
        .addStringOption((o) =>
          o
            .setName('member_style')
            .setDescription('May members give a style of their own (censored with the brief)?')
            .addChoices(...choices(['off', 'censored'])),
        )
        .addStringOption((o) =>
          o
            .setName('appeal_categories')
            .setDescription('Safety categories an appeal may reinstate, e.g. "weapons, profanity" (or "none")')
            .setMaxLength(200),
        ),
    )
    .toJSON(),

  async execute(interaction, ctx) {
    assertModerator(interaction);
    const guildId = guildIdOf(interaction);
    // Acknowledged before the store is asked anything; every answer here is private.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const { director, store } = ctx.services;
    let answer: string;
    switch (interaction.options.getSubcommand(true)) {
      case 'pause':
        await store.guilds.update(guildId, { paused: true });
        answer = '⏸️ Intake paused. Acts already queued will still be performed.';
        break;
      case 'resume':
        await store.guilds.update(guildId, { paused: false });
        answer = '▶️ Intake open. The Content Standards Division is ready for briefs.';
        break;
      case 'skip': {
        const skipped = await director.skip(guildId);
        answer = skipped ? '⏭️ The act on stage is being deprioritised.' : 'Nothing is on stage.';
        break;
      }
      case 'clear': {
        const count = await director.clear(guildId);
        answer = `🧹 Cleared ${count} queued brief${count === 1 ? '' : 's'}.`;
        break;
      }
      case 'repair':
        answer = await repair(ctx, guildId, interaction.options.getBoolean('clear') ?? false);
        break;
      case 'config':
        answer = await configure(interaction, ctx, guildId);
        break;
      case 'wall':
        answer = await wallAnswer(interaction, ctx, guildId);
        break;
      default:
        answer = await status(ctx, guildId);
    }
    await answerPrivately(interaction, answer);
  },
} satisfies Command;
