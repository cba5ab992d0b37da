import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { answerPrivately, assertModerator, guildIdOf } from '../discord/guards.js';
import { UserFacingError } from '../errors.js';
import { CATEGORIES, TIERS, type Tier } from '../services/censor/types.js';
import { lexiconEntrySchema } from '../services/store/schemas.js';
import { LIMITS } from './limits.js';
import type { Command } from './types.js';

const choices = (names: readonly string[]) => names.map((name) => ({ name, value: name }));

/** A blackout or block term is never echoed back, even to the moderator who typed it: its first letter only. */
function shown(term: string, tier: Tier): string {
  if (tier === 'redline') return term;
  const [first = '', ...rest] = [...term];
  return `${first}${'•'.repeat(rest.length)}`;
}

export const lexicon = {
  data: new SlashCommandBuilder()
    .setName('lexicon')
    .setDescription('This server’s terms over the built-in lexicon (moderators)')
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Add or replace a term')
        .addStringOption((o) =>
          o.setName('term').setDescription('Word or phrase').setRequired(true).setMaxLength(LIMITS.term),
        )
        .addStringOption((o) =>
          o
            .setName('tier')
            .setDescription('How it is treated')
            .setRequired(true)
            .addChoices(...choices(TIERS)),
        )
        .addStringOption((o) =>
          o
            .setName('euphemism')
            .setDescription('The corporate replacement')
            .setRequired(true)
            .setMaxLength(LIMITS.euphemism),
        )
        .addStringOption((o) =>
          o
            .setName('reason')
            .setDescription('Policy reason, e.g. "House Rule 1.1 — Pineapple"')
            .setMaxLength(LIMITS.reason),
        )
        .addStringOption((o) =>
          o
            .setName('category')
            .setDescription('Category')
            .addChoices(...choices(CATEGORIES)),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Remove a term (a server term, or switch off a built-in one)')
        .addStringOption((o) =>
          o.setName('term').setDescription('Word or phrase').setRequired(true).setMaxLength(LIMITS.term),
        ),
    )
    .addSubcommand((s) => s.setName('list').setDescription('This server’s additions and removals'))
    .toJSON(),

  async execute(interaction, ctx) {
    assertModerator(interaction);
    const guildId = guildIdOf(interaction);
    // Acknowledged before the store is asked anything; every answer here is private.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const { store, lexicon: builtIn } = ctx.services;
    const settings = await store.guilds.get(guildId);
    const { add, remove } = settings.lexicon;
    const o = interaction.options;
    const sub = o.getSubcommand(true);

    if (sub === 'list') {
      const added = add.map((e) => `• \`${shown(e.term, e.tier)}\` (${e.tier}, ${e.category}) → ${e.euphemisms[0]}`);
      const removed = remove.map((t) => `• \`${t}\``);
      await answerPrivately(
        interaction,
        [
          `📚 Built-in lexicon: ${builtIn.size} terms.`,
          `**Added here (${add.length})**`,
          ...added,
          `**Switched off here (${remove.length})**`,
          ...removed,
        ]
          .join('\n')
          .slice(0, 1900),
      );
      return;
    }

    const term = o.getString('term', true).trim().toLowerCase();
    if (sub === 'add') {
      const parsed = lexiconEntrySchema.safeParse({
        term,
        tier: o.getString('tier', true),
        category: o.getString('category') ?? 'corporate',
        euphemisms: [o.getString('euphemism', true)],
        reason: o.getString('reason') ?? 'House Content Policy 1.0 — Local Sensitivities',
      });
      if (!parsed.success)
        throw new UserFacingError(`That entry is not valid: ${parsed.error.issues[0]?.message ?? 'check the fields'}.`);
      await store.guilds.update(guildId, {
        lexicon: {
          add: [...add.filter((e) => e.term !== term), parsed.data],
          remove: remove.filter((t) => t !== term),
        },
      });
      await answerPrivately(
        interaction,
        `📚 \`${shown(term, parsed.data.tier)}\` is now ${parsed.data.tier} here, replaced by “${parsed.data.euphemisms[0]}”. Effective at once.`,
      );
      return;
    }

    const own = add.find((e) => e.term === term);
    const builtInEntry = builtIn.find(term);
    if (own) {
      await store.guilds.update(guildId, { lexicon: { add: add.filter((e) => e.term !== term), remove } });
      await answerPrivately(interaction, `📚 Removed this server’s term \`${shown(term, own.tier)}\`.`);
    } else if (builtInEntry) {
      await store.guilds.update(guildId, { lexicon: { add, remove: [...new Set([...remove, term])] } });
      await answerPrivately(
        interaction,
        `📚 The built-in term \`${shown(term, builtInEntry.tier)}\` is switched off in this server.`,
      );
    } else {
      throw new UserFacingError(`\`${term}\` is not in the lexicon.`);
    }
  },
} satisfies Command;
