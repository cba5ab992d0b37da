import { describe, expect, test } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { Lanes } from '../../../src/services/show/lanes.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('Stage', () => {
  test('one act on stage per guild, in order; guilds run side by side', async () => {
    const lanes = new Lanes({ log: silentLogger(), actTimeoutMs: 1000 });
    const log: string[] = [];
    const act = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    expect(lanes.enqueueAct('g1', 'a', act('a'))).toBe(1);
    expect(lanes.enqueueAct('g1', 'b', act('b'))).toBe(2);
    expect(lanes.enqueueAct('g2', 'c', act('c'))).toBe(1);
    expect(lanes.status('g1')).toEqual({ current: 'a', queued: ['b'] });
    await lanes.idle();
    expect(log.filter((l) => l.endsWith('a') || l.endsWith('b'))).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(log.indexOf('start c')).toBeLessThan(log.indexOf('end a'));
  });

  test('skip aborts the act on stage with reason "skip" and the queue moves on', async () => {
    const lanes = new Lanes({ log: silentLogger(), actTimeoutMs: 10_000 });
    const reasons: unknown[] = [];
    lanes.enqueueAct(
      'g',
      'long',
      (signal) =>
        new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            reasons.push(signal.reason);
            resolve();
          }),
        ),
    );
    let ran = false;
    lanes.enqueueAct('g', 'next', async () => {
      ran = true;
    });
    await tick();
    expect(lanes.skip('g')).toBe('long');
    await lanes.idle();
    expect(reasons).toEqual(['skip']);
    expect(ran).toBe(true);
  });

  test('an act that never ends is cut off by the timeout', async () => {
    const lanes = new Lanes({ log: silentLogger(), actTimeoutMs: 30 });
    const reasons: unknown[] = [];
    lanes.enqueueAct(
      'g',
      'stuck',
      (signal) =>
        new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            reasons.push(signal.reason);
            resolve();
          }),
        ),
    );
    await lanes.idle();
    expect(reasons).toEqual(['timeout']);
  });

  test('a failing act is logged and does not stop the queue', async () => {
    const lanes = new Lanes({ log: silentLogger(), actTimeoutMs: 1000 });
    let ran = false;
    lanes.enqueueAct('g', 'bad', async () => {
      throw new Error('boom');
    });
    lanes.enqueueAct('g', 'good', async () => {
      ran = true;
    });
    await lanes.idle();
    expect(ran).toBe(true);
  });

  test('clear drops queued acts but not side jobs or the act on stage', async () => {
    const lanes = new Lanes({ log: silentLogger(), actTimeoutMs: 1000 });
    const ran: string[] = [];
    lanes.enqueueAct('g', 'a', async () => {
      await tick();
      ran.push('a');
    });
    lanes.enqueueAct('g', 'b', async () => {
      ran.push('b');
    });
    const side = lanes.runInLane('g', async () => {
      ran.push('side');
    });
    lanes.enqueueAct('g', 'c', async () => {
      ran.push('c');
    });
    expect(lanes.clear('g')).toEqual(['b', 'c']);
    await side;
    await lanes.idle();
    expect(ran).toEqual(['a', 'side']);
  });
});
