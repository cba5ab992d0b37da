import {
  ChannelType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { CENSOR_ENGINES, IMAGE_ENGINES } from '../config.js';
import type { Context } from '../context.js';
import { answerPrivately, assertModerator, guildIdOf } from '../discord/guards.js';
import { VOICES } from '../services/script/voices.js';
import { MAX_STYLE_LENGTH } from '../services/show/brief.js';
import { LIMITS } from './limits.js';
import { configure, describeSettings } from './stage-config.js';
import { repair } from './stage-repair.js';
import { wallAnswer, wallSubcommand } from './stage-wall.js';
import type { Command } from './types.js';

const choices = (names: readonly string[]) => names.map((name) => ({ name, value: name }));

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
        .addStringOption((o) =>
          o
            .setName('pace')
            .setDescription('Animation pace: 0 = instant, 1 = default, up to 5; or auto, quicker as the queue grows')
            .setMaxLength(8),
        )
        .addIntegerOption((o) =>
          o
            .setName('cooldown')
            .setDescription('Seconds between briefs per member')
            .setMinValue(LIMITS.cooldownSeconds.min)
            .setMaxValue(LIMITS.cooldownSeconds.max),
        )
        .addIntegerOption((o) =>
          o
            .setName('max_per_member')
            .setDescription('Queued briefs per member')
            .setMinValue(LIMITS.maxQueuedPerUser.min)
            .setMaxValue(LIMITS.maxQueuedPerUser.max),
        )
        .addIntegerOption((o) =>
          o
            .setName('max_queue')
            .setDescription('Queued briefs per server')
            .setMinValue(LIMITS.maxQueuedPerGuild.min)
            .setMaxValue(LIMITS.maxQueuedPerGuild.max),
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
        )
        .addStringOption((o) =>
          o
            .setName('voice')
            .setDescription('The voice every line of the show is written in (new briefs)')
            .addChoices(...choices(VOICES)),
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
