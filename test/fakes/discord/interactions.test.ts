import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  ComponentType,
  DiscordAPIError,
  Events,
  type Interaction,
  InteractionResponseType,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient } from './client.js';
import type { FakeDiscord } from './fake-discord.js';
import { EVERYONE_PERMISSIONS, MODERATOR_PERMISSIONS } from './permissions.js';
import { ALICE, BOB, GUILD_ID, STAGE_ID, startFake, tearDown, tinyPng } from './test-fixtures.js';

const where = { guildId: GUILD_ID, channelId: STAGE_ID };

describe('FakeDiscord interactions with the real discord.js Client', () => {
  let fake: FakeDiscord | undefined;
  let client: Client | undefined;
  /** Errors thrown by the bot's handlers; a test that expects some takes them out. */
  const handlerErrors: unknown[] = [];

  afterEach(async () => {
    const errors = handlerErrors.splice(0);
    await tearDown(client, fake);
    client = undefined;
    fake = undefined;
    expect(errors).toEqual([]);
  });

  /** A started fake and a logged-in client whose interactionCreate runs `handler` (errors land in handlerErrors). */
  async function stage(handler: (interaction: Interaction) => Promise<unknown>, options = {}) {
    const server = await startFake(options);
    fake = server;
    const bot = await connectClient(server);
    client = bot;
    bot.on(Events.InteractionCreate, (interaction) => {
      handler(interaction).catch((error: unknown) => handlerErrors.push(error));
    });
    return { fake: server, client: bot };
  }

  it('stores a reply with its allowed mentions, and validation passes', async () => {
    const { fake } = await stage(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const prompt = interaction.options.getString('prompt', true);
      await interaction.reply({ content: `Brief received: ${prompt}`, allowedMentions: { parse: [] } });
    });

    const brief = await fake.slashCommand({
      ...where,
      user: ALICE,
      name: 'brief',
      options: [{ type: 3, name: 'prompt', value: 'a cat in a boardroom' }],
    });

    const callback = await brief.response();
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const [reply] = brief.messages();
    expect(reply?.content).toBe('Brief received: a cat in a boardroom');
    expect(reply?.versions[0]?.allowedMentions).toEqual({ parse: [] });
    expect(reply?.ephemeral).toBe(false);
    expect(fake.messagesIn(STAGE_ID)).toEqual([reply]);
    expect(fake.invalidRequests).toEqual([]);
  });

  it('keeps a deferred reply, then the edit with a PNG attachment and buttons', async () => {
    const png = tinyPng(3, 2);
    const { fake } = await stage(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      const votes = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('show:original').setLabel('Original').setStyle(ButtonStyle.Secondary),
        new ButtonBuilder().setCustomId('show:censored').setLabel('Censored').setStyle(ButtonStyle.Primary),
        new ButtonBuilder().setCustomId('appeal').setLabel('Appeal').setStyle(ButtonStyle.Danger),
      );
      await interaction.editReply({
        content: 'Approved for publication.',
        files: [new AttachmentBuilder(png, { name: 'poster.png', description: 'the approved poster' })],
        components: [votes],
      });
    });

    const brief = await fake.slashCommand({ ...where, user: ALICE, name: 'brief' });
    expect((await brief.response()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const final = await brief.settled();

    expect(final.versions.map((v) => v.content)).toEqual(['', 'Approved for publication.']);
    expect(final.versions[0]?.flags).toBe(MessageFlags.Loading);
    expect(final.flags & MessageFlags.Loading).toBe(0);
    const [poster] = final.attachments;
    expect(poster).toMatchObject({ filename: 'poster.png', description: 'the approved poster', width: 3, height: 2 });
    expect(poster?.contentType).toBe('image/png');
    expect(poster?.bytes.equals(png)).toBe(true);
    const served = await fetch(poster?.url ?? '');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    const row = final.components[0];
    expect(row?.type).toBe(ComponentType.ActionRow);
    expect(row && 'components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : []).toEqual([
      'show:original',
      'show:censored',
      'appeal',
    ]);
    const edit = fake.requests.find((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original'));
    expect(edit?.files).toEqual([
      { field: 'files[0]', filename: 'poster.png', contentType: 'image/png', size: png.length },
    ]);
  });

  it('edits the clicked message when a button handler calls update()', async () => {
    let tally = 0;
    const { fake } = await stage(async (interaction) => {
      const vote = () =>
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('vote').setLabel(`Votes: ${tally}`).setStyle(ButtonStyle.Primary),
        );
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'Vote!', components: [vote()] });
      if (interaction.isButton() && interaction.customId === 'vote') {
        tally++;
        await interaction.update({ components: [vote()] });
      }
    });
    const post = await fake.slashCommand({ ...where, user: ALICE, name: 'results' });
    await post.response();
    const message = post.original();
    if (!message) throw new Error('no reply');

    for (const user of [ALICE, BOB]) {
      const click = await fake.clickButton({ ...where, messageId: message.id, customId: 'vote', user });
      expect((await click.response()).type).toBe(InteractionResponseType.UpdateMessage);
      expect(click.original()).toBe(message);
    }

    const labels = message.versions.map((v) => JSON.stringify(v.components).match(/Votes: \d/)?.[0]);
    expect(labels).toEqual(['Votes: 0', 'Votes: 1', 'Votes: 2']);
    expect(message.content).toBe('Vote!');
    await expect(fake.clickButton({ ...where, messageId: message.id, customId: 'nope', user: BOB })).rejects.toThrow(
      /no button/,
    );
  });

  it('edits the clicked message in a thread after deferUpdate() and editReply()', async () => {
    const { fake, client } = await stage(async (interaction) => {
      if (!interaction.isButton()) return;
      await interaction.deferUpdate();
      await interaction.editReply({ content: `Tally: 1 (${interaction.user.username})` });
    });
    const stageChannel = client.channels.cache.get(STAGE_ID);
    if (!stageChannel?.isTextBased() || !('threads' in stageChannel)) throw new Error('no stage');
    const thread = await stageChannel.threads.create({ name: 'Act 3' });
    const vote = new ButtonBuilder().setCustomId('vote').setLabel('Vote').setStyle(ButtonStyle.Primary);
    const final = await thread.send({
      content: 'Tally: 0',
      components: [new ActionRowBuilder<ButtonBuilder>().addComponents(vote)],
    });

    const click = await fake.clickButton({
      guildId: GUILD_ID,
      channelId: thread.id,
      messageId: final.id,
      customId: 'vote',
      user: BOB,
    });
    await fake.waitFor(() => fake.message(final.id)?.edits === 1, { description: 'the tally edit' });

    expect((await click.response()).type).toBe(InteractionResponseType.DeferredMessageUpdate);
    expect(fake.messagesIn(thread.id).map((m) => m.versions.map((v) => v.content))).toEqual([
      ['Tally: 0', 'Tally: 1 (bob)'],
    ]);
    expect(fake.message(final.id)?.components).toHaveLength(1);
  });

  it('keeps ephemeral replies and followups apart, flagged 64', async () => {
    const { fake } = await stage(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'Only you can see this.', flags: MessageFlags.Ephemeral });
      await interaction.followUp({ content: 'Everyone sees this.' });
    });

    const command = await fake.slashCommand({ ...where, user: ALICE, name: 'lexicon' });
    await fake.waitFor(() => command.followups().length === 1);

    expect(command.messages().map((m) => [m.content, m.ephemeral])).toEqual([
      ['Only you can see this.', true],
      ['Everyone sees this.', false],
    ]);
  });

  it.each(['label', 'action row'])(
    'runs a modal round trip (%s layout): showModal, then the submission',
    async (layout) => {
      const { fake } = await stage(async (interaction) => {
        if (interaction.isButton()) {
          const reason = new TextInputBuilder().setCustomId('reason').setStyle(TextInputStyle.Paragraph);
          const modal = new ModalBuilder().setCustomId('appeal-form').setTitle('Appeal');
          if (layout === 'label')
            modal.addLabelComponents(new LabelBuilder().setLabel('Why?').setTextInputComponent(reason));
          else modal.addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(reason.setLabel('Why?')));
          await interaction.showModal(modal);
        }
        if (interaction.isModalSubmit()) {
          await interaction.reply({ content: `Appeal filed: ${interaction.fields.getTextInputValue('reason')}` });
        }
        if (interaction.isChatInputCommand()) {
          const appeal = new ButtonBuilder().setCustomId('appeal').setLabel('Appeal').setStyle(ButtonStyle.Danger);
          await interaction.reply({
            content: 'Censored.',
            components: [new ActionRowBuilder<ButtonBuilder>().addComponents(appeal)],
          });
        }
      });
      const brief = await fake.slashCommand({ ...where, user: ALICE, name: 'brief' });
      await brief.response();
      const messageId = brief.original()?.id ?? '';
      const click = await fake.clickButton({ ...where, messageId, customId: 'appeal', user: BOB });
      expect((await click.response()).type).toBe(InteractionResponseType.Modal);
      expect(click.modal()?.custom_id).toBe('appeal-form');

      const submission = await fake.submitModal({ ...where, user: BOB, from: click, values: { reason: 'it was art' } });
      await submission.response();

      expect(submission.payload.data).toMatchObject({ custom_id: 'appeal-form' });
      expect(submission.original()?.content).toBe('Appeal filed: it was art');
    },
  );

  it('answers with_response=true with the interaction callback resource', async () => {
    let responseMessageId: string | undefined;
    const { fake } = await stage(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: 'with response', withResponse: true });
      responseMessageId = response.resource?.message?.id;
    });

    const command = await fake.slashCommand({ ...where, user: ALICE, name: 'show' });
    await command.response();

    await fake.waitFor(() => responseMessageId);
    expect(responseMessageId).toBe(command.original()?.id);
  });

  it('delivers moderator commands only to members with default_member_permissions, like Discord', async () => {
    const seen: (boolean | undefined)[] = [];
    const { fake, client } = await stage(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen.push(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild));
      await interaction.reply({ content: 'Stage settings.', flags: MessageFlags.Ephemeral });
    });
    await client.application.commands.set(
      [{ name: 'stage', description: 'Moderate the stage', defaultMemberPermissions: PermissionFlagsBits.ManageGuild }],
      GUILD_ID,
    );
    expect(fake.commands(GUILD_ID).map((c) => [c.name, c.default_member_permissions])).toEqual([['stage', '32']]);

    await expect(
      fake.slashCommand({ ...where, user: ALICE, name: 'stage', permissions: EVERYONE_PERMISSIONS }),
    ).rejects.toThrow(/default_member_permissions/);
    const moderated = await fake.slashCommand({
      ...where,
      user: BOB,
      name: 'stage',
      permissions: MODERATOR_PERMISSIONS,
    });
    await moderated.response();

    expect(moderated.payload.data).toMatchObject({
      id: fake.commands(GUILD_ID)[0]?.id,
      name: 'stage',
      guild_id: GUILD_ID,
    });
    expect(seen).toEqual([true]);
    const member = await client.guilds.cache.get(GUILD_ID)?.members.fetch(BOB.id);
    expect(member?.permissions.has(PermissionFlagsBits.ManageGuild)).toBe(true);
  });

  it('refuses late and repeated acknowledgements like Discord (10062, 40060)', async () => {
    const { fake } = await stage(
      async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        if (interaction.commandName === 'slow') await new Promise((resolve) => setTimeout(resolve, 150));
        await interaction.reply({ content: 'first' });
        if (interaction.commandName === 'twice') {
          await interaction.client.rest.post(`/interactions/${interaction.id}/${interaction.token}/callback`, {
            body: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'second' } },
            auth: false,
          });
        }
      },
      { ackDeadlineMs: 100 },
    );

    await fake.slashCommand({ ...where, user: ALICE, name: 'slow' });
    await fake.slashCommand({ ...where, user: ALICE, name: 'twice' });

    await fake.waitFor(() => handlerErrors.length === 2, { description: 'both handlers to fail' });
    const codes = handlerErrors.splice(0).map((error) => (error instanceof DiscordAPIError ? error.code : error));
    expect(codes.sort()).toEqual([10062, 40060]);
  });
});
