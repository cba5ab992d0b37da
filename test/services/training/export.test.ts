import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_STYLE } from '../../../src/config.js';
import { CENSOR_SYSTEM_PROMPT, formatHuggingFaceExample } from '../../../src/services/censor/prompts.js';
import { toJsonl } from '../../../src/services/training/export.js';
import { splitPairs } from '../../../src/services/training/split.js';
import { validateDataset } from '../../../src/services/training/validate.js';
import { testLexicon } from './helpers.js';

const fixtures = new URL('../../fixtures/training/', import.meta.url);
const golden = (name: string) => readFileSync(new URL(`golden/${name}`, fixtures), 'utf8');
const { pairs } = validateDataset(readFileSync(new URL('small.csv', fixtures), 'utf8'), {
  lexicon: testLexicon(),
  style: DEFAULT_STYLE,
});
// The golden files are this split: `dataset export test/fixtures/training/small.csv --split 0.75 --seed 7`.
const split = splitPairs(pairs, 0.75, 7);

describe('toJsonl against the golden files', () => {
  test.each([
    ['openai', 'train'],
    ['openai', 'validation'],
    ['hf', 'train'],
    ['hf', 'validation'],
  ] as const)('%s %s', (format, set) => {
    expect(toJsonl(split[set], format)).toBe(golden(`${format}-${set}.jsonl`));
  });
});

describe('the formats', () => {
  const pair = { line: 2, brief: 'a spy with a "gun"', censored: 'a spy with a "compliance device"', categories: [] };

  test('OpenAI: the system prompt the engine uses, the brief, the censored brief — and never the style', () => {
    const [line] = toJsonl([pair], 'openai').split('\n');
    expect(JSON.parse(line ?? '')).toEqual({
      messages: [
        { role: 'system', content: CENSOR_SYSTEM_PROMPT },
        { role: 'user', content: pair.brief },
        { role: 'assistant', content: pair.censored },
      ],
    });
    expect(line).not.toContain('memphis');
  });

  test('Hugging Face: the template the engine prompts with, as a text column', () => {
    expect(JSON.parse(toJsonl([pair], 'hf'))).toEqual({ text: formatHuggingFaceExample(pair.brief, pair.censored) });
  });

  test('one object per line, \\n after each, nothing else', () => {
    const text = toJsonl(split.train, 'openai');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(text.split('\n').slice(0, -1)).toHaveLength(split.train.length);
  });
});
