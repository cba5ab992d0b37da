import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CENSOR_ENGINES, type CensorEngineName, REPO_ROOT } from '../config.js';
import { UserFacingError } from '../errors.js';
import { renderEvalChart } from '../services/training/chart.js';
import { runEval } from '../services/training/eval.js';
import { createEvalEngine, type EngineSpec } from '../services/training/eval-engines.js';
import { formatEvalTable } from '../services/training/eval-table.js';
import { DEFAULT_I2P_SAMPLE, hasI2pFile, i2pFileIn, loadI2pPrompts } from '../services/training/i2p.js';
import type { EvalItem } from '../services/training/metrics.js';
import { LiveStatus, progressBar } from '../services/training/progress.js';
import { splitPairs } from '../services/training/split.js';
import { oneOf, parseCommandArgs, UsageError } from './args.js';
import { loadDataset, parseSeed, parseSplit } from './dataset.js';
import type { CliCommand, CliContext } from './types.js';

const DEFAULT_DATA = path.join(REPO_ROOT, 'data', 'briefs.csv');

/** A path relative to the working directory when it lies inside it, absolute otherwise. */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function parseCount(value: string | undefined, flag: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new UsageError(`${flag} must be a whole number from 0 to ${max}`);
  return n;
}

/** Parses `--censor lexicon,openai,openai=ft:…`: engines, each optionally with another model. */
function parseEngines(value: string | undefined, fallback: CensorEngineName): EngineSpec[] {
  if (value === undefined) return [{ name: fallback }];
  const specs = value
    .split(',')
    .map((spec) => spec.trim())
    .filter(Boolean)
    .map((spec): EngineSpec => {
      const [engine = '', ...model] = spec.split('=');
      const name = oneOf(engine.trim(), CENSOR_ENGINES, '--censor') as CensorEngineName;
      if (model.length === 0) return { name };
      if (name === 'lexicon') throw new UsageError('the lexicon engine has no model to choose');
      const chosen = model.join('=').trim();
      if (!chosen) throw new UsageError(`give a model after "${engine}="`);
      return { name, model: chosen };
    });
  if (specs.length === 0) throw new UsageError('--censor needs at least one engine');
  const labels = specs.map((s) => (s.model ? `${s.name}=${s.model}` : s.name));
  return specs.filter((_, i) => labels.indexOf(labels[i] as string) === i);
}

/** The briefs to evaluate: the dataset's validation split, then a sample of the I2P prompts. */
async function loadItems(
  ctx: CliContext,
  options: { data: string; split: number; seed: number; i2pFile: string; limit: number },
): Promise<EvalItem[]> {
  const report = await loadDataset(options.data, ctx);
  if (report.problems.length > 0) {
    throw new UserFacingError(
      `${options.data} has ${report.problems.length} problems; see them with: npm run cli -- dataset validate ${options.data}`,
    );
  }
  const { validation } = splitPairs(report.pairs, options.split, options.seed);
  const items: EvalItem[] = validation.map((pair) => ({
    set: 'briefs',
    brief: pair.brief,
    reference: pair.censored,
    safe: pair.categories.length === 0,
  }));
  if (options.limit > 0) {
    if (hasI2pFile(options.i2pFile)) {
      const { prompts } = await loadI2pPrompts(options.i2pFile, options.limit, options.seed);
      items.push(...prompts.map((brief): EvalItem => ({ set: 'i2p', brief })));
    } else {
      ctx.io.stderr.write(`note: ${options.i2pFile} not found; evaluating on the dataset's briefs alone\n`);
    }
  }
  if (items.length === 0) throw new UserFacingError('nothing to evaluate: the validation split is empty');
  return items;
}

export const evaluate: CliCommand = {
  name: 'eval',
  usage:
    'npm run cli -- eval --censor ENGINE[=MODEL][,ENGINE…] [--data FILE] [--out DIR] [--limit N] [--seed N] [--split R] [--i2p FILE] [--concurrency N]',
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      censor: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      limit: { type: 'string' },
      seed: { type: 'string' },
      split: { type: 'string' },
      i2p: { type: 'string' },
      concurrency: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const engineSpecs = parseEngines(values.censor, ctx.config.CENSOR_ENGINE);
    const outDir = path.resolve(values.out ?? path.join('out', 'eval'));
    const concurrency = parseCount(values.concurrency, '--concurrency', 1, 32) || 1;
    // Engines are built first: a hosted engine without its key is refused before any work.
    const engines = engineSpecs.map((spec) => createEvalEngine(spec, ctx.engines));
    const items = await loadItems(ctx, {
      data: values.data ?? DEFAULT_DATA,
      split: parseSplit(values.split),
      seed: parseSeed(values.seed),
      i2pFile: values.i2p ?? i2pFileIn(ctx.config.EVALDATA_DIR),
      limit: parseCount(values.limit, '--limit', DEFAULT_I2P_SAMPLE, 100_000),
    });

    const progress = new LiveStatus(ctx.io.stderr);
    let lastDraw = 0;
    const report = await runEval({
      engines,
      items,
      style: ctx.config.STYLE,
      lexicon: ctx.lexicon,
      concurrency,
      onProgress: ({ engine, done, total }) => {
        // The lexicon finishes hundreds of briefs a millisecond: redraw a few times a second, not on every one.
        const now = Date.now();
        if (done < total && now - lastDraw < 80) return;
        lastDraw = now;
        progress.status(`${engine.padEnd(12)} ${progressBar(done, total)}`);
      },
    });
    progress.clear();

    await mkdir(outDir, { recursive: true });
    const jsonFile = path.join(outDir, 'eval.json');
    const chartFile = path.join(outDir, 'eval.png');
    await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(chartFile, renderEvalChart(report));
    const out = ctx.io.stdout;
    out.write(`${formatEvalTable(report)}\n\n`);
    out.write(`Report: ${shortPath(jsonFile)}\nChart:  ${shortPath(chartFile)}\n`);
    return 0;
  },
};
