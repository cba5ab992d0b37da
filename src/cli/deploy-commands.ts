import { REST, Routes } from 'discord.js';
import { commands } from '../commands/index.js';
import { loadBotConfig } from '../config.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { CliCommand } from './types.js';

/** Registers the slash commands: to one guild when DISCORD_GUILD_ID is set (instant), globally otherwise. */
export const deployCommands: CliCommand = {
  name: 'deploy-commands',
  usage: 'npm run deploy-commands',
  async run(args, ctx) {
    const { positionals } = parseCommandArgs(args, {});
    if (positionals.length) throw new UsageError('deploy-commands takes no arguments');
    const config = loadBotConfig(ctx.io.env);
    const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
    const route = config.DISCORD_GUILD_ID
      ? Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, config.DISCORD_GUILD_ID)
      : Routes.applicationCommands(config.DISCORD_APPLICATION_ID);
    const registered = (await rest.put(route, { body: commands.map((c) => c.data) })) as { name: string }[];
    const where = config.DISCORD_GUILD_ID
      ? `guild ${config.DISCORD_GUILD_ID}`
      : 'every server (global commands can take up to an hour to appear)';
    ctx.io.stdout.write(
      `Registered ${registered.length} commands (${registered.map((c) => `/${c.name}`).join(', ')}) for ${where}.\n`,
    );
    return 0;
  },
};
