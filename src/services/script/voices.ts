import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Script, scriptSchema } from './schema.js';

export { fill, placeholdersOf, type Script } from './schema.js';

/** The voices a guild can choose (`/stage config voice:`); each is `data/voices/<name>.json`. */
export const VOICES = ['corporate', 'ministry'] as const;
export type VoiceName = (typeof VOICES)[number];
export const DEFAULT_VOICE: VoiceName = 'corporate';

const VOICES_DIR = fileURLToPath(new URL('../../../data/voices/', import.meta.url));

/**
 * Reads and validates one voice file. A broken file throws one Error naming the file and each bad line, e.g.
 * `data/voices/ministry.json: frames.scanningMany takes exactly the placeholders {count}`.
 */
export function loadScript(path: string): Script {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: ${(err as Error).message}`);
  }
  const parsed = scriptSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new Error(`${path}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

// Voices are read once, on first use, and never change while the show runs.
const loaded = new Map<VoiceName, Script>();

/** The script of a voice (default: the corporate voice). */
export function scriptFor(voice: VoiceName = DEFAULT_VOICE): Script {
  let script = loaded.get(voice);
  if (!script) {
    script = loadScript(`${VOICES_DIR}${voice}.json`);
    if (script.name !== voice) throw new Error(`data/voices/${voice}.json names itself "${script.name}"`);
    loaded.set(voice, script);
  }
  return script;
}
