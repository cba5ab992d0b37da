import { ConfigError, loadSharedConfig } from '../config.js';
import { UserFacingError } from '../errors.js';
import { createLogger } from '../logger.js';
import { Lexicon, loadBuiltInLexiconEntries } from '../services/censor/lexicon/index.js';
import { UsageError } from './args.js';
import { cliCommands } from './index.js';
import type { CliCommand, CliContext, CliIO } from './types.js';

function usage(): string {
  const width = Math.max(...cliCommands.map((c) => c.name.length));
  const lines = cliCommands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['usage: npm run cli -- <command> [options]', '', 'commands:', ...lines].join('\n');
}

/**
 * The CLI's one error boundary. Expected failures print one line and exit non-zero; anything else is logged
 * with its stack at debug level only, and the user gets a line, never a trace.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const entry = cliCommands.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`error: unknown command "${name}"\n${usage()}\n`);
    return 2;
  }
  let ctx: CliContext | undefined;
  let command: CliCommand | undefined;
  try {
    command = await entry.load();
    const config = loadSharedConfig(io.env);
    // The CLI talks to a person on stdout; logs stay quiet unless LOG_LEVEL asks for them.
    const log = createLogger(io.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn', io.stderr);
    const lexicon = Lexicon.fromEntries(loadBuiltInLexiconEntries());
    ctx = { io, config, log, lexicon, engines: { config, log, lexicon } };
    return await command.run(args, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`error: ${err.message}\nusage: ${command?.usage ?? name}\n`);
      return 2;
    }
    if (err instanceof UserFacingError || err instanceof ConfigError) {
      io.stderr.write(`error: ${err.message}\n`);
      return 1;
    }
    ctx?.log.debug({ err, command: name }, 'command failed');
    io.stderr.write(`error: ${name} failed unexpectedly: ${(err as Error)?.message ?? String(err)}\n`);
    return 1;
  }
}
