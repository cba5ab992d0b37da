import { describe, expect, test } from 'vitest';
import { UserFacingError } from '../../../src/errors.js';
import { decodeCsvBytes, formatCsv, parseCsv } from '../../../src/services/training/csv.js';

const fields = (text: string) => parseCsv(text).records.map((r) => r.fields);

describe('parseCsv', () => {
  test.each([
    ['plain fields', 'a,b,c\n', [['a', 'b', 'c']]],
    ['a quoted field with commas', '"a, b",c\n', [['a, b', 'c']]],
    ['doubled quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['an embedded newline', '"two\nlines",x\n', [['two\nlines', 'x']]],
    ['an embedded CRLF, read as \\n', '"two\r\nlines",x\r\n', [['two\nlines', 'x']]],
    [
      'CRLF line ends',
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'old Mac CR line ends',
      'a,b\rc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['a byte-order mark', '\uFEFFbrief,x\n', [['brief', 'x']]],
    ['no final newline', 'a,b', [['a', 'b']]],
    ['a trailing empty field', 'a,b,\n', [['a', 'b', '']]],
    ['an empty quoted field', '"",b\n', [['', 'b']]],
    ['blank lines skipped', 'a\n\n\r\nb\n', [['a'], ['b']]],
  ])('reads %s', (_name, text, expected) => {
    expect(parseCsv(text).problems).toEqual([]);
    expect(fields(text)).toEqual(expected);
  });

  test('numbers records by the line they start on, across multi-line fields', () => {
    const { records } = parseCsv('h\n"a\nb\nc"\nd\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  test.each([
    ['a quote inside an unquoted field', 'ok\na "b" c,d\nnext\n', 2, /quote inside unquoted field 1/],
    ['text after a closing quote', 'ok\n"a"b,c\nnext\n', 2, /text after a closing quote in field 1/],
    ['a quote in a later field', 'ok\nx,y"z\nnext\n', 2, /unquoted field 2/],
  ])('reports %s and reads on', (_name, text, line, message) => {
    const { records, problems } = parseCsv(text);
    expect(problems).toEqual([{ line, message: expect.stringMatching(message) }]);
    expect(records.map((r) => r.fields[0])).toEqual(['ok', 'next']);
  });

  test('a quote never closed is reported where it opened; the next lines are still read', () => {
    const { records, problems } = parseCsv('h\n"open,x\nlater,y\n');
    expect(problems).toEqual([{ line: 2, message: expect.stringMatching(/never closed/) }]);
    expect(records.map((r) => r.line)).toEqual([1, 3]);
  });

  test('a quote that closes lines later with text after it names both lines', () => {
    const { problems } = parseCsv('h\n"open,x\nmid,y\n"z",w\n');
    expect(problems[0]).toEqual({ line: 2, message: expect.stringMatching(/only closes on line 4/) });
  });
});

describe('formatCsv', () => {
  test('quotes only what needs it and ends every record with \\n', () => {
    expect(formatCsv([['a', 'b,c', 'say "hi"', 'two\nlines', ' padded', '']])).toBe(
      'a,"b,c","say ""hi""","two\nlines"," padded",\n',
    );
  });

  test('what it writes, parseCsv reads back', () => {
    const rows = [
      ['brief', 'censored', 'categories'],
      ['a "gun", a knife', 'a device, a utensil', 'weapons'],
      ['x', 'y\nz', ''],
    ];
    expect(fields(formatCsv(rows))).toEqual(rows);
  });
});

describe('decodeCsvBytes', () => {
  test('decodes UTF-8 and keeps bad bytes visible as U+FFFD', () => {
    expect(decodeCsvBytes(Buffer.from([0x61, 0xff, 0x62]))).toBe('a\uFFFDb');
  });

  test('refuses UTF-16 with a hint', () => {
    expect(() => decodeCsvBytes(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).toThrow(UserFacingError);
  });
});
