import { describe, expect, test } from 'vitest';
import { checkChatJsonl } from '../../../src/services/training/check-jsonl.js';

const example = (assistant = 'a device') =>
  JSON.stringify({
    messages: [
      { role: 'system', content: 's' },
      { role: 'user', content: 'a gun' },
      { role: 'assistant', content: assistant },
    ],
  });

describe('checkChatJsonl', () => {
  test('counts good examples and skips blank lines', () => {
    expect(checkChatJsonl(`${example()}\n\n${example()}\r\n`)).toEqual({ examples: 2, problems: [] });
  });

  test('names each bad line', () => {
    const text = [
      example(),
      '{not json',
      JSON.stringify({ prompt: 'a', completion: 'b' }),
      JSON.stringify({
        messages: [
          { role: 'user', content: 'a' },
          { role: 'user', content: 'b' },
        ],
      }),
      example(''),
    ].join('\n');
    const { examples, problems } = checkChatJsonl(text);
    expect(examples).toBe(1);
    expect(problems).toEqual([
      { line: 2, message: 'not valid JSON' },
      { line: 3, message: expect.stringMatching(/^messages: /) },
      { line: 4, message: expect.stringMatching(/assistant/) },
      { line: 5, message: expect.stringMatching(/^messages\.2\.content: /) },
    ]);
  });
});
