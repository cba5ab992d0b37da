import { ModelError } from '../../errors.js';

/**
 * The guard: what every censor model's output goes through before it reaches the stage. Language models add
 * things — a role prefix, wrapping quotes, a run of gibberish numbers (the Falcon fine-tune did), their own try at
 * the style parameter (the GPT-3.5 fine-tune wrote "argent") — so the output is cleaned here and the house style
 * is appended in code, never trusted to a model.
 */

const ROLE_PREFIX =
  /^\s*(?:#+\s*)?(?:assistant|censor|ai|bot|output|response|answer|rewrite|rewritten(?: brief| prompt)?|censored(?: brief| prompt| version)?|approved(?: brief| prompt)?|final(?: brief| prompt)?)\s*[:：]\s*/i;
const NEXT_TURN = /\n\s*(?:#{2,}|human\s*:|user\s*:|assistant\s*:|<\|)/i;
const WRAPPING = [
  ['"', '"'],
  ["'", "'"],
  ['“', '”'],
  ['‘', '’'],
  ['«', '»'],
  ['`', '`'],
] as const;
const PARAMETER_FLAG = /\s--[a-z][\w-]*(?:\s+(?!--)[^\s,]+)?/gi;
const STYLE_CLAUSE = /^(?:in\s+(?:the\s+)?)?(?:house\s+)?style(?:\s*[:=]\s*|\s+)?[\w.#-]*$/i;
const TRAILING_NUMBERS = /(?:[\s,.;:_#-]*\d[\d.,:]*)+[\s.]*$/;

/** How much longer than the brief a rewrite may be before it is treated as a model failure, not a prompt. */
export function maxOutputLength(brief: string): number {
  return Math.min(4000, brief.length * 3 + 200);
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function stripWrapping(text: string): string {
  let out = text.trim();
  for (let changed = true; changed && out.length >= 2; ) {
    changed = false;
    if (out.startsWith('```') && out.endsWith('```') && out.length >= 6) {
      out = out
        .slice(3, -3)
        .replace(/^[a-z]*\n/, '')
        .trim();
      changed = true;
      continue;
    }
    for (const [open, close] of WRAPPING) {
      if (out.startsWith(open) && out.endsWith(close)) {
        out = out.slice(open.length, -close.length).trim();
        changed = true;
        break;
      }
    }
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A clause the model appended that the brief never had: style words, a parameter, a lone stray word. */
function isAddedStyleClause(clause: string, briefWords: Set<string>, styleWords: Set<string>): boolean {
  const clauseWords = words(clause);
  if (clauseWords.length === 0) return true;
  if (STYLE_CLAUSE.test(clause.trim())) return true;
  if (clauseWords.every((w) => /^\d+$/.test(w))) return true;
  const styleShare = clauseWords.filter((w) => styleWords.has(w)).length / clauseWords.length;
  if (styleShare >= 0.5) return true;
  return clauseWords.length === 1 && !briefWords.has(clauseWords[0] ?? '');
}

function stripModelStyle(text: string, brief: string, style: string): string {
  let out = text;
  if (style.trim()) {
    const flexible = style.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
    out = out.replace(new RegExp(`[\\s,;]*${flexible}`, 'gi'), '');
  }
  out = out.replace(PARAMETER_FLAG, '');
  const briefClauses = brief.split(',').length;
  const clauses = out.split(',');
  const briefWords = new Set(words(brief));
  const styleWords = new Set(words(style).filter((w) => w.length > 3));
  while (clauses.length > briefClauses && isAddedStyleClause(clauses.at(-1) ?? '', briefWords, styleWords)) {
    clauses.pop();
  }
  return clauses.join(',');
}

/** Trailing numbers the brief never had are gibberish; a year or count the author wrote stays. */
function stripTrailingNumbers(text: string, brief: string): string {
  const match = TRAILING_NUMBERS.exec(text);
  if (!match) return text;
  const briefTokens = new Set(brief.match(/\d+/g) ?? []);
  const numbers = match[0].match(/\d+/g) ?? [];
  if (numbers.every((n) => briefTokens.has(n)) && brief.trimEnd().endsWith(numbers.at(-1) ?? '')) return text;
  return text.slice(0, match.index);
}

/**
 * Cleans a language model's rewrite of `brief` into a plain prompt without style. Throws a ModelError when the
 * output is empty or absurdly long: that is a failure of the model, not a prompt to perform.
 */
export function cleanModelOutput(raw: string, options: { brief: string; style: string; engine: string }): string {
  let text = raw.replace(/\r\n?/g, '\n');
  for (let i = 0; i < 3 && ROLE_PREFIX.test(text); i++) text = text.replace(ROLE_PREFIX, '');
  const nextTurn = NEXT_TURN.exec(text);
  if (nextTurn) text = text.slice(0, nextTurn.index);
  text = stripWrapping(text);
  text = text.replace(/\s+/g, ' ').trim();
  // Style words and digits come in either order ("…, argent 8812", "… 8812, argent"): strip until stable.
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = stripTrailingNumbers(stripModelStyle(text, options.brief, options.style), options.brief).trimEnd();
    text = text.replace(/[\s,;:]+$/, '');
  }
  text = stripWrapping(text.replace(/[\s,;:]+$/, ''));
  if (!text) throw new ModelError(options.engine, 'returned an empty rewrite');
  if (text.length > maxOutputLength(options.brief)) {
    throw new ModelError(
      options.engine,
      `returned ${text.length} characters for a ${options.brief.length}-character brief`,
    );
  }
  return text;
}

const TRAILING_PUNCTUATION = /[\s,;:]/;

/** `text` without the run of spaces, commas, semicolons and colons it ends with (`/[\s,;:]+$/`, read from the end). */
function trimTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_PUNCTUATION.test(text[end - 1] as string)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** The final prompt: the censored brief with the house style appended in code. "" stays "" (a blocked brief). */
export function appendStyle(censored: string, style: string): string {
  // Read from the end: the regex would try every space of the brief as the start of the trailing run.
  const body = trimTrailingPunctuation(censored.trim());
  if (!body) return '';
  const houseStyle = style.trim();
  return houseStyle ? `${body}, ${houseStyle}` : body;
}
