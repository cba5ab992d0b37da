/**
 * The held-out briefs (data/eval/heldout-briefs.tsv, written before the censor was run on them, see its header):
 * for the safety layer and for both layers, how many of the marked unsafe terms survive the rewrite, and how many
 * innocent traps a change touches. Unlike the disguise tables, this scores spans, not yes/no: a brief is not
 * "caught" because some other word in it fired.
 *
 * Run directly (`npx tsx bench/censor-heldout.ts`) to print the table and every surviving term and damaged trap.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Lexicon, loadBuiltInLexiconEntries } from '../src/services/censor/lexicon/index.js';
import type { CensorResult } from '../src/services/censor/types.js';

const TABLE = fileURLToPath(new URL('../data/eval/heldout-briefs.tsv', import.meta.url));

/** One row: the brief, the unsafe terms a censor must change and the traps it must leave alone (substrings). */
export interface HeldoutBrief {
  kind: string;
  brief: string;
  unsafe: string[];
  traps: string[];
}

const terms = (cell = '') => cell.split('|').filter(Boolean);

/** The rows of the table in file order; each takes its kind from the last `# kind:` line above it. */
export function loadHeldoutBriefs(file = TABLE): HeldoutBrief[] {
  const rows: HeldoutBrief[] = [];
  let kind = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# kind:')) kind = line.slice('# kind:'.length).trim();
    if (!line || line.startsWith('#')) continue;
    const [brief = '', unsafe, traps] = line.split('\t');
    rows.push({ kind, brief, unsafe: terms(unsafe), traps: terms(traps) });
  }
  return rows;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * Where `term` sits in `brief`: its occurrences that stand as whole words if there are any (the "screw" of "a
 * screw and a screwdriver"), otherwise every occurrence.
 */
export function spansOf(brief: string, term: string): Array<[number, number]> {
  const all: Array<[number, number]> = [];
  for (let at = brief.indexOf(term); at >= 0; at = brief.indexOf(term, at + 1)) all.push([at, at + term.length]);
  const whole = all.filter(([s, e]) => !isWordChar(brief[s - 1]) && !isWordChar(brief[e]));
  return whole.length > 0 ? whole : all;
}

/** A censor as this bench sees it: the decision and its change spans (offsets into the brief). */
export interface HeldoutCensor {
  name: string;
  rewrite: (brief: string) => Pick<CensorResult, 'verdict' | 'changes'>;
}

/** A term of one brief, kept with its row's kind for the lists. */
export interface HeldoutTerm {
  kind: string;
  brief: string;
  term: string;
}

/** One censor's score: every unsafe term and trap counted, the misses listed. */
export interface HeldoutScore {
  name: string;
  unsafeTotal: number;
  survived: HeldoutTerm[];
  trapTotal: number;
  damaged: HeldoutTerm[];
}

/**
 * Scores each censor. An unsafe term survives when one of its occurrences is touched by no change (a blocked
 * verdict changes every term); a trap is damaged when any change overlaps any of its occurrences.
 */
export function scoreHeldout(censors: readonly HeldoutCensor[], rows = loadHeldoutBriefs()): HeldoutScore[] {
  return censors.map(({ name, rewrite }) => {
    const score: HeldoutScore = { name, unsafeTotal: 0, survived: [], trapTotal: 0, damaged: [] };
    for (const { kind, brief, unsafe, traps } of rows) {
      const { verdict, changes } = rewrite(brief);
      const touched = ([s, e]: [number, number]) => changes.some((c) => c.start < e && s < c.end);
      for (const term of unsafe) {
        score.unsafeTotal++;
        if (verdict !== 'block' && !spansOf(brief, term).every(touched)) score.survived.push({ kind, brief, term });
      }
      for (const term of traps) {
        score.trapTotal++;
        if (spansOf(brief, term).some(touched)) score.damaged.push({ kind, brief, term });
      }
    }
    return score;
  });
}

/** The safety layer alone and both layers together, as createDetectors (./censor-compare.ts) builds them. */
export function createHeldoutCensors(): HeldoutCensor[] {
  const lexicon = Lexicon.fromEntries(loadBuiltInLexiconEntries());
  const safety = lexicon.safetyOnly;
  return [
    { name: 'lexicon, safety layer (ours)', rewrite: (brief) => safety.rewrite(brief) },
    { name: 'lexicon, both layers (ours)', rewrite: (brief) => lexicon.rewrite(brief) },
  ];
}

const percent = (part: number, whole: number) => `${((100 * part) / Math.max(whole, 1)).toFixed(1)} %`;

/** The two rates per censor as a markdown table. */
export function formatHeldoutTable(scores: readonly HeldoutScore[]): string {
  const header = ['censor', 'unsafe terms surviving ↓', 'traps damaged ↓'];
  const lines = scores.map((s) => [
    s.name,
    `${percent(s.survived.length, s.unsafeTotal)} (${s.survived.length}/${s.unsafeTotal})`,
    `${percent(s.damaged.length, s.trapTotal)} (${s.damaged.length}/${s.trapTotal})`,
  ]);
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The listed terms, one line per kind: `kind (n): term, term…`. */
export function formatTermsByKind(list: readonly HeldoutTerm[]): string {
  const byKind = new Map<string, string[]>();
  for (const { kind, term } of list) byKind.set(kind, [...(byKind.get(kind) ?? []), term]);
  return [...byKind].map(([kind, found]) => `- ${kind} (${found.length}): ${found.join(', ')}`).join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const scores = scoreHeldout(createHeldoutCensors());
  console.log(formatHeldoutTable(scores));
  for (const score of scores) {
    console.log(`\n### ${score.name}: unsafe terms that survive\n${formatTermsByKind(score.survived)}`);
    console.log(`\n### ${score.name}: traps damaged\n${formatTermsByKind(score.damaged)}`);
  }
}
