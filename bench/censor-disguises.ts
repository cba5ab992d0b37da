/**
 * The disguise table (data/eval/disguises.tsv, written for this project): for each kind of disguise, how many
 * spellings each censor catches, and how many look-alikes it leaves alone. Every censor is reduced to its yes/no
 * (./censor-peers.ts), so a catch here means "flagged", whichever entry did it.
 *
 * Run directly (`npx tsx bench/censor-disguises.ts`) to print the markdown table for the README.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Detector } from './censor-peers.js';

const TABLE = fileURLToPath(new URL('../data/eval/disguises.tsv', import.meta.url));

/** One row of the table: a disguised spelling and what it stands for, or a look-alike (`term` "-"). */
export interface DisguiseCase {
  kind: string;
  text: string;
  term: string;
}

/** The rows of data/eval/disguises.tsv, in file order. */
export function loadDisguiseCases(file = TABLE): DisguiseCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [kind = '', text = '', term = ''] = line.split('\t');
      return { kind, text, term };
    });
}

/** One detector's score: right answers per kind (a catch, or a look-alike left alone), out of the kind's rows. */
export interface DisguiseScore {
  name: string;
  byKind: Map<string, { right: number; total: number }>;
}

/** Scores every detector on the same cases. */
export function scoreDisguises(detectors: readonly Detector[], cases = loadDisguiseCases()): DisguiseScore[] {
  return detectors.map((detector) => {
    const byKind = new Map<string, { right: number; total: number }>();
    for (const { kind, text, term } of cases) {
      const score = byKind.get(kind) ?? { right: 0, total: 0 };
      score.total++;
      if (detector.flags(text) === (term !== '-')) score.right++;
      byKind.set(kind, score);
    }
    return { name: detector.name, byKind };
  });
}

/** The scores as a markdown table: one column per kind, then every disguise together, then the look-alikes. */
export function formatDisguiseTable(scores: readonly DisguiseScore[]): string {
  const kinds = [...(scores[0]?.byKind.keys() ?? [])].filter((k) => k !== 'leave alone');
  const header = ['censor', ...kinds.map((k) => `${k} ↑`), 'every disguise ↑', 'look-alikes left alone ↑'];
  const lines = scores.map(({ name, byKind }) => {
    const cell = (k: string) => `${byKind.get(k)?.right ?? 0}/${byKind.get(k)?.total ?? 0}`;
    const caught = kinds.reduce((sum, k) => sum + (byKind.get(k)?.right ?? 0), 0);
    const total = kinds.reduce((sum, k) => sum + (byKind.get(k)?.total ?? 0), 0);
    return [name, ...kinds.map(cell), `${caught}/${total}`, cell('leave alone')];
  });
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { createDetectors } = await import('./censor-compare.js');
  console.log(formatDisguiseTable(scoreDisguises(createDetectors())));
}
