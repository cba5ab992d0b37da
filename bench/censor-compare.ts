/**
 * The lexicon censor against the word filters a developer would otherwise pick — obscenity, bad-words,
 * @2toad/profanity, leo-profanity, allprofanity, glin-profanity (./censor-peers.ts) — on public data
 * (../shared/evaldata, see its SOURCES.md): recall on clearly unsafe I2P prompts, on the LDNOOBW word list and on
 * NSFWErasureBench's human labels (./censor-erasure.ts), false positives on innocent words, and throughput.
 *
 * Run directly (`npx tsx bench/censor-compare.ts`) to print the markdown table for the README.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { loadSharedConfig } from '../src/config.js';
import { Lexicon, loadBuiltInLexiconEntries } from '../src/services/censor/lexicon/index.js';
import { type ErasureRow, formatErasureTable, loadErasurePrompts, measureErasure } from './censor-erasure.js';
import { createPeerDetectors, type Detector } from './censor-peers.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// The public data lives outside the repository: EVALDATA_DIR, by default ../shared/evaldata.
const evaldataDir = loadSharedConfig(process.env).EVALDATA_DIR;

/** One row of unsafe-prompts4703.csv (the I2P benchmark), with the soft signals this comparison uses. */
export interface I2pPrompt {
  prompt: string;
  hard: boolean;
  inappropriatePercentage: number;
  nudityPercentage: number;
  promptToxicity: number;
}

/** All 4703 I2P rows, in file order (duplicate prompts included: they are the throughput workload). */
export function loadI2pPrompts(): I2pPrompt[] {
  const rows = parse(readFileSync(path.join(evaldataDir, 'unsafe-prompts4703.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as Array<Record<string, string>>;
  return rows.map((row) => ({
    prompt: row.prompt ?? '',
    hard: row.hard === '1',
    inappropriatePercentage: Number(row.inappropriate_percentage),
    nudityPercentage: Number(row.nudity_percentage),
    promptToxicity: Number(row.prompt_toxicity),
  }));
}

/** The LDNOOBW English list (master, 403 entries), one word or phrase each. */
export function loadLdnoobwWords(): string[] {
  return readFileSync(path.join(evaldataDir, 'en'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** data/eval/innocent.txt: innocent words and prompts that hold a banned word as a substring. */
export function loadInnocentLines(): string[] {
  return readFileSync(path.join(repoRoot, 'data/eval/innocent.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/**
 * "Clearly unsafe": the I2P labels describe the images SD made, not the prompt text, so this takes the rows
 * where most images were judged inappropriate (hard == 1) AND either the images were mostly nude
 * (nudity_percentage >= 50) or the prompt text itself scored toxic (prompt_toxicity >= 0.5). Unique prompts.
 */
export function clearlyUnsafe(rows: readonly I2pPrompt[]): string[] {
  return unique(rows.filter((r) => r.hard && (r.nudityPercentage >= 50 || r.promptToxicity >= 0.5)));
}

/** Prompts whose images were all judged fine (inappropriate_percentage == 0). Unique prompts. */
export function judgedFine(rows: readonly I2pPrompt[]): string[] {
  return unique(rows.filter((r) => r.inappropriatePercentage === 0));
}

function unique(rows: readonly I2pPrompt[]): string[] {
  return [...new Set(rows.map((r) => r.prompt))];
}

export type { Detector } from './censor-peers.js';

/**
 * Our censor twice — the safety layer alone (what the metrics measure) and both layers (satire on, the default) —
 * then the six peers, each built the way its documentation recommends.
 */
export function createDetectors(): Detector[] {
  const lexicon = Lexicon.fromEntries(loadBuiltInLexiconEntries());
  const safety = lexicon.safetyOnly;
  return [
    { name: 'lexicon, safety layer (ours)', flags: (text) => safety.scan(text).length > 0 },
    { name: 'lexicon, both layers (ours)', flags: (text) => lexicon.scan(text).length > 0 },
    ...createPeerDetectors(),
  ];
}

/** Slow detectors get fewer timed passes (each still gets a warm-up pass). */
export const timedRuns = (name: string) => (name.startsWith('lexicon') || name === 'obscenity' ? 7 : 3);

/** A share of a set, kept with its counts so the table can show them. */
export interface Rate {
  hits: number;
  total: number;
}

function rate(detector: Detector, texts: readonly string[]): Rate {
  return { hits: texts.filter((t) => detector.flags(t)).length, total: texts.length };
}

/** Throughput of one detector on a workload. */
export interface Throughput {
  briefsPerSec: number;
  mbPerSec: number;
}

/** Times `runs` passes over `texts` after one warm-up pass, and reports the median pass. */
export function measureThroughput(detect: (text: string) => unknown, texts: readonly string[], runs = 5): Throughput {
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  for (const text of texts) detect(text);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    for (const text of texts) detect(text);
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  return { briefsPerSec: texts.length / median, mbPerSec: bytes / 1e6 / median };
}

/** One detector's results across every measure. */
export interface CompareRow extends Throughput {
  name: string;
  /** Flagged among clearly unsafe I2P prompts (higher is better). */
  unsafeRecall: Rate;
  /** Flagged among LDNOOBW words, each as a brief (higher is better). */
  ldnoobwRecall: Rate;
  /** Flagged among innocent lines (lower is better). */
  innocentFlagged: Rate;
  /** Flagged among prompts whose images were judged fine: not false positives, as labels describe images. */
  fineFlagged: Rate;
  /** NSFWErasureBench: recall on Nudity=1 and Violence=1, flags on NSFW=0 outside the 4chan rows. */
  erasure: ErasureRow;
}

/** Runs the whole comparison, every detector on the same data in one run. */
export async function compareCensors(): Promise<CompareRow[]> {
  const rows = loadI2pPrompts();
  const unsafe = clearlyUnsafe(rows);
  const fine = judgedFine(rows);
  const words = loadLdnoobwWords();
  const innocent = loadInnocentLines();
  const workload = rows.map((r) => r.prompt);
  const detectors = createDetectors();
  const erasure = measureErasure(detectors, loadErasurePrompts());
  return detectors.map((detector, i) => ({
    name: detector.name,
    unsafeRecall: rate(detector, unsafe),
    ldnoobwRecall: rate(detector, words),
    innocentFlagged: rate(detector, innocent),
    fineFlagged: rate(detector, fine),
    erasure: erasure[i] as ErasureRow,
    ...measureThroughput(detector.flags, workload, timedRuns(detector.name)),
  }));
}

const percent = ({ hits, total }: Rate) => `${((100 * hits) / total).toFixed(1)}% (${hits}/${total})`;
const number = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));

/** The comparison as a markdown table. */
export function formatCompareTable(rows: readonly CompareRow[]): string {
  const header = [
    'censor',
    'recall: clearly unsafe I2P prompts ↑',
    'recall: LDNOOBW words ↑',
    'false positives: innocent.txt ↓',
    'flag rate: I2P prompts whose images were judged fine',
    'briefs/s ↑',
    'MB/s ↑',
  ];
  const lines = rows.map((r) =>
    [
      r.name,
      percent(r.unsafeRecall),
      percent(r.ldnoobwRecall),
      percent(r.innocentFlagged),
      percent(r.fineFlagged),
      number(r.briefsPerSec),
      number(r.mbPerSec),
    ].join(' | '),
  );
  const table = [header.join(' | '), header.map(() => '---').join(' | '), ...lines].map((l) => `| ${l} |`).join('\n');
  return `${table}\n\n### NSFWErasureBench (human labels on generated images, 5,383 unique prompts)\n${formatErasureTable(rows.map((r) => r.erasure))}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatCompareTable(await compareCensors()));
}
