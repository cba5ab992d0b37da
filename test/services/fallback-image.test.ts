import { Writable } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { fallbackImageModel } from '../../src/services/fallback.js';
import { PosterModel } from '../../src/services/imagery/poster/index.js';
import { ReplicateImageModel } from '../../src/services/imagery/replicate.js';
import type { LoopbackServer } from '../fakes/http.js';
import { type FakeReplicateOptions, startFakeReplicate } from '../fakes/replicate.js';
import { passed } from './censor/passed.js';

const request = {
  prompt: await passed('a knight with a letter opener, flat vectors'),
  performanceNumber: 12,
  seed: 12,
  width: 256,
  height: 256,
};
let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function fallbackWith(fake: FakeReplicateOptions) {
  const started = await startFakeReplicate(fake);
  server = started.server;
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const log = createLogger('info', sink);
  const primary = new ReplicateImageModel({
    apiToken: 'r8_secret_token_456',
    model: 'black-forest-labs/flux-schnell',
    baseUrl: started.baseUrl,
    retry: { retries: 1, timeoutMs: 500, baseDelayMs: 1, maxDelayMs: 2 },
    log,
  });
  return { model: fallbackImageModel({ primary, backup: new PosterModel(), log }), lines };
}

describe('fallbackImageModel', () => {
  test.each<[string, FakeReplicateOptions]>([
    [
      'an image URL that returns HTML',
      { image: Buffer.from('<!DOCTYPE html><p>CDN error</p>'), imageContentType: 'text/html' },
    ],
    [
      'a 401 (the SDK error carries the token in its request)',
      { create: () => ({ status: 401, body: { detail: 'Unauthenticated' } }) },
    ],
  ])('on %s the poster stands in, and no token reaches the log', async (_name, fake) => {
    const { model, lines } = await fallbackWith(fake);
    expect(model.name).toBe('replicate');
    const image = await model.render(request);
    expect(image).toMatchObject({ engine: 'poster', contentType: 'image/png', width: 256, height: 256 });
    expect(lines.find((l) => l.level === 40)).toMatchObject({
      msg: 'image engine failed; falling back to poster',
      engine: 'replicate',
      backup: 'poster',
    });
    expect(JSON.stringify(lines)).not.toContain('r8_secret_token_456');
  });
});
