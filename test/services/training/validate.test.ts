import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_STYLE } from '../../../src/config.js';
import { decodeCsvBytes } from '../../../src/services/training/csv.js';
import { datasetStats } from '../../../src/services/training/stats.js';
import { carriesStyle, validateDataset } from '../../../src/services/training/validate.js';
import { testLexicon } from './helpers.js';

const fixture = (name: string) =>
  decodeCsvBytes(readFileSync(new URL(`../../fixtures/training/${name}`, import.meta.url)));
const validate = (text: string) => validateDataset(text, { lexicon: testLexicon(), style: DEFAULT_STYLE });

describe('validateDataset on a deliberately broken CSV (BOM, CRLF, bad quotes, missing column, empty field…)', () => {
  const report = validate(fixture('broken.csv'));

  test('reports every bad row with its line and kind, in line order', () => {
    expect(report.problems.map((p) => [p.line, p.kind])).toEqual([
      [3, 'csv'],
      [4, 'csv'],
      [5, 'columns'],
      [6, 'field'],
      [8, 'safe-row'],
      [8, 'leak'],
      [9, 'duplicate'],
      [10, 'field'],
      [12, 'field'],
      [13, 'style'],
      [14, 'safe-row'],
      [14, 'categories'],
      [16, 'safe-row'],
      [16, 'categories'],
      [17, 'block'],
      [18, 'csv'],
      [19, 'duplicate'],
    ]);
  });

  test.each([
    [3, /quote inside unquoted field 1/],
    [5, /2 fields, expected 3/],
    [6, /censored is empty/],
    [8, /still holds "gun" \(weapons\)/],
    [9, /duplicate of the brief on line 2/],
    [10, /line break/],
    [12, /unknown "fruit"/],
    [13, /house style/],
    [14, /lacks "corporate" \(the lexicon finds "union"\)/],
    [17, /block-tier "snuff film"/],
    [18, /never closed/],
    [19, /line 2/],
  ])('line %i says why', (line, message) => {
    expect(report.problems.filter((p) => p.line === line).map((p) => p.message)).toContainEqual(
      expect.stringMatching(message),
    );
  });

  test('keeps the good rows and counts every record', () => {
    expect(report.pairs.map((p) => p.line)).toEqual([2, 7]);
    expect(report.pairs[1]).toMatchObject({
      brief: 'a fox, in the snow',
      censored: 'a fox, in the snow',
      categories: [],
    });
    expect(report.records).toBe(16);
  });
});

describe('validateDataset', () => {
  test('passes a clean file and reads categories', () => {
    const report = validate(fixture('small.csv'));
    expect(report.problems).toEqual([]);
    expect(report.pairs).toHaveLength(16);
    expect(report.pairs.at(-1)?.categories).toEqual(['violence', 'weapons']);
    expect(datasetStats(report.pairs)).toMatchObject({ rows: 16, safe: 5, byCategory: { weapons: 4, violence: 2 } });
  });

  test('a header without a required column is one problem on line 1', () => {
    const report = validate('brief,censored\na,a\n');
    expect(report.problems).toEqual([{ line: 1, kind: 'header', message: expect.stringMatching(/"categories"/) }]);
  });

  test('columns may come in any order, and extra columns are ignored', () => {
    const report = validate('categories,notes,brief,censored\nweapons,x,a gun,a compliance device\n');
    expect(report.problems).toEqual([]);
    expect(report.pairs[0]).toMatchObject({ brief: 'a gun', censored: 'a compliance device', categories: ['weapons'] });
  });

  test('an empty file has no header', () => {
    expect(validate('').problems).toEqual([{ line: 1, kind: 'header', message: expect.any(String) }]);
  });

  test('duplicates ignore case and spacing', () => {
    const report = validate('brief,censored,categories\nA  Fox,A  Fox,\na fox,a fox,\n');
    expect(report.problems).toEqual([{ line: 3, kind: 'duplicate', message: 'duplicate of the brief on line 2' }]);
  });
});

describe('carriesStyle', () => {
  const style = 'corporate memphis illustration, flat pastel vectors, brand-safe';
  test.each([
    ['the whole style', 'a fox, corporate memphis illustration, flat pastel vectors, brand-safe', 'a fox', true],
    ['two of its clauses', 'a fox in flat pastel vectors, corporate memphis illustration here', 'a fox', true],
    ['a style clause at the end', 'a fox, brand-safe', 'a fox', true],
    ['a clause the brief already had', 'a fox, brand-safe', 'a fox, brand-safe', false],
    ['no style at all', 'a fox in the snow', 'a fox in the snow', false],
    ['one clause mid-text', 'a brand-safe fox in the snow', 'a fox in the snow', false],
  ])('%s', (_name, censored, brief, expected) => {
    expect(carriesStyle(censored, brief, style)).toBe(expected);
  });
});
