import type { SharedConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Lexicon } from '../services/censor/lexicon/index.js';
import type { EngineDeps } from '../services/engines.js';

/** The streams and environment a CLI command runs with; tests pass their own. */
export interface CliIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/** What every CLI command receives: built once by the CLI's entry point. */
export interface CliContext {
  io: CliIO;
  config: SharedConfig;
  log: Logger;
  lexicon: Lexicon;
  /** Dependencies for building engines (the `fetch` a test hands in reaches every hosted adapter). */
  engines: EngineDeps;
}

/** One CLI command: `npm run cli -- <name> …`. Returns the exit code. Its `--help` line lives in ./index.ts. */
export interface CliCommand {
  name: string;
  usage: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}
