import { describe, expect, test } from 'vitest';
import { UserFacingError } from '../../../src/errors.js';
import { decodeUtf8, stripBidiControls, validateBrief } from '../../../src/services/show/brief.js';

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

describe('bidirectional controls are stripped before anything is stored or shown', () => {
  test.each([
    ['left-to-right embedding U+202A', 'a \u202asword'],
    ['right-to-left embedding U+202B', 'a \u202bsword'],
    ['pop directional formatting U+202C', 'a sword\u202c'],
    ['left-to-right override U+202D', 'a \u202dsword'],
    ['right-to-left override U+202E', 'a \u202edrows'],
    ['left-to-right isolate U+2066', 'a \u2066sword'],
    ['right-to-left isolate U+2067', 'a \u2067sword'],
    ['first strong isolate U+2068', 'a \u2068sword'],
    ['pop directional isolate U+2069', 'a sword\u2069'],
    ['left-to-right mark U+200E', 'a sw\u200eord'],
    ['right-to-left mark U+200F', 'a sw\u200ford'],
    ['Arabic letter mark U+061C', 'a sw\u061cord'],
    ['several at once', '\u202e\u2067a\u200f \u061csw\u2066ord\u2069\u202c'],
  ])('%s', (_name, text) => {
    const kept = validateBrief(text);
    expect(kept).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u);
    expect(kept).toBe(stripBidiControls(text).trim());
    expect(kept.startsWith('a ')).toBe(true);
  });

  test.each([
    ['Hebrew and Arabic letters themselves stay', 'שלום سلام', 'שלום سلام'],
    ['a brief of bidi controls only is empty', '\u202e\u2066\u200f', null],
  ])('%s', (_name, text, expected) => {
    if (expected === null) expect(() => validateBrief(text)).toThrow(/empty/);
    else expect(validateBrief(text)).toBe(expected);
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
