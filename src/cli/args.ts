import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UserFacingError } from '../errors.js';

/** A usage error: shown as one line with the command's usage, exit code 2. */
export class UsageError extends UserFacingError {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict argument parsing whose errors read as one line for a person, not a stack trace. */
export function parseCommandArgs<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/^TypeError \[\w+\]: /, ''));
  }
}

/** Checks a flag's value against a list of choices. */
export function oneOf<T extends string>(value: string | undefined, choices: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown ${flag} "${value}"; choose one of: ${choices.join(', ')}`);
}

/** Splits `<subcommand> …rest`, refusing a missing or unknown subcommand with the list of choices. */
export function takeSubcommand<T extends string>(
  args: string[],
  choices: readonly T[],
): { subcommand: T; rest: string[] } {
  const [first, ...rest] = args;
  const subcommand = oneOf(first, choices, 'subcommand');
  if (!subcommand) throw new UsageError(`give a subcommand: ${choices.join(', ')}`);
  return { subcommand, rest };
}
