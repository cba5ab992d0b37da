/**
 * Censor throughput: the lexicon censor against `obscenity` (the fastest capable peer) on the same workload, the
 * 4,703 I2P prompts, with every disguise pass on. Loaders and timing are shared with ./censor-compare.ts.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { REPO_ROOT } from '../src/config.js';
import { Lexicon, loadBuiltInLexiconEntries } from '../src/services/censor/lexicon/index.js';
import { loadI2pPrompts, measureThroughput } from './censor-compare.js';

/** Briefs and megabytes per second for one censor. */
export interface BenchRow {
  name: string;
  briefsPerSec: number;
  mbPerSec: number;
}

/**
 * Median throughput of the lexicon's scan (every disguise pass on), its full rewrite (scan, euphemisms, grammar —
 * what a performance runs) with satire on and off, and obscenity on the same prompts. The row names carry the
 * ratio to obscenity, measured in this same run.
 */
export async function benchCensor(): Promise<BenchRow[]> {
  const workload = loadI2pPrompts().map((r) => r.prompt);
  const lexicon = Lexicon.fromEntries(loadBuiltInLexiconEntries());
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const peer = measureThroughput((t) => obscenity.hasMatch(t), workload, 7);
  const rows: BenchRow[] = [
    { name: 'lexicon scan, every disguise pass', ...measureThroughput((t) => lexicon.scan(t), workload, 7) },
    { name: 'lexicon full rewrite, satire on', ...measureThroughput((t) => lexicon.rewrite(t), workload, 7) },
    {
      name: 'lexicon full rewrite, satire off',
      ...measureThroughput((t) => lexicon.rewrite(t, 'standard', { satire: false }), workload, 7),
    },
  ];
  return [
    ...rows.map((row) => ({
      ...row,
      name: `${row.name} (${(row.briefsPerSec / peer.briefsPerSec).toFixed(1)}× obscenity)`,
    })),
    cliRow(workload, peer.briefsPerSec),
    { name: 'obscenity', ...peer },
  ];
}

/** Seconds for one compiled `censor --jsonl` run reading `file` (spawn to exit), its output discarded. */
function cliSeconds(file: string): number {
  const input = openSync(file, 'r');
  try {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['--enable-source-maps', 'dist/cli.js', 'censor', '--jsonl'], {
      cwd: REPO_ROOT,
      stdio: [input, 'ignore', 'ignore'],
    });
    if (run.error) throw run.error;
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    closeSync(input);
  }
}

/**
 * End to end as a tool sees it: the compiled CLI over four times the I2P prompts, one per line, JSON out (the
 * whole pipeline: validation, censor, guard, style). Start-up is a run over one brief, subtracted; both are the
 * median of five interleaved runs.
 */
function cliRow(workload: readonly string[], peerBriefsPerSec: number): BenchRow {
  const dir = mkdtempSync(path.join(tmpdir(), 'ct-bench-cli-'));
  try {
    const lines = [...workload, ...workload, ...workload, ...workload].map((t) => t.replace(/\s+/g, ' ').trim());
    const big = path.join(dir, 'briefs.txt');
    const one = path.join(dir, 'one.txt');
    writeFileSync(big, `${lines.join('\n')}\n`);
    writeFileSync(one, 'a quiet harbour at dawn\n');
    const full: number[] = [];
    const idle: number[] = [];
    for (let run = 0; run < 5; run++) {
      idle.push(cliSeconds(one));
      full.push(cliSeconds(big));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const seconds = Math.max(median(full) - median(idle), 1e-3);
    const bytes = lines.reduce((sum, t) => sum + Buffer.byteLength(t) + 1, 0);
    const briefsPerSec = lines.length / seconds;
    return {
      name: `\`censor --jsonl\` end to end, ${lines.length} lines, start-up (${median(idle).toFixed(2)} s) subtracted (${(briefsPerSec / peerBriefsPerSec).toFixed(1)}× obscenity in-process)`,
      briefsPerSec,
      mbPerSec: bytes / 1e6 / seconds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
