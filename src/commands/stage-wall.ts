import type { ChatInputCommandInteraction, SlashCommandSubcommandBuilder } from 'discord.js';
import type { Context } from '../context.js';

/** `/stage wall [rotate]`: the secret links to this server's exhibition wall and gallery. */
export const wallSubcommand = (s: SlashCommandSubcommandBuilder) =>
  s
    .setName('wall')
    .setDescription('Private links to this server’s exhibition wall, OBS overlay and gallery')
    .addBooleanOption((o) => o.setName('rotate').setDescription('Make new links; the old ones stop working at once'));

export async function wallAnswer(
  interaction: ChatInputCommandInteraction,
  ctx: Context,
  guildId: string,
): Promise<string> {
  const { wall } = ctx.services;
  if (!wall)
    return 'The exhibition wall is not running. Set WALL_PORT (and WALL_PUBLIC_URL if it is reached from elsewhere) and restart the bot.';
  const rotate = interaction.options.getBoolean('rotate') ?? false;
  const links = await wall.links(guildId, rotate);
  if (!links) {
    await wall.key(guildId, rotate);
    return `${rotate ? '🔁 New key made; the old links no longer work. ' : ''}This process publishes to the wall but does not serve it: set WALL_PUBLIC_URL to the address of \`npm run wall\` to get links here.`;
  }
  return [
    rotate
      ? '🔁 New links made. The old ones no longer work.'
      : '🖼️ The exhibition wall. Keep these links among the moderators: each one opens this server’s wall.',
    `Projector (1920×1080): <${links.wall}>`,
    `OBS browser source (transparent): <${links.obs}>`,
    `Gallery: <${links.gallery}>`,
    'Rotate with `/stage wall rotate:true` if a link escapes.',
  ].join('\n');
}
