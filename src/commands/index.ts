import { brief } from './brief.js';
import { lexicon } from './lexicon.js';
import { results } from './results.js';
import { show } from './show.js';
import { stage } from './stage.js';
import type { Command } from './types.js';

/** Every slash command the bot registers and answers. */
export const commands: Command[] = [brief, stage, lexicon, results, show];

export const commandsByName: ReadonlyMap<string, Command> = new Map(commands.map((c) => [c.data.name, c]));
