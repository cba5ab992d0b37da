import { afterEach, describe, expect, test, vi } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { AfterOutage } from '../../../src/services/show/after-outage.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('AfterOutage', () => {
  test('takes work up again with doubling delays, a bounded number of times, and counts afresh once done', async () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    const outage = new AfterOutage({ log: silentLogger(), stopped: () => false, baseDelayMs: 100, maxAttempts: 3 });
    const again = () => runs.push(Date.now());
    const start = Date.now();
    expect(outage.schedule('act:1', again)).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(outage.schedule('act:1', again)).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    expect(outage.schedule('act:1', again)).toBe(true);
    await vi.advanceTimersByTimeAsync(400);
    expect(runs.map((at) => at - start)).toEqual([100, 300, 700]);
    // A fourth outage in a row: left for the next start.
    expect(outage.schedule('act:1', again)).toBe(false);
    outage.done('act:1');
    expect(outage.schedule('act:1', again)).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toHaveLength(4);
  });

  test('nothing is taken up once the show has stopped', async () => {
    vi.useFakeTimers();
    let stopped = false;
    const runs: string[] = [];
    const outage = new AfterOutage({ log: silentLogger(), stopped: () => stopped, baseDelayMs: 100 });
    outage.schedule('act:1', () => runs.push('act:1'));
    stopped = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toEqual([]);
  });
});
