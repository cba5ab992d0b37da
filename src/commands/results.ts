import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { NO_MENTIONS } from '../discord/format.js';
import { answerPrivately, guildIdOf } from '../discord/guards.js';
import type { Command } from './types.js';

/** How many performances the ranking shows. */
const TOP = 10;

export const results = {
  data: new SlashCommandBuilder()
    .setName('results')
    .setDescription('The audience’s verdict: where it sided with the original over the censor')
    .setContexts(InteractionContextType.Guild)
    .toJSON(),

  async execute(interaction, ctx) {
    const guildId = guildIdOf(interaction);
    // Every performance's tally is read: defer, so a long history cannot miss Discord's three seconds.
    await interaction.deferReply();
    const { store } = ctx.services;
    const done = await store.performances.listByGuild(guildId, { statuses: ['done'] });
    const rows = await Promise.all(done.map(async (p) => ({ p, tally: await store.votes.tally(p.id) })));
    const voted = rows.filter((r) => r.tally.original + r.tally.censored > 0);
    if (voted.length === 0) {
      await answerPrivately(interaction, 'No votes have been cast yet. The audience has not spoken.');
      return;
    }
    const share = (r: (typeof rows)[number]) => r.tally.original / (r.tally.original + r.tally.censored);
    voted.sort((a, b) => share(b) - share(a) || b.tally.original - a.tally.original || a.p.number - b.p.number);
    const original = voted.reduce((sum, r) => sum + r.tally.original, 0);
    const censored = voted.reduce((sum, r) => sum + r.tally.censored, 0);
    const lines = voted.slice(0, TOP).map((r, i) => {
      const pct = Math.round(share(r) * 100);
      return `${i + 1}. Performance №${r.p.number} — ${pct}% for the original (${r.tally.original}–${r.tally.censored})`;
    });
    const overall = Math.round((original / (original + censored)) * 100);
    await interaction.editReply({
      embeds: [
        {
          title: '🗳️ The audience’s verdict',
          description: lines.join('\n'),
          color: 0xf5f0e6,
          fields: [
            {
              name: 'Totals',
              value: `Original ${original} · Censored ${censored} — ${overall}% of votes side with the original`,
            },
            { name: 'Performances with votes', value: String(voted.length), inline: true },
          ],
        },
      ],
      allowedMentions: NO_MENTIONS,
    });
  },
} satisfies Command;
