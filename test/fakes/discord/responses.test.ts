import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  Events,
  MessageFlags,
  type TextChannel,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient } from './client.js';
import type { FakeDiscord } from './fake-discord.js';
import { ALICE, BOB, GUILD_ID, STAGE_ID, startFake, tearDown, tinyPng } from './test-fixtures.js';

/** The fake checks its own answers against the spec's response schemas, so discord.js sees realistic objects. */
describe('FakeDiscord answers match the OpenAPI response schemas', () => {
  let fake: FakeDiscord | undefined;
  let client: Client | undefined;

  afterEach(async () => {
    await tearDown(client, fake);
    client = undefined;
    fake = undefined;
  });

  it('for every route a show uses', async () => {
    const server = await startFake({ checkResponses: true });
    fake = server;
    const bot = await connectClient(server);
    client = bot;
    const where = { guildId: GUILD_ID, channelId: STAGE_ID };
    bot.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.deferReply();
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('vote').setLabel('Vote').setStyle(ButtonStyle.Primary),
        );
        const file = new AttachmentBuilder(tinyPng(4, 4), { name: 'poster.png' });
        await interaction.editReply({ content: 'final', files: [file], components: [row] });
        await interaction.followUp({ content: 'details', flags: MessageFlags.Ephemeral });
        await interaction.fetchReply();
      }
      if (interaction.isButton()) await interaction.update({ content: 'voted' });
    });

    await bot.application.fetch();
    await bot.application.commands.set([{ name: 'brief', description: 'Submit a brief' }]);
    const [guildCommand] = (
      await bot.application.commands.set([{ name: 'stage', description: 'Moderate' }], GUILD_ID)
    ).values();
    await bot.application.commands.fetch(guildCommand?.id ?? '', { guildId: GUILD_ID, force: true });
    await bot.application.commands.fetch({ guildId: GUILD_ID });
    const guild = await bot.guilds.fetch({ guild: GUILD_ID, force: true });
    await guild.channels.fetch();
    await guild.members.fetch({ user: bot.user.id, force: true });
    await bot.users.fetch(bot.user.id, { force: true });
    const stage = bot.channels.cache.get(STAGE_ID) as TextChannel;
    const thread = await stage.threads.create({ name: 'Act 1' });
    await thread.join();
    const review = await thread.send('frame 0');
    await review.edit('frame 1');
    await thread.messages.fetch({ limit: 10 });
    await thread.messages.fetch({ message: review.id, force: true });
    await thread.setArchived(true);
    const post = await stage.send('Performance');
    await post.startThread({ name: 'Performance' });

    const brief = await server.slashCommand({ ...where, user: ALICE, name: 'brief' });
    const reply = await brief.settled();
    await server.waitFor(() => brief.followups().length === 1);
    const vote = await server.clickButton({ ...where, messageId: reply.id, customId: 'vote', user: BOB });
    await vote.response();
    await server.waitFor(() => server.requests.at(-1)?.status);

    expect(server.responseProblems).toEqual([]);
    expect(Object.keys(server.stats.byRoute).length).toBeGreaterThanOrEqual(18);
  });
});
