/**
 * The disguise tables, scored for every censor: data/eval/disguises.tsv (written for this project) and
 * data/eval/peer-disguises.tsv (the peers' own documented cases, see data/eval/SOURCES.md). For each kind of
 * disguise, how many spellings each censor catches, and how many innocent texts it leaves alone. Every censor is
 * reduced to its yes/no (./censor-peers.ts), so a catch here means "flagged", whichever entry did it.
 *
 * Run directly (`npx tsx bench/censor-disguises.ts`) to print both markdown tables for the README.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Detector } from './censor-peers.js';

const TABLE = fileURLToPath(new URL('../data/eval/disguises.tsv', import.meta.url));
const PEER_TABLE = fileURLToPath(new URL('../data/eval/peer-disguises.tsv', import.meta.url));

/** One case: a text, its kind, and whether a censor should flag it (`leave alone` rows should not). */
export interface DisguiseCase {
  kind: string;
  text: string;
  catch: boolean;
}

function dataLines(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

/** The rows of data/eval/disguises.tsv (kind, text, term — "-" to leave alone), in file order. */
export function loadDisguiseCases(file = TABLE): DisguiseCase[] {
  return dataLines(file).map(([kind = '', text = '', term = '']) => ({ kind, text, catch: term !== '-' }));
}

/** `\uXXXX` in a peer text stands for that code point, so invisible characters stay visible in the file. */
export function decodeEscapes(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The rows of data/eval/peer-disguises.tsv (source, kind, text, catch | leave), in file order. */
export function loadPeerDisguiseCases(file = PEER_TABLE): DisguiseCase[] {
  return dataLines(file).map(([, kind = '', text = '', expected = '']) => ({
    kind,
    text: decodeEscapes(text),
    catch: expected === 'catch',
  }));
}

/** One detector's score: right answers per kind (a catch, or an innocent text left alone), out of the kind's rows. */
export interface DisguiseScore {
  name: string;
  byKind: Map<string, { right: number; total: number }>;
}

/** Scores every detector on the same cases. */
export function scoreDisguises(detectors: readonly Detector[], cases = loadDisguiseCases()): DisguiseScore[] {
  return detectors.map((detector) => {
    const byKind = new Map<string, { right: number; total: number }>();
    for (const { kind, text, catch: shouldCatch } of cases) {
      const score = byKind.get(kind) ?? { right: 0, total: 0 };
      score.total++;
      if (detector.flags(text) === shouldCatch) score.right++;
      byKind.set(kind, score);
    }
    return { name: detector.name, byKind };
  });
}

/** The scores as a markdown table: one column per kind, then every disguise together, then the innocent texts. */
export function formatDisguiseTable(scores: readonly DisguiseScore[], leaveLabel = 'look-alikes left alone'): string {
  const kinds = [...(scores[0]?.byKind.keys() ?? [])].filter((k) => k !== 'leave alone');
  const header = ['censor', ...kinds.map((k) => `${k} ↑`), 'every disguise ↑', `${leaveLabel} ↑`];
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
  const detectors = createDetectors();
  console.log(formatDisguiseTable(scoreDisguises(detectors)));
  console.log();
  console.log(formatDisguiseTable(scoreDisguises(detectors, loadPeerDisguiseCases()), 'innocent texts left alone'));
}
