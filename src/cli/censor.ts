import { CENSOR_ENGINES } from '../config.js';
import { UserFacingError } from '../errors.js';
import { type Censorship, censorBrief } from '../services/censor/pipeline.js';
import type { CensorModel } from '../services/censor/types.js';
import { createCensorModel } from '../services/engines.js';
import { decodeUtf8, MAX_STYLE_LENGTH, validateBrief } from '../services/show/brief.js';
import { oneOf, parseCommandArgs, UsageError } from './args.js';
import { byteLineBatches, Utf8Chunks } from './lines.js';
import type { CliCommand } from './types.js';

/**
 * The `--jsonl` contract other tools rely on: keep these field names and their order stable.
 * `prompt` is the final styled text sent to the image model, "" when the brief is blocked.
 */
export function censorRecord(brief: string, { result, prompt }: Pick<Censorship, 'result'> & { prompt: string }) {
  return {
    brief,
    verdict: result.verdict,
    censored: result.censored,
    prompt,
    changes: result.changes.map(({ from, to, category, tier, reason }) => ({ from, to, category, tier, reason })),
    engine: result.engine,
  };
}

type CensorRecord = ReturnType<typeof censorRecord>;

// What JSON.stringify would escape in a string: quotes, backslashes, control characters, and surrogates (only a lone
// one is escaped, but a string holding any goes the slow way).
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const quote = (text: string) => (NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`);

/**
 * `JSON.stringify(record)` for a censor record, byte for byte, written out by field: most strings need no escaping,
 * and serialising three copies of every brief generically was the costliest step of `--jsonl` after the censor.
 */
export function recordJson(record: CensorRecord): string {
  let changes = '';
  for (const { from, to, category, tier, reason } of record.changes) {
    changes += `${changes ? ',' : ''}{"from":${quote(from)},"to":${quote(to)},"category":${quote(category)},"tier":${quote(tier)},"reason":${quote(reason)}}`;
  }
  const { brief, verdict, censored, prompt, engine } = record;
  return `{"brief":${quote(brief)},"verdict":${quote(verdict)},"censored":${quote(censored)},"prompt":${quote(prompt)},"changes":[${changes}],"engine":${quote(engine)}}`;
}

export const censor: CliCommand = {
  name: 'censor',
  usage: 'npm run cli -- censor [--engine lexicon|openai|huggingface] [--style S] (--jsonl < briefs.txt | "<brief>")',
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      engine: { type: 'string' },
      style: { type: 'string' },
      jsonl: { type: 'boolean' },
    });
    const engine = oneOf(values.engine, CENSOR_ENGINES, '--engine') ?? ctx.config.CENSOR_ENGINE;
    const style =
      values.style === undefined ? ctx.config.STYLE : validateBrief(values.style, 'style', MAX_STYLE_LENGTH);
    const model = createCensorModel(engine, ctx.engines);

    if (!values.jsonl) {
      if (positionals.length !== 1)
        throw new UsageError('give one brief in quotes, or use --jsonl and pipe briefs on stdin');
      const brief = validateBrief(positionals[0] ?? '');
      ctx.io.stdout.write(`${recordJson(censorRecord(brief, await censorBrief(model, { brief, style })))}\n`);
      return 0;
    }
    if (positionals.length > 0)
      throw new UsageError('--jsonl reads briefs from stdin; do not also pass one as an argument');
    return censorLines(
      model,
      style,
      ctx.io.stdin as AsyncIterable<Buffer>,
      (bytes) => ctx.io.stdout.write(bytes),
      (line) => ctx.io.stderr.write(line),
    );
  },
};

const jsonLine = (record: unknown) => `${JSON.stringify(record)}\n`;

/**
 * Censors one brief per line, in order; a bad line becomes an error object and the rest still run. The answers to
 * one chunk of input go out together (a write per line costs a system call each when stdout is a file).
 */
async function censorLines(
  model: CensorModel,
  style: string,
  input: AsyncIterable<Buffer>,
  write: (bytes: Uint8Array) => void,
  warn: (line: string) => void,
): Promise<number> {
  let lineNumber = 0;
  let rejected = 0;
  const out = new Utf8Chunks(write);
  for await (const batch of byteLineBatches(input)) {
    try {
      for (const bytes of batch) {
        lineNumber++;
        try {
          const brief = validateBrief(decodeUtf8(bytes));
          out.add(`${recordJson(censorRecord(brief, await censorBrief(model, { brief, style })))}\n`);
        } catch (err) {
          if (!(err instanceof UserFacingError)) throw err;
          rejected++;
          out.add(jsonLine({ line: lineNumber, error: err.message }));
        }
      }
    } finally {
      // Lines answered before an unexpected error still go out, as they did one by one.
      out.flush();
    }
  }
  if (rejected > 0) {
    warn(`error: ${rejected} of ${lineNumber} lines were rejected (see the "error" objects on stdout)\n`);
    return 1;
  }
  return 0;
}
