import { describe, expect, test } from 'vitest';
import { UserFacingError } from '../../../src/errors.js';
import { decodeUtf8, validateBrief } from '../../../src/services/show/brief.js';

describe('validateBrief', () => {
  test.each([
    ['empty', '', /empty/],
    ['only spaces', '   ', /empty/],
    ['too long', 'a'.repeat(1001), /1001 characters; the limit is 1000/],
    ['a newline', 'a knight\nwith a sword', /control characters/],
    ['a NUL', 'a knight\u0000', /control characters/],
    ['an escape code', 'a \u001b[31mred\u001b[0m knight', /control characters/],
    ['a lone surrogate', 'a knight \ud800', /invalid Unicode/],
  ])('refuses %s with a clear message', (_name, text, message) => {
    expect(() => validateBrief(text)).toThrow(UserFacingError);
    expect(() => validateBrief(text)).toThrow(message);
  });

  test.each([
    ['trims', '  a quiet sea  ', 'a quiet sea'],
    ['keeps emoji and accents', 'a café at night 🌙', 'a café at night 🌙'],
    ['exactly the limit', 'a'.repeat(1000), 'a'.repeat(1000)],
  ])('%s', (_name, text, expected) => {
    expect(validateBrief(text)).toBe(expected);
  });
});

describe('decodeUtf8', () => {
  test('refuses invalid UTF-8', () => {
    expect(() => decodeUtf8(Uint8Array.from([0x61, 0xff, 0x62]))).toThrow(/not valid UTF-8/);
  });
  test('decodes valid UTF-8', () => {
    expect(decodeUtf8(new TextEncoder().encode('café'))).toBe('café');
  });
});
