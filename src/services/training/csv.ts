import { UserFacingError } from '../../errors.js';

/**
 * A small RFC 4180 CSV reader and writer for the training dataset. It is written here rather than taken from a
 * library because of what the original project's spreadsheet taught: a CSV exported by hand has broken quotes,
 * and the person fixing it needs every broken record named by its line, with the rest of the file still read.
 * A library parser stops at the first bad quote, or carries on with every later line number wrong.
 */

/** One record as read: its fields and the (1-based) line on which it starts. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A record that could not be read, and why, in words for the person who edits the file. */
export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvParseResult {
  records: CsvRecord[];
  problems: CsvProblem[];
}

const BOM = '\uFEFF';

/**
 * Decodes a CSV file's bytes as UTF-8. Bytes that are not UTF-8 become U+FFFD, which the dataset schema then
 * reports on the row that holds them; a UTF-16 file (what some spreadsheets call "Unicode text") is refused.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UserFacingError('the file is UTF-16 text; save it as "CSV UTF-8" instead');
  }
  return new TextDecoder('utf-8').decode(bytes);
}

class BrokenRecord extends Error {}

/**
 * Reads CSV text: quoted fields with doubled quotes and embedded newlines, a leading byte-order mark, and
 * `\n`, `\r\n` or `\r` line ends (newlines inside quoted fields come out as `\n`). Blank lines are skipped.
 * A broken record is reported at the line where it starts and reading resumes on the next line, so one stray
 * quote costs one record, not the rest of the file.
 */
export function parseCsv(text: string): CsvParseResult {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const lineStarts = [0];
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === '\n' || (c === '\r' && input[i + 1] !== '\n')) lineStarts.push(i + 1);
  }
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let lineIndex = 0;
  let pos = 0;
  while (pos < input.length) {
    while (lineIndex + 1 < lineStarts.length && (lineStarts[lineIndex + 1] ?? 0) <= pos) lineIndex++;
    const line = lineIndex + 1;
    if (isLineEnd(input, pos)) {
      pos = skipLineEnd(input, pos);
      continue;
    }
    try {
      const { fields, next } = readRecord(input, pos, line, lineStarts);
      records.push({ line, fields });
      pos = next;
    } catch (err) {
      if (!(err instanceof BrokenRecord)) throw err;
      problems.push({ line, message: err.message });
      pos = lineStarts[lineIndex + 1] ?? input.length;
    }
  }
  return { records, problems };
}

function isLineEnd(input: string, pos: number): boolean {
  return input[pos] === '\n' || input[pos] === '\r';
}

function skipLineEnd(input: string, pos: number): number {
  return input[pos] === '\r' && input[pos + 1] === '\n' ? pos + 2 : pos + 1;
}

function lineOf(lineStarts: number[], pos: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function readRecord(input: string, start: number, line: number, lineStarts: number[]) {
  const fields: string[] = [];
  let pos = start;
  for (;;) {
    let value = '';
    if (input[pos] === '"') {
      pos++;
      for (;;) {
        if (pos >= input.length) {
          throw new BrokenRecord(
            `the quote opened here is never closed (a field that starts with " must end with ", and a " inside it is written "")`,
          );
        }
        const c = input[pos];
        if (c === '"') {
          if (input[pos + 1] === '"') {
            value += '"';
            pos += 2;
            continue;
          }
          pos++;
          break;
        }
        if (c === '\r') {
          value += '\n';
          pos = skipLineEnd(input, pos);
          continue;
        }
        value += c;
        pos++;
      }
      if (pos < input.length && input[pos] !== ',' && !isLineEnd(input, pos)) {
        const closedOn = lineOf(lineStarts, pos);
        throw new BrokenRecord(
          closedOn === line
            ? `text after a closing quote in field ${fields.length + 1}: a " inside a quoted field is written ""`
            : `the quote opened in field ${fields.length + 1} only closes on line ${closedOn}, and text follows it: a closing quote is missing`,
        );
      }
    } else {
      while (pos < input.length && input[pos] !== ',' && !isLineEnd(input, pos)) {
        if (input[pos] === '"') {
          throw new BrokenRecord(
            `a quote inside unquoted field ${fields.length + 1}: wrap the whole field in quotes and write each " as ""`,
          );
        }
        value += input[pos];
        pos++;
      }
    }
    fields.push(value);
    if (pos >= input.length) return { fields, next: pos };
    if (isLineEnd(input, pos)) return { fields, next: skipLineEnd(input, pos) };
    pos++; // the comma
    if (pos >= input.length || isLineEnd(input, pos)) {
      fields.push('');
      return { fields, next: pos >= input.length ? pos : skipLineEnd(input, pos) };
    }
  }
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes records as CSV with `\n` line ends, quoting only the fields that need it. Ends with a newline. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(quoteField).join(',')}\n`).join('');
}
