import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ModelError } from '../../../src/errors.js';
import {
  checkImage,
  describeBytes,
  fetchImageBytes,
  readDimensions,
  sniffImageType,
} from '../../../src/services/imagery/check.js';
import { HttpStatusError } from '../../../src/services/retry.js';
import { LoopbackServer } from '../../fakes/http.js';

/** A picture of `width`×`height`; `noisy` fills it with random pixels, which compress badly. */
function picture(width: number, height: number, noisy = false) {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f4a7b9';
  ctx.fillRect(0, 0, width, height);
  if (noisy) {
    const pixels = ctx.getImageData(0, 0, width, height);
    for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = (i * 2654435761) >>> 24;
    ctx.putImageData(pixels, 0, 0);
  }
  return canvas;
}

const html = Buffer.from('<!DOCTYPE html><html><body>Access denied</body></html>');
let formats: Record<'png' | 'jpeg' | 'webp' | 'gif', Buffer>;

beforeAll(async () => {
  const canvas = picture(64, 48);
  formats = {
    png: await canvas.encode('png'),
    jpeg: await canvas.encode('jpeg', 90),
    webp: await canvas.encode('webp', 80),
    gif: await canvas.encode('gif'),
  };
});

describe('sniffing', () => {
  test.each([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['webp', 'image/webp'],
    ['gif', 'image/gif'],
  ] as const)('%s by its magic bytes, and its size from its header', (format, type) => {
    const bytes = formats[format];
    expect(sniffImageType(bytes)).toBe(type);
    expect(readDimensions(bytes, type)).toEqual({ width: 64, height: 48 });
  });

  test('WebP with alpha (VP8X) and lossless WebP (VP8L) headers', async () => {
    const translucent = createCanvas(64, 48);
    translucent.getContext('2d').fillStyle = 'rgba(10, 20, 30, 0.5)';
    translucent.getContext('2d').fillRect(0, 0, 64, 48);
    const vp8x = await translucent.encode('webp', 80);
    expect(vp8x.subarray(12, 16).toString()).toBe('VP8X');
    expect(readDimensions(vp8x, 'image/webp')).toEqual({ width: 64, height: 48 });
    const vp8l = Buffer.alloc(30);
    vp8l.write('RIFF', 0);
    vp8l.write('WEBPVP8L', 8);
    vp8l[20] = 0x2f;
    vp8l.writeUInt32LE(63 | (47 << 14), 21);
    expect(readDimensions(vp8l, 'image/webp')).toEqual({ width: 64, height: 48 });
  });

  test.each([
    ['an HTML page', html],
    ['JSON', Buffer.from('{"error":"not found"}')],
    ['nothing', Buffer.alloc(0)],
    ['4 bytes of unknown data', Buffer.from([1, 2, 3, 4])],
  ])('%s is not an image', (description, bytes) => {
    expect(sniffImageType(bytes)).toBeUndefined();
    expect(describeBytes(bytes)).toBe(description);
  });
});

describe('checkImage', () => {
  test.each(['png', 'jpeg', 'webp'] as const)('a %s that fits passes untouched', async (format) => {
    const checked = await checkImage(formats[format], { engine: 'replicate' });
    expect(checked).toMatchObject({ contentType: `image/${format}`, width: 64, height: 48 });
    expect(checked.bytes.equals(formats[format])).toBe(true);
  });

  test('a GIF is converted to PNG', async () => {
    const checked = await checkImage(formats.gif, { engine: 'replicate' });
    expect(checked).toMatchObject({ contentType: 'image/png', width: 64, height: 48 });
    expect(sniffImageType(checked.bytes)).toBe('image/png');
  });

  test('an image over the upload limit is re-encoded and scaled down until it fits', async () => {
    const big = await picture(512, 512, true).encode('png');
    const checked = await checkImage(big, { engine: 'openai', maxBytes: 60_000 });
    expect(checked.bytes.length).toBeLessThanOrEqual(60_000);
    expect(sniffImageType(checked.bytes)).toBe(checked.contentType);
    expect(checked.width / checked.height).toBeCloseTo(1);
  });

  test('an image with a side over the limit is scaled down', async () => {
    const checked = await checkImage(await picture(300, 150).encode('png'), { engine: 'openai', maxSide: 100 });
    expect(checked).toMatchObject({ width: 100, height: 50 });
  });

  test.each([
    ['an HTML page', html, /returned an HTML page instead of an image/],
    ['a truncated PNG', () => formats.png.subarray(0, 60), /does not decode|header/],
    ['a PNG header claiming 100000×100000 pixels', () => bombHeader(), /too large to decode/],
  ])('%s is a model failure', async (_name, input, message) => {
    const bytes = typeof input === 'function' ? input() : input;
    const outcome = checkImage(bytes, { engine: 'huggingface' });
    await expect(outcome).rejects.toBeInstanceOf(ModelError);
    await expect(outcome).rejects.toThrow(message);
  });
});

function bombHeader(): Buffer {
  const bytes = Buffer.from(formats.png);
  bytes.writeUInt32BE(100_000, 16);
  bytes.writeUInt32BE(100_000, 20);
  return bytes;
}

describe('fetchImageBytes', () => {
  const server = new LoopbackServer();
  beforeAll(async () => {
    await server.start();
    server.route('GET', '/ok.png', () => ({ headers: { 'content-type': 'image/png' }, body: formats.png }));
    server.route('GET', '/gone.png', () => ({ status: 404, body: 'gone' }));
    server.route('GET', '/busy.png', () => ({ status: 503, headers: { 'retry-after': '1' }, body: 'busy' }));
  });
  afterAll(() => server.stop());
  const signal = () => AbortSignal.timeout(2_000);

  test('downloads over HTTP and from a data: URL', async () => {
    expect((await fetchImageBytes(`${server.url}/ok.png`, { engine: 'x', signal: signal() })).equals(formats.png)).toBe(
      true,
    );
    const data = `data:image/png;base64,${formats.png.toString('base64')}`;
    expect((await fetchImageBytes(data, { engine: 'x', signal: signal() })).equals(formats.png)).toBe(true);
  });

  test('an error status is an HttpStatusError with its Retry-After', async () => {
    await expect(fetchImageBytes(`${server.url}/gone.png`, { engine: 'x', signal: signal() })).rejects.toMatchObject({
      status: 404,
    });
    const busy = fetchImageBytes(`${server.url}/busy.png`, { engine: 'x', signal: signal() });
    await expect(busy).rejects.toBeInstanceOf(HttpStatusError);
    await expect(busy).rejects.toMatchObject({ status: 503, retryAfterMs: 1000 });
  });

  test('a download over the byte limit, or an address that is not a URL, is refused', async () => {
    const url = `${server.url}/ok.png`;
    await expect(fetchImageBytes(url, { engine: 'x', signal: signal(), maxBytes: 10 })).rejects.toThrow(/limit/);
    await expect(fetchImageBytes('file:///etc/passwd', { engine: 'x', signal: signal() })).rejects.toThrow(/not a URL/);
  });
});
