import { censor } from './censor.js';
import { dataset } from './dataset.js';
import { deployCommands } from './deploy-commands.js';
import { evaluate } from './eval.js';
import { finetune } from './finetune.js';
import { rehearse } from './rehearse.js';
import type { CliCommand } from './types.js';
import { wall } from './wall.js';

/** Every CLI command, in the order `--help` lists them. */
export const cliCommands: CliCommand[] = [rehearse, censor, dataset, finetune, evaluate, deployCommands, wall];
