import { createCanvas } from '@napi-rs/canvas';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ModelError } from '../../../src/errors.js';
import { HuggingFaceImageModel } from '../../../src/services/imagery/huggingface.js';
import type { LoopbackServer, Reply } from '../../fakes/http.js';
import { startFakeHuggingFace } from '../../fakes/huggingface.js';
import { passed } from '../censor/passed.js';

const prompt = 'a knight with a ceremonial implement, corporate memphis illustration';
const request = { prompt: await passed(prompt), performanceNumber: 3, seed: 99 };
let jpeg: Buffer;
let server: LoopbackServer | undefined;

beforeAll(async () => {
  const canvas = createCanvas(40, 30);
  canvas.getContext('2d').fillRect(0, 0, 20, 20);
  jpeg = await canvas.encode('jpeg', 90);
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

let modelCount = 0;
async function huggingFaceWith(replies: Reply[], options: { endpoint?: boolean; timeoutMs?: number } = {}) {
  const fake = await startFakeHuggingFace({
    image: () => (replies.length > 1 ? replies.shift() : replies[0]) ?? { status: 500, body: { error: 'no reply' } },
    defaultTask: 'text-to-image',
  });
  server = fake.server;
  const model = new HuggingFaceImageModel({
    token: 'hf_test_token',
    // A fresh id per model: the client caches a model's provider mapping for the whole process.
    model: `acme/sdxl-${++modelCount}`,
    ...(options.endpoint ? { endpointUrl: fake.endpointUrl('painter') } : {}),
    fetch: fake.fetch,
    retry: { retries: 2, timeoutMs: options.timeoutMs ?? 2_000, baseDelayMs: 1, maxDelayMs: 5 },
  });
  return { model, server: fake.server };
}
const image = (bytes: Buffer, contentType = 'image/jpeg'): Reply => ({
  headers: { 'content-type': contentType },
  body: bytes,
});
const posts = (s: LoopbackServer) => s.requests.filter((r) => r.method === 'POST');

describe('huggingface images', () => {
  test('by model id: the styled prompt, the seed and the size go to the provider the Hub names', async () => {
    const { model, server } = await huggingFaceWith([image(jpeg)]);
    const rendered = await model.render(request);
    expect(rendered).toMatchObject({ engine: 'huggingface', contentType: 'image/jpeg', width: 40, height: 30 });
    const [post] = posts(server);
    expect(post?.path).toBe(`/router/hf-inference/models/acme/sdxl-${modelCount}`);
    expect(post?.headers.authorization).toBe('Bearer hf_test_token');
    expect(post?.json).toEqual({ inputs: prompt, parameters: { seed: 99, width: 1024, height: 1024 } });
  });

  test('a dedicated endpoint is called directly', async () => {
    const { model, server } = await huggingFaceWith([image(jpeg)], { endpoint: true });
    await model.render(request);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /endpoints/painter']);
  });

  test('a 503 while the model loads is retried, within bounds', async () => {
    const loading: Reply = { status: 503, headers: { 'retry-after': '0' }, body: { error: 'Model is loading' } };
    const { model, server } = await huggingFaceWith([loading, image(jpeg)], { endpoint: true });
    await expect(model.render(request)).resolves.toMatchObject({ engine: 'huggingface' });
    expect(posts(server)).toHaveLength(2);
  });

  test.each<[string, Reply, number, RegExp]>([
    ['an HTML page with status 200', image(Buffer.from('<html><body>Oops</body></html>'), 'text/html'), 1, /HTML/],
    ['an empty body', image(Buffer.alloc(0), 'image/png'), 1, /nothing instead of an image/],
    ['a 503, every time', { status: 503, body: { error: 'Model is loading' } }, 3, /loading/],
    ['a 429, every time', { status: 429, body: { error: 'Rate limit reached' } }, 3, /Rate limit/],
    ['a 400', { status: 400, body: { error: 'bad parameters' } }, 1, /bad parameters/],
  ])('%s is a ModelError', async (_name, reply, attempts, message) => {
    const { model, server } = await huggingFaceWith([reply], { endpoint: true });
    const outcome = model.render(request);
    await expect(outcome).rejects.toBeInstanceOf(ModelError);
    await expect(outcome).rejects.toThrow(message);
    expect(posts(server)).toHaveLength(attempts);
  });

  test('a model slower than the deadline times out, once', async () => {
    const { model, server } = await huggingFaceWith([{ ...image(jpeg), delayMs: 1_000 }], {
      endpoint: true,
      timeoutMs: 200,
    });
    await expect(model.render(request)).rejects.toThrow(/huggingface: timed out after 200 ms/);
    expect(posts(server)).toHaveLength(1);
  });
});
