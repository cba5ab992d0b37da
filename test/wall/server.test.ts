import { describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { recheckPrompt } from '../../src/services/censor/pipeline.js';
import { PosterModel } from '../../src/services/imagery/poster/index.js';
import { buildFrames } from '../../src/services/show/frames.js';
import { openStore } from '../../src/services/store/index.js';
import { MemoryFeed } from '../../src/wall/feed.js';
import { PosterCache } from '../../src/wall/images.js';
import { newWallKey, performanceKey } from '../../src/wall/links.js';
import { createWallApp } from '../../src/wall/server.js';
import { checker, performed } from './helpers.js';

const A = '100000000000000001';
const B = '100000000000000002';

async function setup() {
  const store = await openStore('memory:', silentLogger());
  const feed = new MemoryFeed();
  const keyA = newWallKey();
  const keyB = newWallKey();
  await store.guilds.update(A, { wallKey: keyA });
  await store.guilds.update(B, { wallKey: keyB });
  const app = createWallApp({
    store,
    feed,
    posters: new PosterCache(new PosterModel({ width: 256, height: 256 }), (p) =>
      recheckPrompt(checker, p.prompt ?? ''),
    ),
    log: silentLogger(),
    print: async () => Buffer.from('print'),
  });
  return { store, feed, app, keyA, keyB };
}

/** The first Server-Sent Event a fresh connection receives, parsed. */
async function firstEvent(response: Response) {
  const reader = response.body!.getReader();
  let text = '';
  while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
  await reader.cancel();
  return JSON.parse(/data: (.*)/.exec(text)?.[1] ?? 'null');
}

describe('the wall server', () => {
  test('every guild page needs that guild’s key; a wrong, missing or other guild’s key finds nothing', async () => {
    const { app, keyA, keyB, store } = await setup();
    // One character off: a random key may already end in the replacement.
    const wrong = `${keyA.slice(0, -1)}${keyA.endsWith('x') ? 'y' : 'x'}`;
    await performed(store, A, 'a lighthouse at dawn');
    for (const path of [
      `/wall/${A}`,
      `/wall/${A}/events`,
      `/gallery/${A}`,
      `/gallery/${A}/1`,
      `/gallery/${A}/1/poster.png`,
    ]) {
      expect((await app.request(path)).status, path).toBe(404);
      expect((await app.request(`${path}?key=${keyB}`)).status, path).toBe(404);
      expect((await app.request(`${path}?key=${wrong}`)).status, path).toBe(404);
    }
    expect((await app.request(`/wall/${A}?key=${keyA}`)).status).toBe(200);
    expect((await app.request(`/gallery/${A}?key=${keyA}`)).status).toBe(200);
    expect((await app.request(`/gallery/${A}/1/poster.png?key=${keyA}`)).headers.get('content-type')).toBe('image/png');
    // A guild whose moderators never asked for a wall has none, whatever key is tried.
    expect((await app.request('/wall/100000000000000003?key=')).status).toBe(404);
  });

  test('a performance’s own key opens its page, poster and print only', async () => {
    const { app, keyA, store } = await setup();
    const first = await performed(store, A, 'a lighthouse at dawn');
    await performed(store, A, 'a quiet harbour');
    const own = performanceKey(keyA, first.id);
    expect((await app.request(`/gallery/${A}/1?key=${own}`)).status).toBe(200);
    expect((await app.request(`/gallery/${A}/1/poster.png?key=${own}`)).status).toBe(200);
    expect((await app.request(`/gallery/${A}/1/print.png?key=${own}`)).status).toBe(200);
    expect((await app.request(`/gallery/${A}/2?key=${own}`)).status).toBe(404);
    expect((await app.request(`/gallery/${A}?key=${own}`)).status).toBe(404);
    expect((await app.request(`/wall/${A}?key=${own}`)).status).toBe(404);
  });

  test('a rotated key closes the old links at once', async () => {
    const { app, keyA, store } = await setup();
    await store.guilds.update(A, { wallKey: newWallKey() });
    expect((await app.request(`/wall/${A}?key=${keyA}`)).status).toBe(404);
  });

  test('read-only: no method but GET changes or reaches anything; pages carry a strict policy', async () => {
    const { app, keyA } = await setup();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      expect((await app.request(`/wall/${A}?key=${keyA}`, { method })).status).toBe(405);
    const page = await app.request(`/wall/${A}?key=${keyA}`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });

  test('user text is escaped and blackout terms never appear in pages', async () => {
    const { app, keyA, store } = await setup();
    await performed(store, A, 'a cat </script><script>alert(1)</script> in a shitty motel');
    for (const path of [`/wall/${A}`, `/gallery/${A}`, `/gallery/${A}/1`]) {
      const body = await (await app.request(`${path}?key=${keyA}`)).text();
      expect(body, path).not.toContain('<script>alert(1)');
      expect(body, path).not.toMatch(/shitty/i);
      expect(body.match(/<script/g)?.length ?? 0, path).toBeLessThanOrEqual(2);
    }
  });

  test('a wall that (re)connects mid-act is handed where the act stands', async () => {
    const { app, keyA, feed, store } = await setup();
    const performance = await performed(store, A, 'a knight with a sword');
    const frames = buildFrames(
      performance.brief,
      { result: performance.result!, prompt: performance.prompt! },
      { pace: 1 },
    );
    await feed.publish(A, { type: 'act', performanceId: performance.id, number: 1, brief: [], queue: [2] });
    for (const [index, { delayMs: _delay, ...frame }] of frames.slice(0, 3).entries())
      await feed.publish(A, { type: 'frame', performanceId: performance.id, index, frame });
    const response = await app.request(`/wall/${A}/events?key=${keyA}`);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const message = await firstEvent(response);
    expect(message.state.act.frameIndex).toBe(2);
    expect(message.state.act.frame.phase).toBe(frames[2]!.phase);
    expect(message.state.queue).toEqual([2]);
  });
});
