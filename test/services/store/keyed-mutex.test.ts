import { describe, expect, test } from 'vitest';
import { KeyedMutex } from '../../../src/services/store/keyed-mutex.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('KeyedMutex', () => {
  test('runs tasks on one key one at a time, in order', async () => {
    const mutex = new KeyedMutex();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`start ${name}`);
      await tick();
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      mutex.run('k', task('a')),
      mutex.run('k', task('b')),
      mutex.run('k', task('c')),
    ]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  test('tasks on different keys overlap', async () => {
    const mutex = new KeyedMutex();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`start ${name}`);
      await tick();
      events.push(`end ${name}`);
    };
    await Promise.all([mutex.run('x', task('x')), mutex.run('y', task('y'))]);
    expect(events.slice(0, 2)).toEqual(['start x', 'start y']);
  });

  test('a failing task rejects its own caller and does not block the next', async () => {
    const mutex = new KeyedMutex();
    const failing = mutex.run('k', async () => {
      throw new Error('boom');
    });
    const next = mutex.run('k', async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });

  test('idle waits for queued tasks, including ones queued while waiting', async () => {
    const mutex = new KeyedMutex();
    const done: string[] = [];
    void mutex.run('k', async () => {
      await tick();
      done.push('first');
      void mutex.run('other', async () => {
        await tick();
        done.push('second');
      });
    });
    await mutex.idle();
    expect(done).toEqual(['first', 'second']);
  });
});
