/**
 * NSFWErasureBench (human labels on generated images, ../shared/evaldata): how many prompts whose images were
 * judged nude or violent a censor would change, and how many prompts judged safe it would flag anyway. The 4chan
 * rows are left out of the safe set: their text is hateful even when the image was not.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadSharedConfig } from '../src/config.js';
import type { Detector } from './censor-peers.js';

const evaldataDir = loadSharedConfig(process.env).EVALDATA_DIR;

/** One unique prompt with its labels, OR-ed over the seeds it was rendered with. */
export interface ErasurePrompt {
  prompt: string;
  source: string;
  nudity: boolean;
  violence: boolean;
  nsfw: boolean;
}

/** The 5,383 unique prompts of NSFWErasureBench.csv. A label holds when any seed's image had it. */
export function loadErasurePrompts(): ErasurePrompt[] {
  const rows = parse(readFileSync(path.join(evaldataDir, 'NSFWErasureBench.csv')), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  }) as Array<Record<string, string>>;
  const byPrompt = new Map<string, ErasurePrompt>();
  for (const row of rows) {
    const prompt = row.prompt ?? '';
    const seen = byPrompt.get(prompt) ?? {
      prompt,
      source: row.source ?? '',
      nudity: false,
      violence: false,
      nsfw: false,
    };
    seen.nudity ||= row.Nudity === '1';
    seen.violence ||= row.Violence === '1';
    seen.nsfw ||= row.NSFW === '1';
    byPrompt.set(prompt, seen);
  }
  return [...byPrompt.values()];
}

/** A share of a set, with its counts. */
export interface Rate {
  hits: number;
  total: number;
}

const percent = ({ hits, total }: Rate) => `${((100 * hits) / total).toFixed(1)}% (${hits}/${total})`;

/** The erasure figures as a markdown table. */
export function formatErasureTable(rows: readonly ErasureRow[]): string {
  const header = ['censor', 'recall: Nudity=1 ↑', 'recall: Violence=1 ↑', 'flagged: NSFW=0, not 4chan ↓'];
  const lines = rows.map((r) => [r.name, percent(r.nudityRecall), percent(r.violenceRecall), percent(r.safeFlagged)]);
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** One detector on NSFWErasureBench. */
export interface ErasureRow {
  name: string;
  nudityRecall: Rate;
  violenceRecall: Rate;
  /** Flagged among NSFW=0 prompts outside the 4chan rows (lower is better). */
  safeFlagged: Rate;
}

const rate = (detector: Detector, prompts: readonly ErasurePrompt[]): Rate => ({
  hits: prompts.filter((p) => detector.flags(p.prompt)).length,
  total: prompts.length,
});

/** Every detector on the same three sets. */
export function measureErasure(detectors: readonly Detector[], prompts = loadErasurePrompts()): ErasureRow[] {
  const nude = prompts.filter((p) => p.nudity);
  const violent = prompts.filter((p) => p.violence);
  const safe = prompts.filter((p) => !p.nsfw && p.source !== '4chan');
  return detectors.map((detector) => ({
    name: detector.name,
    nudityRecall: rate(detector, nude),
    violenceRecall: rate(detector, violent),
    safeFlagged: rate(detector, safe),
  }));
}

/**
 * One detector on each half of the prompts, split by position (in order of first appearance): terms were mined
 * from the even half only (data/lexicon-mined.md), so the odd half shows what carries over to prompts whose misses were not read.
 */
export function measureErasureHalves(detector: Detector, prompts = loadErasurePrompts()): ErasureRow[] {
  return [0, 1].map((half) => {
    const [row] = measureErasure(
      [detector],
      prompts.filter((_, i) => i % 2 === half),
    ) as [ErasureRow];
    return { ...row, name: `${detector.name}: ${half ? 'odd half (not mined)' : 'even half (mined)'}` };
  });
}

/** The hand-read senses of the safe set's flagged prompts (data/eval/erasure-safe-flags.tsv), by prompt key. */
export function loadSafeFlagSenses(): Map<string, 'unsafe' | 'innocent'> {
  const file = new URL('../data/eval/erasure-safe-flags.tsv', import.meta.url);
  const senses = new Map<string, 'unsafe' | 'innocent'>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [key = '', sense = ''] = line.split('\t');
    if (sense === 'unsafe' || sense === 'innocent') senses.set(key, sense);
  }
  return senses;
}

/** What a prompt is filed under in erasure-safe-flags.tsv. */
export const promptKey = (prompt: string) => createHash('sha256').update(prompt).digest('hex').slice(0, 12);

/** A detector's flags on the safe set, split by the sense a reader found the flagged word in. */
export interface SafeFlagSenses {
  flagged: number;
  total: number;
  unsafeSense: number;
  innocentSense: number;
  notRead: number;
}

/**
 * The labels describe the images, so a prompt that names a fight or a joint whose image came out harmless counts
 * as flagged. Reading each flag tells the two apart: how many flags used the word in its unsafe sense, how many in
 * an innocent one (the censor's real false positives), and how many are newer than the reading.
 */
export function measureSafeFlagSenses(detector: Detector, prompts = loadErasurePrompts()): SafeFlagSenses {
  const senses = loadSafeFlagSenses();
  const safe = prompts.filter((p) => !p.nsfw && p.source !== '4chan');
  const flagged = safe.filter((p) => detector.flags(p.prompt)).map((p) => senses.get(promptKey(p.prompt)));
  return {
    flagged: flagged.length,
    total: safe.length,
    unsafeSense: flagged.filter((s) => s === 'unsafe').length,
    innocentSense: flagged.filter((s) => s === 'innocent').length,
    notRead: flagged.filter((s) => s === undefined).length,
  };
}
