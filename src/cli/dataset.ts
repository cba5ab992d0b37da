import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../errors.js';
import { CATEGORIES } from '../services/censor/types.js';
import { createCensorModel } from '../services/engines.js';
import { validateBrief } from '../services/show/brief.js';
import { decodeCsvBytes, formatCsv } from '../services/training/csv.js';
import { EXPORT_FORMATS, exportFileName, toJsonl } from '../services/training/export.js';
import { readUserFile } from '../services/training/files.js';
import { CATEGORY_SEPARATOR, DATASET_COLUMNS } from '../services/training/schema.js';
import { DEFAULT_SEED, DEFAULT_SPLIT, splitPairs } from '../services/training/split.js';
import { datasetStats } from '../services/training/stats.js';
import { type DatasetReport, validateDataset } from '../services/training/validate.js';
import { oneOf, parseCommandArgs, takeSubcommand, UsageError } from './args.js';
import type { CliCommand, CliContext } from './types.js';

const SUBCOMMANDS = ['validate', 'export', 'draft'] as const;

/** Parses `--split`: the training share, in (0, 1]. */
export function parseSplit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SPLIT;
  const ratio = Number(value);
  if (!(ratio > 0 && ratio <= 1)) throw new UsageError('--split must be a number above 0 and at most 1, e.g. 0.9');
  return ratio;
}

/** Parses `--seed`: an unsigned 32-bit integer. */
export function parseSeed(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SEED;
  const seed = Number(value);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
    throw new UsageError('--seed must be a whole number from 0 to 4294967295');
  }
  return seed;
}

/** Reads and validates a dataset file with the context's lexicon and house style. */
export async function loadDataset(file: string, ctx: CliContext): Promise<DatasetReport> {
  const text = decodeCsvBytes(await readUserFile(file));
  return validateDataset(text, { lexicon: ctx.lexicon, style: ctx.config.STYLE });
}

function describeProblems(file: string, report: DatasetReport): string {
  const width = String(Math.max(1, ...report.problems.map((p) => p.line))).length;
  const kindWidth = Math.max(...report.problems.map((p) => p.kind.length));
  const lines = report.problems.map(
    (p) => `${file}:${String(p.line).padEnd(width)}  ${p.kind.padEnd(kindWidth)}  ${p.message}`,
  );
  return `${lines.join('\n')}\n`;
}

function describeStats(report: DatasetReport): string {
  const stats = datasetStats(report.pairs);
  const share = (n: number) => `${((100 * n) / Math.max(1, stats.rows)).toFixed(0)}%`.padStart(4);
  const lines = [
    `  ${'safe (unchanged)'.padEnd(17)}${String(stats.safe).padStart(4)}  ${share(stats.safe)}`,
    ...CATEGORIES.map(
      (c) => `  ${c.padEnd(17)}${String(stats.byCategory[c]).padStart(4)}  ${share(stats.byCategory[c])}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

async function validate(positionals: string[], ctx: CliContext): Promise<number> {
  const file = onlyFile(positionals);
  const report = await loadDataset(file, ctx);
  const out = ctx.io.stdout;
  if (report.problems.length > 0) {
    out.write(describeProblems(file, report));
    const rows = new Set(report.problems.map((p) => p.line)).size;
    throw new UserFacingError(
      `${file}: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${rows} of ${report.records} rows`,
    );
  }
  out.write(`${file}: ${report.pairs.length} pairs, no problems\n${describeStats(report)}`);
  return 0;
}

async function exportDataset(positionals: string[], values: Record<string, unknown>, ctx: CliContext) {
  const file = onlyFile(positionals);
  const format = oneOf(values.format as string | undefined, EXPORT_FORMATS, '--format');
  if (!format) throw new UsageError('give --format openai or --format hf');
  const ratio = parseSplit(values.split as string | undefined);
  const seed = parseSeed(values.seed as string | undefined);
  const outDir = (values.out as string | undefined) ?? path.join('out', 'dataset');
  const report = await loadDataset(file, ctx);
  if (report.problems.length > 0) {
    throw new UserFacingError(
      `${file} has ${report.problems.length} problems; see them with: npm run cli -- dataset validate ${file}`,
    );
  }
  const { train, validation } = splitPairs(report.pairs, ratio, seed);
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [set, pairs] of [
    ['train', train],
    ['validation', validation],
  ] as const) {
    if (pairs.length === 0) continue;
    const target = path.join(outDir, exportFileName(format, set));
    await writeFile(target, toJsonl(pairs, format));
    written.push(target);
    ctx.io.stdout.write(`${target}: ${pairs.length} examples\n`);
  }
  if (format === 'openai') {
    const [trainFile, validationFile] = written;
    const next = `npm run cli -- finetune openai --train ${trainFile}${validationFile ? ` --validation ${validationFile}` : ''}`;
    ctx.io.stdout.write(`next: ${next}\n`);
  }
  return 0;
}

/**
 * Drafts dataset rows from briefs (one per line) with the lexicon censor, to be read and corrected by hand.
 * Briefs the lexicon would refuse are left out: they are not rewrite pairs.
 */
async function draft(positionals: string[], values: Record<string, unknown>, ctx: CliContext) {
  const file = onlyFile(positionals);
  const text = decodeCsvBytes(await readUserFile(file));
  const censor = createCensorModel('lexicon', ctx.engines);
  const rows: string[][] = [[...DATASET_COLUMNS]];
  let skipped = 0;
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (!raw.trim()) continue;
    let brief: string;
    try {
      brief = validateBrief(raw);
    } catch (err) {
      if (!(err instanceof UserFacingError)) throw err;
      ctx.io.stderr.write(`${file}:${i + 1}: ${err.message} Left out.\n`);
      skipped++;
      continue;
    }
    const result = await censor.censor({ brief });
    if (result.verdict === 'block') {
      ctx.io.stderr.write(`${file}:${i + 1}: refused by the lexicon, left out\n`);
      skipped++;
      continue;
    }
    const categories = [...new Set(result.changes.map((c) => c.category))];
    rows.push([brief, result.censored, categories.join(CATEGORY_SEPARATOR)]);
  }
  const csv = formatCsv(rows);
  const out = values.out as string | undefined;
  if (out) {
    await writeFile(out, csv);
    ctx.io.stdout.write(
      `${out}: ${rows.length - 1} drafted rows${skipped ? `, ${skipped} refused briefs left out` : ''}\n`,
    );
  } else {
    ctx.io.stdout.write(csv);
  }
  return 0;
}

function onlyFile(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('give exactly one file');
  return positionals[0] ?? '';
}

export const dataset: CliCommand = {
  name: 'dataset',
  usage: [
    'npm run cli -- dataset validate FILE.csv',
    '       npm run cli -- dataset export FILE.csv --format openai|hf [--split 0.9] [--seed N] [--out DIR]',
    '       npm run cli -- dataset draft BRIEFS.txt [--out FILE.csv]',
  ].join('\n'),
  async run(args, ctx) {
    const { subcommand, rest } = takeSubcommand(args, SUBCOMMANDS);
    const { values, positionals } = parseCommandArgs(rest, {
      format: { type: 'string' },
      split: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
    });
    if (subcommand === 'validate') {
      if (Object.keys(values).length > 0) throw new UsageError('validate takes only the file');
      return validate(positionals, ctx);
    }
    if (subcommand === 'draft') return draft(positionals, values, ctx);
    return exportDataset(positionals, values, ctx);
  },
};
