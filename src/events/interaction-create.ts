import type { Interaction } from 'discord.js';
import { submitAppeal } from '../buttons/appeal.js';
import { buttonsByKind } from '../buttons/index.js';
import { commandsByName } from '../commands/index.js';
import type { Context } from '../context.js';
import { isHarmlessDiscordError } from '../discord/errors.js';
import { parseCustomId } from '../discord/format.js';
import { answerPrivately, assertSameGuild } from '../discord/guards.js';
import { UserFacingError } from '../errors.js';
import { scriptFor } from '../services/script/voices.js';
import { isStoreUnavailable } from '../services/store/index.js';

const BACKSTAGE_LINE = '⚠️ Something went wrong backstage. The incident has been minuted; please try again in a moment.';

/**
 * The one error boundary for interactions: expected failures are shown to the member as is (ephemeral);
 * Discord's known-harmless errors are logged at debug; a store that stayed unreachable or locked is answered in
 * the guild's voice; everything else is logged with context and answered in character. Nothing here ever throws
 * into discord.js.
 */
export async function onInteractionCreate(interaction: Interaction, ctx: Context): Promise<void> {
  const fields = { guildId: interaction.guildId, userId: interaction.user.id, interactionId: interaction.id };
  try {
    if (interaction.isChatInputCommand()) {
      const command = commandsByName.get(interaction.commandName);
      if (!command) throw new UserFacingError('That command is not part of this show.');
      await command.execute(interaction, ctx);
    } else if (interaction.isButton()) {
      const target = parseCustomId(interaction.customId);
      const handler = target && buttonsByKind.get(target.kind);
      if (!target || !handler) throw new UserFacingError('That button no longer belongs to a performance.');
      assertSameGuild(interaction, target.performanceId);
      await handler.execute(interaction, target, ctx);
    } else if (interaction.isModalSubmit()) {
      const target = parseCustomId(interaction.customId);
      if (target?.kind !== 'appeal') throw new UserFacingError('That form no longer belongs to a performance.');
      assertSameGuild(interaction, target.performanceId);
      await submitAppeal(interaction, target.performanceId, ctx);
    }
  } catch (err) {
    if (isHarmlessDiscordError(err)) {
      ctx.log.debug({ err, ...fields }, 'interaction target already gone');
      return;
    }
    const expected = err instanceof UserFacingError;
    const storeDown = !expected && isStoreUnavailable(err);
    if (storeDown) ctx.log.warn({ err, ...fields }, 'interaction failed: the store is unavailable');
    else if (!expected) ctx.log.error({ err, ...fields }, 'interaction failed');
    const voice = interaction.guildId ? ctx.services.store.guilds.lastKnownVoice(interaction.guildId) : undefined;
    const answer = expected ? err.message : storeDown ? scriptFor(voice).replies.storeUnavailable : BACKSTAGE_LINE;
    await answerPrivately(interaction, answer).catch((answerErr: unknown) => {
      if (!isHarmlessDiscordError(answerErr))
        ctx.log.warn({ err: answerErr, ...fields }, 'could not answer interaction');
    });
  }
}
