import { describe, expect, test } from 'vitest';
import { formatDuration, LiveStatus, progressBar } from '../../../src/services/training/progress.js';
import { Capture } from './helpers.js';

describe('LiveStatus', () => {
  test('on a terminal, redraws the status line in place and logs above it', () => {
    const out = new Capture(true);
    const live = new LiveStatus(out);
    live.status('queued');
    live.log('event one');
    live.status('running');
    live.clear();
    expect(out.text).toBe('\r\x1b[2Kqueued\r\x1b[2Kevent one\nqueued\r\x1b[2Krunning\r\x1b[2K');
  });

  test('off a terminal, writes only the log lines, plainly', () => {
    const out = new Capture(false);
    const live = new LiveStatus(out);
    live.status('queued');
    live.log('event one');
    live.clear();
    expect(out.text).toBe('event one\n');
  });

  test('cuts a status line to the terminal width so it never wraps', () => {
    const out = new Capture(true);
    out.columns = 10;
    new LiveStatus(out).status('a very long status line');
    expect(out.text).toBe('\r\x1b[2Ka very l…');
  });
});

describe('progressBar', () => {
  test.each([
    [0, 10, '[░░░░░░░░░░]   0%  0/10'],
    [5, 10, '[█████░░░░░]  50%  5/10'],
    [10, 10, '[██████████] 100%  10/10'],
    [0, 0, '[██████████] 100%  0/0'],
  ])('%i of %i', (done, total, expected) => {
    expect(progressBar(done, total, 10)).toBe(expected);
  });
});

describe('formatDuration', () => {
  test.each([
    [0, '0s'],
    [42_900, '42s'],
    [185_000, '3m 05s'],
    [3_720_000, '1h 02m'],
    [-5, '0s'],
  ])('%i ms is %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
