/**
 * Censor throughput: the lexicon censor against `obscenity` (the fastest capable peer) on the same workload, the
 * 4,703 I2P prompts, with every disguise pass on. Loaders and timing are shared with ./censor-compare.ts.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { REPO_ROOT } from '../src/config.js';
import { loadI2pPrompts, measureThroughput } from './censor-compare.js';

/** Briefs and megabytes per second for one censor. */
export interface BenchRow {
  name: string;
  briefsPerSec: number;
  mbPerSec: number;
}

/**
 * Median throughput of the compiled lexicon's scan (every disguise pass on), its full rewrite (scan, euphemisms, grammar —
 * what a performance runs) with satire on and off, and obscenity on the same prompts, in steady state; each one's
 * first, cold pass; and both end to end in processes of their own. The row names carry the ratio to obscenity,
 * measured in this same run.
 */
export async function benchCensor(): Promise<BenchRow[]> {
  const workload = loadI2pPrompts().map((r) => r.prompt);
  // The compiled censor, as `npm start` and the CLI run it (`npm run bench` builds dist/ first), not tsx's.
  const compiled = pathToFileURL(path.join(REPO_ROOT, 'dist/services/censor/lexicon/index.js')).href;
  const { Lexicon, loadBuiltInLexiconEntries } = (await import(
    compiled
  )) as typeof import('../src/services/censor/lexicon/index.js');
  const lexicon = Lexicon.fromEntries(loadBuiltInLexiconEntries());
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  // Cold first: each censor's first pass in this process, JIT cold and, for the lexicon, every word new (a word's
  // first sighting costs its fuzzy passes). Then steady state for everyone: three more passes before any timing.
  const firstPeer = firstPass((t) => obscenity.hasMatch(t), workload);
  const firstScan = firstPass((t) => lexicon.scan(t), workload);
  for (let pass = 0; pass < 3; pass++) {
    for (const text of workload) {
      obscenity.hasMatch(text);
      lexicon.rewrite(text);
      lexicon.rewrite(text, 'standard', { satire: false });
    }
  }
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
    {
      name: `lexicon scan, first pass in a fresh process (${(firstScan.briefsPerSec / firstPeer.briefsPerSec).toFixed(1)}× obscenity's first pass)`,
      ...firstScan,
    },
    ...cliRows(workload, peer.briefsPerSec),
    { name: 'obscenity', ...peer },
    { name: 'obscenity, first pass in a fresh process', ...firstPeer },
  ];
}

/** Throughput of one untimed-before pass over `texts`: what a fresh process gets. */
function firstPass(detect: (text: string) => unknown, texts: readonly string[]): Omit<BenchRow, 'name'> {
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  const started = process.hrtime.bigint();
  for (const text of texts) detect(text);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { briefsPerSec: texts.length / seconds, mbPerSec: bytes / 1e6 / seconds };
}

/** The compiled CLI, as a tool runs it. */
const LEXICON_CLI = ['--enable-source-maps', 'dist/cli.js', 'censor', '--jsonl'];
/** obscenity doing the same job in a process of its own (./obscenity-jsonl.ts): read, censor, serialise, write. */
const OBSCENITY_CLI = ['--import', 'tsx', 'bench/obscenity-jsonl.ts'];

/** Seconds for one run of `node …args` reading `file` on stdin (spawn to exit), its output discarded. */
function runSeconds(args: readonly string[], file: string): number {
  const input = openSync(file, 'r');
  try {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { cwd: REPO_ROOT, stdio: [input, 'ignore', 'ignore'] });
    if (run.error) throw run.error;
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    closeSync(input);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * End to end as a tool sees it: the compiled CLI over four times the I2P prompts, one per line, JSON out (the
 * whole pipeline: validation, censor, guard, style), and obscenity doing the same job in its own process. Start-up
 * is a run over one brief, subtracted; each figure is the median of five runs, interleaved so load hits all alike.
 * The lexicon's row gives its ratio both to obscenity's in-process figure (warm, no I/O: the stricter) and to
 * obscenity's own end-to-end run (measured the same way).
 */
function cliRows(workload: readonly string[], peerBriefsPerSec: number): BenchRow[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'ct-bench-cli-'));
  try {
    const lines = [...workload, ...workload, ...workload, ...workload].map((t) => t.replace(/\s+/g, ' ').trim());
    const big = path.join(dir, 'briefs.txt');
    const one = path.join(dir, 'one.txt');
    writeFileSync(big, `${lines.join('\n')}\n`);
    writeFileSync(one, 'a quiet harbour at dawn\n');
    const bytes = lines.reduce((sum, t) => sum + Buffer.byteLength(t) + 1, 0);
    const commands = [LEXICON_CLI, OBSCENITY_CLI];
    const runs = commands.map(() => ({ full: [] as number[], idle: [] as number[] }));
    for (let run = 0; run < 5; run++) {
      commands.forEach((args, i) => {
        runs[i]?.idle.push(runSeconds(args, one));
        runs[i]?.full.push(runSeconds(args, big));
      });
    }
    const [lexicon, obscenity] = runs.map(({ full, idle }) => {
      const seconds = Math.max(median(full) - median(idle), 1e-3);
      return { startup: median(idle), briefsPerSec: lines.length / seconds, mbPerSec: bytes / 1e6 / seconds };
    }) as [CliFigures, CliFigures];
    const ratio = (n: number) => (lexicon.briefsPerSec / n).toFixed(1);
    return [
      {
        name: `\`censor --jsonl\` end to end, ${lines.length} lines, start-up (${lexicon.startup.toFixed(2)} s) subtracted (${ratio(peerBriefsPerSec)}× obscenity in-process, ${ratio(obscenity.briefsPerSec)}× obscenity end to end)`,
        briefsPerSec: lexicon.briefsPerSec,
        mbPerSec: lexicon.mbPerSec,
      },
      {
        name: `obscenity end to end (bench/obscenity-jsonl.ts: the same lines, JSON out), start-up (${obscenity.startup.toFixed(2)} s) subtracted`,
        briefsPerSec: obscenity.briefsPerSec,
        mbPerSec: obscenity.mbPerSec,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface CliFigures {
  startup: number;
  briefsPerSec: number;
  mbPerSec: number;
}
