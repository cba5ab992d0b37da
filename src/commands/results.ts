import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
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
    // Every performance's tally is read: defer, so a long history cannot miss Discord's three seconds. Privately:
    // "no votes yet" is for the member who asked; the verdict itself then goes to the channel as a followup.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const { store } = ctx.services;
    const done = await store.performances.listByGuild(guildId, { statuses: ['done'] });
    const rows = await Promise.all(done.map(async (p) => ({ p, tally: await store.votes.tally(p.id) })));
    const voted = rows.filter((r) => r.tally.original + r.tally.censored + (r.tally.appeal ?? 0) > 0);
    if (voted.length === 0) {
      await answerPrivately(interaction, 'No votes have been cast yet. The audience has not spoken.');
      return;
    }
    const votesOf = (r: (typeof rows)[number]) => r.tally.original + r.tally.censored + (r.tally.appeal ?? 0);
    const share = (r: (typeof rows)[number]) => r.tally.original / votesOf(r);
    voted.sort((a, b) => share(b) - share(a) || b.tally.original - a.tally.original || a.p.number - b.p.number);
    const original = voted.reduce((sum, r) => sum + r.tally.original, 0);
    const censored = voted.reduce((sum, r) => sum + r.tally.censored, 0);
    const appeal = voted.reduce((sum, r) => sum + (r.tally.appeal ?? 0), 0);
    const lines = voted.slice(0, TOP).map((r, i) => {
      const pct = Math.round(share(r) * 100);
      const cut = r.p.appeal?.outcome === 'overturned' ? `, Appeal Cut ${r.tally.appeal ?? 0}` : '';
      return `${i + 1}. Performance №${r.p.number} — ${pct}% for the original (${r.tally.original}–${r.tally.censored}${cut})`;
    });
    const overall = Math.round((original / (original + censored + appeal)) * 100);
    const appealTotal = appeal ? ` · Appeal Cut ${appeal}` : '';
    await interaction.deleteReply();
    await interaction.followUp({
      embeds: [
        {
          title: '🗳️ The audience’s verdict',
          description: lines.join('\n'),
          color: 0xf5f0e6,
          fields: [
            {
              name: 'Totals',
              value: `Original ${original} · Censored ${censored}${appealTotal} — ${overall}% of votes side with the original`,
            },
            { name: 'Performances with votes', value: String(voted.length), inline: true },
          ],
        },
      ],
      allowedMentions: NO_MENTIONS,
    });
  },
} satisfies Command;
