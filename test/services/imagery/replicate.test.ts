import { createCanvas } from '@napi-rs/canvas';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ModelError } from '../../../src/errors.js';
import { ReplicateImageModel, type ReplicateImageOptions } from '../../../src/services/imagery/replicate.js';
import type { LoopbackServer, Reply } from '../../fakes/http.js';
import { type FakeReplicateOptions, startFakeReplicate } from '../../fakes/replicate.js';
import { passed } from '../censor/passed.js';

const prompt = 'a knight with a ceremonial implement, corporate memphis illustration';
const request = { prompt: await passed(prompt), performanceNumber: 7, seed: 4242 };
let png: Buffer;
let gif: Buffer;
let server: LoopbackServer | undefined;

beforeAll(async () => {
  const canvas = createCanvas(32, 32);
  canvas.getContext('2d').fillRect(0, 0, 16, 16);
  png = await canvas.encode('png');
  gif = await canvas.encode('gif');
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function replicateWith(fake: FakeReplicateOptions, options: Partial<ReplicateImageOptions> = {}) {
  const started = await startFakeReplicate({ image: png, ...fake });
  server = started.server;
  const model = new ReplicateImageModel({
    apiToken: 'r8_test_token',
    model: 'black-forest-labs/flux-schnell',
    baseUrl: started.baseUrl,
    pollIntervalMs: 5,
    retry: { retries: 2, timeoutMs: 2_000, baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
  return { model, server: started.server };
}
const creates = (s: LoopbackServer) => s.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/predictions'));

describe('replicate: what is sent', () => {
  test('a prediction of the model, with the styled prompt, the seed and the image parameters', async () => {
    const { model, server } = await replicateWith({}, { input: { num_inference_steps: 4, output_format: 'webp' } });
    await model.render(request);
    const [create] = creates(server);
    expect(create?.path).toBe('/v1/models/black-forest-labs/flux-schnell/predictions');
    expect(create?.headers.authorization).toBe('Bearer r8_test_token');
    expect(create?.headers.prefer).toBe('wait=2');
    expect(create?.json).toEqual({
      input: {
        prompt,
        seed: 4242,
        width: 1024,
        height: 1024,
        aspect_ratio: '1:1',
        num_outputs: 1,
        output_format: 'webp',
        num_inference_steps: 4,
      },
    });
  });

  test('a pinned version goes to /predictions with its version id', async () => {
    const { model, server } = await replicateWith({}, { model: 'stability-ai/sdxl:39ed52f2a78e934b' });
    await model.render(request);
    expect(creates(server)[0]).toMatchObject({ path: '/v1/predictions', json: { version: '39ed52f2a78e934b' } });
  });
});

describe('replicate: how answers are handled', () => {
  test('a prediction that succeeds at once: the image is downloaded and checked', async () => {
    const { model } = await replicateWith({});
    const image = await model.render(request);
    expect(image).toMatchObject({ engine: 'replicate', contentType: 'image/png', width: 32, height: 32 });
    expect(image.png.equals(png)).toBe(true);
  });

  test('a prediction still running is polled until it succeeds', async () => {
    const { model, server } = await replicateWith({ pollsBeforeDone: 3 });
    await model.render(request);
    expect(server.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/predictions/'))).toHaveLength(3);
  });

  test.each<[string, FakeReplicateOptions]>([
    ['a single URL instead of a list', { output: (base) => `${base}/files/out.png` }],
    ['a data: URL', { output: () => `data:image/png;base64,${png.toString('base64')}` }],
  ])('output as %s', async (_name, fake) => {
    const { model } = await replicateWith(fake);
    await expect(model.render(request)).resolves.toMatchObject({ engine: 'replicate', width: 32 });
  });

  test('a GIF comes back as a PNG', async () => {
    const { model } = await replicateWith({ image: gif, imageContentType: 'image/gif' });
    const image = await model.render(request);
    expect(image.contentType).toBe('image/png');
    expect(image.png.subarray(1, 4).toString()).toBe('PNG');
  });

  test.each<[string, FakeReplicateOptions, number, RegExp]>([
    [
      'an image URL that returns HTML',
      { image: Buffer.from('<!doctype html><title>Login</title>'), imageContentType: 'text/html' },
      1,
      /HTML page/,
    ],
    ['an image URL that is gone', { output: (base) => [`${base}/files/missing.png`], image: undefined }, 1, /404/],
    ['a prediction without output', { output: () => null }, 1, /without an image URL/],
    ['a 500 on create, every time', { create: () => ({ status: 500, body: { detail: 'boom' } }) }, 3, /500/],
    ['a 422 on create', { create: () => ({ status: 422, body: { detail: 'invalid input' } }) }, 1, /422/],
    [
      'malformed JSON on create',
      { create: () => ({ status: 201, headers: { 'content-type': 'application/json' }, body: '{"id": "p1", "sta' }) },
      1,
      /JSON/,
    ],
  ])('%s is a ModelError', async (_name, fake, attempts, message) => {
    const { model, server } = await replicateWith(fake);
    const outcome = model.render(request);
    await expect(outcome).rejects.toBeInstanceOf(ModelError);
    await expect(outcome).rejects.toThrow(message);
    expect(creates(server)).toHaveLength(attempts);
  });

  test('a failed prediction is a ModelError with its reason', async () => {
    const failed: Reply = {
      status: 201,
      body: { id: 'p1', status: 'failed', error: 'NSFW content detected', urls: {} },
    };
    const { model } = await replicateWith({ create: () => failed });
    await expect(model.render(request)).rejects.toThrow(/prediction failed: NSFW content detected/);
  });

  test('a 429 is retried by the SDK itself, and not once more on top', async () => {
    const { model, server } = await replicateWith({
      create: () => ({ status: 429, body: { detail: 'Request was throttled.' } }),
    });
    await expect(model.render(request)).rejects.toThrow(/429/);
    // replicate-javascript retries a throttled POST five times; the retry layer adds no attempts.
    expect(creates(server)).toHaveLength(6);
  });

  test('a slow model times out; the abandoned prediction is cancelled', async () => {
    const { model, server } = await replicateWith(
      { pollsBeforeDone: 1_000 },
      { retry: { retries: 2, timeoutMs: 200, baseDelayMs: 1 }, pollIntervalMs: 20 },
    );
    await expect(model.render(request)).rejects.toThrow(/replicate: timed out after 200 ms/);
    expect(creates(server)).toHaveLength(1);
    await expect.poll(() => server.requestsTo(/\/cancel$/).length).toBe(1);
  });

  test('a create slower than the deadline times out once', async () => {
    const { model, server } = await replicateWith(
      { create: () => ({ delayMs: 1_000, status: 201, body: {} }) },
      { retry: { retries: 2, timeoutMs: 200 } },
    );
    await expect(model.render(request)).rejects.toThrow(/timed out/);
    expect(creates(server)).toHaveLength(1);
  });

  test('a model reference that is not owner/name is refused at construction', () => {
    expect(() => new ReplicateImageModel({ apiToken: 't', model: 'flux' })).toThrow(ModelError);
  });
});
