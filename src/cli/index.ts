import { censor } from './censor.js';
import { deployCommands } from './deploy-commands.js';
import { rehearse } from './rehearse.js';
import type { CliCommand } from './types.js';

/** Every CLI command, in the order `--help` lists them. */
export const cliCommands: CliCommand[] = [rehearse, censor, deployCommands];
