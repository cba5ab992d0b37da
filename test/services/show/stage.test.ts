import { describe, expect, test } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { Stage } from '../../../src/services/show/stage.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('Stage', () => {
  test('one act on stage per guild, in order; guilds run side by side', async () => {
    const stage = new Stage({ log: silentLogger(), actTimeoutMs: 1000 });
    const log: string[] = [];
    const act = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    expect(stage.enqueueAct('g1', 'a', act('a'))).toBe(1);
    expect(stage.enqueueAct('g1', 'b', act('b'))).toBe(2);
    expect(stage.enqueueAct('g2', 'c', act('c'))).toBe(1);
    expect(stage.status('g1')).toEqual({ current: 'a', queued: ['b'] });
    await stage.idle();
    expect(log.filter((l) => l.endsWith('a') || l.endsWith('b'))).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(log.indexOf('start c')).toBeLessThan(log.indexOf('end a'));
  });

  test('skip aborts the act on stage with reason "skip" and the queue moves on', async () => {
    const stage = new Stage({ log: silentLogger(), actTimeoutMs: 10_000 });
    const reasons: unknown[] = [];
    stage.enqueueAct(
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
    stage.enqueueAct('g', 'next', async () => {
      ran = true;
    });
    await tick();
    expect(stage.skip('g')).toBe('long');
    await stage.idle();
    expect(reasons).toEqual(['skip']);
    expect(ran).toBe(true);
  });

  test('an act that never ends is cut off by the timeout', async () => {
    const stage = new Stage({ log: silentLogger(), actTimeoutMs: 30 });
    const reasons: unknown[] = [];
    stage.enqueueAct(
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
    await stage.idle();
    expect(reasons).toEqual(['timeout']);
  });

  test('a failing act is logged and does not stop the queue', async () => {
    const stage = new Stage({ log: silentLogger(), actTimeoutMs: 1000 });
    let ran = false;
    stage.enqueueAct('g', 'bad', async () => {
      throw new Error('boom');
    });
    stage.enqueueAct('g', 'good', async () => {
      ran = true;
    });
    await stage.idle();
    expect(ran).toBe(true);
  });

  test('clear drops queued acts but not side jobs or the act on stage', async () => {
    const stage = new Stage({ log: silentLogger(), actTimeoutMs: 1000 });
    const ran: string[] = [];
    stage.enqueueAct('g', 'a', async () => {
      await tick();
      ran.push('a');
    });
    stage.enqueueAct('g', 'b', async () => {
      ran.push('b');
    });
    const side = stage.runInLane('g', async () => {
      ran.push('side');
    });
    stage.enqueueAct('g', 'c', async () => {
      ran.push('c');
    });
    expect(stage.clear('g')).toEqual(['b', 'c']);
    await side;
    await stage.idle();
    expect(ran).toEqual(['a', 'side']);
  });
});
