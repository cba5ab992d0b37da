import { existsSync } from 'node:fs';
import path from 'node:path';
import { MAX_BRIEF_LENGTH } from '../show/brief.js';
import { decodeCsvBytes, parseCsv } from './csv.js';
import { readUserFile } from './files.js';
import { sample } from './split.js';

/** The public I2P prompts inside the evaluation data folder (`EVALDATA_DIR`; see its SOURCES.md). */
export function i2pFileIn(evaldataDir: string): string {
  return path.join(evaldataDir, 'unsafe-prompts4703.csv');
}

/** How many I2P prompts an evaluation draws when no `--limit` is given: enough to mean something, quick to run. */
export const DEFAULT_I2P_SAMPLE = 500;

export interface I2pPrompts {
  prompts: string[];
  /** Unique, usable prompts in the file, before sampling. */
  available: number;
}

/**
 * Reads the I2P prompts: whitespace collapsed onto one line, duplicates and prompts longer than a brief may be
 * dropped, then a fixed-seed sample of `limit`. The file's labels describe the images Stable Diffusion made, not
 * the text, so they are not used: the lexicon decides which prompts hold terms.
 */
export async function loadI2pPrompts(file: string, limit: number, seed: number): Promise<I2pPrompts> {
  const { records } = parseCsv(decodeCsvBytes(await readUserFile(file)));
  const [header, ...rows] = records;
  const column = header?.fields.indexOf('prompt') ?? -1;
  if (column === -1) return { prompts: [], available: 0 };
  const unique = new Set<string>();
  for (const row of rows) {
    const prompt = (row.fields[column] ?? '')
      .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ')
      .trim()
      .replace(/,$/, '')
      .trim();
    if (prompt && prompt.length <= MAX_BRIEF_LENGTH && prompt.isWellFormed()) unique.add(prompt);
  }
  const all = [...unique];
  return { prompts: sample(all, limit, seed), available: all.length };
}

/** True when the I2P file is where an evaluation expects it. */
export function hasI2pFile(file: string): boolean {
  return existsSync(file);
}
