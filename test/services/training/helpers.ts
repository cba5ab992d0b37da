import { Writable } from 'node:stream';
import type { CliContext } from '../../../src/cli/types.js';
import { loadSharedConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { Lexicon } from '../../../src/services/censor/lexicon/index.js';
import type { LexiconEntry } from '../../../src/services/censor/types.js';

const entry = (
  term: string,
  category: LexiconEntry['category'],
  euphemism: string,
  extra: Partial<LexiconEntry> = {},
): LexiconEntry => ({
  term,
  category,
  tier: 'redline',
  euphemisms: [euphemism],
  reason: `Policy 1.0 — ${category}`,
  ...extra,
});

/** A small lexicon for the training kit's tests: a term or two per category, and one block-tier phrase. */
export const TEST_ENTRIES: LexiconEntry[] = [
  entry('gun', 'weapons', 'compliance device'),
  entry('sword', 'weapons', 'ceremonial implement'),
  entry('kill', 'violence', 'offboard', { pos: 'verb' }),
  entry('blood', 'gore', 'corporate red'),
  entry('naked', 'nudity', 'business casual', { pos: 'adjective', tier: 'blackout' }),
  entry('cocaine', 'drugs', 'productivity powder'),
  entry('union', 'corporate', 'wellness circle'),
  entry('strike', 'corporate', 'voluntary pause'),
  entry('damn', 'profanity', 'darn', { pos: 'other' }),
  entry('snuff film', 'violence', 'film', { tier: 'block' }),
];

export function testLexicon(): Lexicon {
  return Lexicon.fromEntries(TEST_ENTRIES);
}

/** A writable that keeps what was written; `isTTY` decides how live displays draw. */
export class Capture extends Writable {
  text = '';
  isTTY: boolean;
  columns = 100;
  constructor(isTTY = false) {
    super();
    this.isTTY = isTTY;
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** A CLI context for tests: captured output, the given environment, the test lexicon unless one is given. */
export function testContext(
  env: Record<string, string | undefined> = {},
  options: { lexicon?: Lexicon; fetch?: typeof fetch; tty?: boolean } = {},
) {
  const stdout = new Capture(options.tty);
  const stderr = new Capture(options.tty);
  const config = loadSharedConfig({ STORE_URL: 'memory:', ...env });
  const log = silentLogger();
  const lexicon = options.lexicon ?? testLexicon();
  const ctx: CliContext = {
    io: { stdin: process.stdin, stdout, stderr, env },
    config,
    log,
    lexicon,
    engines: { config, log, lexicon, ...(options.fetch ? { fetch: options.fetch } : {}) },
  };
  return { ctx, stdout, stderr };
}
