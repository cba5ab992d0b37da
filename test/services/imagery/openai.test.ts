import { createCanvas } from '@napi-rs/canvas';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ModelError } from '../../../src/errors.js';
import { OpenAIImageModel } from '../../../src/services/imagery/openai.js';
import type { LoopbackServer, Reply } from '../../fakes/http.js';
import { imageGenerationBody, openAIErrorBody, startFakeOpenAI } from '../../fakes/openai.js';
import { passed } from '../censor/passed.js';

const prompt = 'a knight with a ceremonial implement, corporate memphis illustration';
const request = { prompt: await passed(prompt), performanceNumber: 5, seed: 1 };
let webp: Buffer;
let server: LoopbackServer | undefined;

beforeAll(async () => {
  const canvas = createCanvas(48, 48);
  canvas.getContext('2d').fillRect(0, 0, 24, 24);
  webp = await canvas.encode('webp', 80);
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function openAIWith(replies: Reply[], options: { model?: string; timeoutMs?: number } = {}) {
  const fake = await startFakeOpenAI({
    image: () => (replies.length > 1 ? replies.shift() : replies[0]) ?? { status: 500, body: openAIErrorBody('none') },
  });
  server = fake.server;
  fake.server.route('GET', '/files/image.webp', () => ({ headers: { 'content-type': 'image/webp' }, body: webp }));
  fake.server.route('GET', '/files/login', () => ({ headers: { 'content-type': 'text/html' }, body: '<html></html>' }));
  const model = new OpenAIImageModel({
    apiKey: 'sk-test-key',
    model: options.model ?? 'gpt-image-1',
    baseURL: fake.baseURL,
    size: '1024x1536',
    retry: { retries: 2, timeoutMs: options.timeoutMs ?? 2_000, baseDelayMs: 1, maxDelayMs: 5 },
  });
  return { model, server: fake.server, url: fake.server.url };
}
const generations = (s: LoopbackServer) => s.requestsTo(/\/v1\/images\/generations$/);

describe('openai images', () => {
  test('gpt-image-1: model, prompt, size; the base64 answer is checked', async () => {
    const { model, server } = await openAIWith([{ body: imageGenerationBody({ b64: webp }) }]);
    const image = await model.render(request);
    expect(image).toMatchObject({ engine: 'openai', contentType: 'image/webp', width: 48, height: 48 });
    expect(generations(server)[0]?.json).toEqual({ model: 'gpt-image-1', prompt, n: 1, size: '1024x1536' });
  });

  test('dall-e is asked for base64; an URL answer is downloaded all the same', async () => {
    const replies: Reply[] = [];
    const { model, server, url } = await openAIWith(replies, { model: 'dall-e-3' });
    replies.push({ body: imageGenerationBody({ url: `${url}/files/image.webp` }) });
    await expect(model.render(request)).resolves.toMatchObject({ engine: 'openai', width: 48 });
    expect(generations(server)[0]?.json).toMatchObject({ model: 'dall-e-3', response_format: 'b64_json' });
  });

  test('an image URL that returns HTML is a ModelError', async () => {
    const replies: Reply[] = [];
    const { model, url } = await openAIWith(replies);
    replies.push({ body: imageGenerationBody({ url: `${url}/files/login` }) });
    await expect(model.render(request)).rejects.toThrow(/HTML page instead of an image/);
  });

  test.each<[string, Reply, number, RegExp]>([
    ['base64 that is not an image', { body: imageGenerationBody({ b64: Buffer.from('{"no": 1}') }) }, 1, /JSON/],
    ['no image at all', { body: { created: 1, data: [] } }, 1, /no image/],
    ['a 500, every time', { status: 500, body: openAIErrorBody('boom') }, 3, /500/],
    ['a 429, every time', { status: 429, body: openAIErrorBody('rate limited') }, 3, /429/],
    [
      'a 400 (content policy)',
      { status: 400, body: openAIErrorBody('safety system', 'invalid_request_error') },
      1,
      /400/,
    ],
    ['malformed JSON', { headers: { 'content-type': 'application/json' }, body: '{"data": [{"b64' }, 1, /JSON/],
  ])('%s is a ModelError', async (_name, reply, attempts, message) => {
    const { model, server } = await openAIWith([reply]);
    const outcome = model.render(request);
    await expect(outcome).rejects.toBeInstanceOf(ModelError);
    await expect(outcome).rejects.toThrow(message);
    expect(generations(server)).toHaveLength(attempts);
  });

  test('a model slower than the deadline times out, once', async () => {
    const { model, server } = await openAIWith([{ delayMs: 1_000, body: imageGenerationBody({ b64: webp }) }], {
      timeoutMs: 200,
    });
    await expect(model.render(request)).rejects.toThrow(/openai: timed out after 200 ms/);
    expect(generations(server)).toHaveLength(1);
  });
});
