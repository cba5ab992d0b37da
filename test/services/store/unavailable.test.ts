import { describe, expect, test } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { isStoreUnavailable, StoreError } from '../../../src/services/store/index.js';
import { whileUnavailable } from '../../../src/services/store/unavailable.js';

class ClientOfflineError extends Error {}
const coded = (code: string) => Object.assign(new Error(code), { code });

describe('isStoreUnavailable', () => {
  test.each([
    ['SQLite busy', coded('SQLITE_BUSY'), true],
    ['SQLite locked', coded('SQLITE_LOCKED'), true],
    ['a refused connection', coded('ECONNREFUSED'), true],
    ['node-redis offline', new ClientOfflineError('The client is offline'), true],
    ['PostgreSQL shutting down', coded('57P01'), true],
    ['PostgreSQL connection exception', coded('08006'), true],
    ['a transient StoreError', new StoreError('store: cannot open', { transient: true }), true],
    ['the cause of a wrapper', new Error('write failed', { cause: coded('SQLITE_BUSY') }), true],
    ['a constraint failure', coded('SQLITE_CONSTRAINT'), false],
    ['a record that fails validation', new StoreError('store: invalid performance'), false],
    ['a programming error', new TypeError('x is undefined'), false],
    ['nothing', undefined, false],
  ])('%s → %s', (_, err, expected) => {
    expect(isStoreUnavailable(err)).toBe(expected);
  });
});

describe('whileUnavailable', () => {
  /** A clock that moves only when the retry sleeps. */
  function clock() {
    let now = 0;
    const waits: number[] = [];
    return {
      now: () => now,
      sleep: async (ms: number) => {
        waits.push(ms);
        now += ms;
      },
      waits,
    };
  }

  test('waits out an outage with growing delays, and answers once the store does', async () => {
    const time = clock();
    let calls = 0;
    const value = await whileUnavailable(
      async () => {
        calls++;
        if (calls < 5) throw coded('SQLITE_BUSY');
        return 'answered';
      },
      { forMs: 10_000, log: silentLogger(), ...time },
    );
    expect(value).toBe('answered');
    expect(time.waits).toEqual([100, 200, 400, 800]);
  });

  test('gives up after its bound with a transient StoreError that keeps the cause', async () => {
    const time = clock();
    const failure = whileUnavailable(
      async () => {
        throw new ClientOfflineError('The client is offline');
      },
      { forMs: 2_000, log: silentLogger(), ...time },
    );
    await expect(failure).rejects.toMatchObject({ name: 'StoreError', transient: true });
    await expect(failure).rejects.toThrow(/unavailable for \d+ ms: The client is offline/);
    expect(time.now()).toBeLessThanOrEqual(2_000);
    expect(time.waits.length).toBeGreaterThan(2);
  });

  test('any other failure is thrown at once, untouched', async () => {
    const time = clock();
    const broken = new TypeError('a bug');
    await expect(
      whileUnavailable(
        async () => {
          throw broken;
        },
        { forMs: 10_000, log: silentLogger(), ...time },
      ),
    ).rejects.toBe(broken);
    expect(time.waits).toEqual([]);
  });
});
