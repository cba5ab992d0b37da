import type { CliCommand } from './types.js';

/** A CLI command as `--help` lists it; its module is imported only when the command is selected. */
export interface CliCommandEntry {
  name: string;
  summary: string;
  load(): Promise<CliCommand>;
}

// Each command pulls in its own heavy dependencies (canvas, OpenAI, discord.js); a static import here would make
// every run pay for all of them.
/** Every CLI command, in the order `--help` lists them. */
export const cliCommands: CliCommandEntry[] = [
  {
    name: 'rehearse',
    summary: 'perform one brief in the terminal and write the poster and a JSON record',
    load: async () => (await import('./rehearse.js')).rehearse,
  },
  {
    name: 'censor',
    summary: 'censor briefs: one per line on stdin with --jsonl, or one given as an argument',
    load: async () => (await import('./censor.js')).censor,
  },
  {
    name: 'dataset',
    summary: 'validate the training CSV, export it for fine-tuning, or draft rows with the lexicon',
    load: async () => (await import('./dataset.js')).dataset,
  },
  {
    name: 'finetune',
    summary: 'fine-tune an OpenAI censor on an exported dataset and follow the job',
    load: async () => (await import('./finetune.js')).finetune,
  },
  {
    name: 'eval',
    summary: 'measure censor engines: leaks, over-censoring, kept words, style, gibberish, latency',
    load: async () => (await import('./eval.js')).evaluate,
  },
  {
    name: 'deploy-commands',
    summary: 'register the slash commands with Discord (one guild if DISCORD_GUILD_ID is set, else global)',
    load: async () => (await import('./deploy-commands.js')).deployCommands,
  },
  {
    name: 'wall',
    summary: 'serve the exhibition wall, rehearse it offline (--demo), or print a redline document (--print ID)',
    load: async () => (await import('./wall.js')).wall,
  },
];
