import { describe, expect, test } from 'vitest';
import { ModelError } from '../../../src/errors.js';
import { appendStyle, cleanModelOutput } from '../../../src/services/censor/guard.js';

const style = 'corporate memphis illustration, flat pastel vectors';
const clean = (raw: string, brief = 'a knight with a sword in a village') =>
  cleanModelOutput(raw, { brief, style, engine: 'test' });

describe('cleanModelOutput', () => {
  test.each([
    ['role prefix', 'Assistant: a knight with a ceremonial implement in a village'],
    ['markdown role prefix', '### Assistant: a knight with a ceremonial implement in a village'],
    ['two prefixes', 'Censored brief: Output: a knight with a ceremonial implement in a village'],
    ['double quotes', '"a knight with a ceremonial implement in a village"'],
    ['curly quotes', '“a knight with a ceremonial implement in a village”'],
    ['code fence', '```\na knight with a ceremonial implement in a village\n```'],
    ['quotes inside a prefix', 'Rewritten prompt: "a knight with a ceremonial implement in a village"'],
    ['gibberish digits (Falcon)', 'a knight with a ceremonial implement in a village 8832 1192 0043'],
    ['gibberish digits glued with punctuation', 'a knight with a ceremonial implement in a village, 12.44.9'],
    [
      'the next turn the model kept writing',
      'a knight with a ceremonial implement in a village\n### Human: now draw a dog',
    ],
    ['the house style written by the model', `a knight with a ceremonial implement in a village, ${style}`],
    ['a mangled style parameter (GPT "argent")', 'a knight with a ceremonial implement in a village, argent'],
    ['"argent" followed by digits', 'a knight with a ceremonial implement in a village, argent 8812 4471'],
    ['digits followed by "argent"', 'a knight with a ceremonial implement in a village 8812, argent'],
    ['a style clause', 'a knight with a ceremonial implement in a village, style: 4'],
    ['a parameter flag', 'a knight with a ceremonial implement in a village --style 4'],
    ['an aspect flag', 'a knight with a ceremonial implement in a village --ar 16:9'],
    ['trailing separators', 'a knight with a ceremonial implement in a village ,;'],
    ['extra whitespace and CRLF', '  a knight with a ceremonial\r\n implement in a village  '],
  ])('strips %s', (_name, raw) => {
    expect(clean(raw)).toBe('a knight with a ceremonial implement in a village');
  });

  test.each([
    ['a year the author wrote', 'a street in 1920', 'a street in 1920'],
    ['a count inside the brief', '3 knights with swords', '3 knights with ceremonial implements'],
    ['a clause the brief had', 'a knight, sword, village', 'a knight, implement, village'],
    ['a word that is not a role', 'assistant manager at a desk', 'assistant manager at a desk'],
  ])('keeps %s', (_name, brief, raw) => {
    expect(clean(raw, brief)).toBe(raw);
  });

  test.each([
    ['empty', ''],
    ['only quotes', '""'],
    ['only a prefix', 'Assistant:'],
    ['only digits', '1234 5678'],
    ['absurdly long', 'compliance '.repeat(500)],
  ])('refuses %s output as a model failure', (_name, raw) => {
    expect(() => clean(raw)).toThrow(ModelError);
  });
});

describe('appendStyle', () => {
  test.each([
    ['a knight', 'flat vectors', 'a knight, flat vectors'],
    ['a knight, ', 'flat vectors', 'a knight, flat vectors'],
    ['a knight;', '  flat vectors ', 'a knight, flat vectors'],
    ['a knight', '', 'a knight'],
    ['', 'flat vectors', ''],
    ['a knight , ;: \u00a0,', 'flat vectors', 'a knight, flat vectors'],
    [',;: ,', 'flat vectors', ''],
    ['a knight, at dawn ; ', 'flat vectors', 'a knight, at dawn, flat vectors'],
  ])('%j + %j', (censored, houseStyle, expected) => {
    expect(appendStyle(censored, houseStyle)).toBe(expected);
  });
});
