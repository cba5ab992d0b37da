import type { Image } from '@napi-rs/canvas';
import { ModelError } from '../../errors.js';
import { HttpStatusError, retryAfterFromHeaders } from '../retry.js';
import type { RenderedImage } from './types.js';

/**
 * What comes back from an image model is checked before it reaches Discord: it must be a real PNG, JPEG or WebP
 * (by its bytes, not its headers), decode, and fit Discord's upload limit. Anything else is converted or resized
 * here, or refused as a failure of the model.
 */

/** Discord's upload limit for a bot in a server without boosts. */
export const DISCORD_UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;
/** Longer sides are scaled down: nobody needs them in a thread, and they cost memory to re-encode. */
export const MAX_IMAGE_SIDE = 4096;
/** Beyond this many pixels an image is refused before it is decoded (a decompression bomb). */
const MAX_DECODE_PIXELS = 80_000_000;
const MAX_ENCODE_ROUNDS = 5;
/** The most an image download may weigh before it is checked (it may be re-encoded down to the upload limit). */
export const MAX_DOWNLOAD_BYTES = 50 * 1024 * 1024;

export type SniffedType = RenderedImage['contentType'] | 'image/gif';

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** The image type by its magic bytes; undefined when the bytes are not an image this show accepts. */
export function sniffImageType(bytes: Uint8Array): SniffedType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'image/gif';
  return undefined;
}

/** What some bytes that are not an image look like, for the log and the error message. */
export function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'nothing';
  const head = Buffer.from(bytes.subarray(0, 256)).toString('utf8').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'an HTML page';
  if (head.startsWith('<')) return 'an XML or HTML document';
  if (head.startsWith('{') || head.startsWith('[')) return 'JSON';
  return `${bytes.length} bytes of unknown data`;
}

/** Width and height from the header, before anything is decoded; undefined when the header is unreadable. */
export function readDimensions(bytes: Buffer, type: SniffedType): { width: number; height: number } | undefined {
  try {
    if (type === 'image/png') return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    if (type === 'image/gif') return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
    if (type === 'image/webp') {
      const chunk = ascii(bytes, 12, 16);
      if (chunk === 'VP8X') return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
      if (chunk === 'VP8L') {
        const bits = bytes.readUInt32LE(21);
        return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
      }
      if (chunk === 'VP8 ') return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
      return undefined;
    }
    // JPEG: walk the segments to the first start-of-frame marker.
    for (let at = 2; at + 9 < bytes.length; ) {
      if (bytes[at] !== 0xff) return undefined;
      const marker = bytes[at + 1] as number;
      if (marker === 0xff) {
        at++;
        continue;
      }
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: bytes.readUInt16BE(at + 7), height: bytes.readUInt16BE(at + 5) };
      }
      at += 2 + bytes.readUInt16BE(at + 2);
    }
  } catch {
    // A header cut short reads out of range: the image is unreadable, which the caller reports.
  }
  return undefined;
}

export interface CheckedImage {
  bytes: Buffer;
  contentType: RenderedImage['contentType'];
  width: number;
  height: number;
}

export interface CheckImageOptions {
  /** Named in errors: the engine whose output this is. */
  engine: string;
  maxBytes?: number;
  maxSide?: number;
}

/**
 * Checks an image model's output. A PNG, JPEG or WebP that decodes and fits is returned as is; a GIF, an image
 * over the byte limit or over the side limit is re-encoded (PNG first, then WebP) and scaled down until it fits.
 * Throws a ModelError for anything that is not a decodable image.
 */
export async function checkImage(input: Uint8Array, options: CheckImageOptions): Promise<CheckedImage> {
  const { engine, maxBytes = DISCORD_UPLOAD_LIMIT_BYTES, maxSide = MAX_IMAGE_SIDE } = options;
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const type = sniffImageType(bytes);
  if (!type) throw new ModelError(engine, `returned ${describeBytes(bytes)} instead of an image`);
  const header = readDimensions(bytes, type);
  if (!header || header.width === 0 || header.height === 0) {
    throw new ModelError(engine, `returned a ${type} whose header cannot be read`);
  }
  if (header.width * header.height > MAX_DECODE_PIXELS) {
    throw new ModelError(engine, `returned a ${header.width}×${header.height} image, too large to decode`);
  }
  const { loadImage } = await import('@napi-rs/canvas');
  let image: Image;
  try {
    image = await loadImage(bytes);
  } catch (err) {
    throw new ModelError(engine, `returned a ${type} that does not decode`, { cause: err });
  }
  const { width, height } = image;
  if (type !== 'image/gif' && bytes.length <= maxBytes && Math.max(width, height) <= maxSide) {
    return { bytes, contentType: type, width, height };
  }
  return reencode(image, { engine, maxBytes, maxSide, lossless: type === 'image/png' || type === 'image/gif' });
}

/** An engine's answer, checked, as the image the show uses. */
export async function renderedImage(bytes: Uint8Array, engine: RenderedImage['engine']): Promise<RenderedImage> {
  const checked = await checkImage(bytes, { engine });
  return { png: checked.bytes, contentType: checked.contentType, width: checked.width, height: checked.height, engine };
}

async function reencode(
  image: Image,
  options: { engine: string; maxBytes: number; maxSide: number; lossless: boolean },
): Promise<CheckedImage> {
  const { createCanvas } = await import('@napi-rs/canvas');
  let scale = Math.min(1, options.maxSide / Math.max(image.width, image.height));
  let size = 0;
  for (let round = 0; round < MAX_ENCODE_ROUNDS; round++) {
    const width = Math.max(1, Math.round(image.width * scale));
    const height = Math.max(1, Math.round(image.height * scale));
    const canvas = createCanvas(width, height);
    canvas.getContext('2d').drawImage(image, 0, 0, width, height);
    if (round === 0 && options.lossless) {
      const png = await canvas.encode('png');
      if (png.length <= options.maxBytes) return { bytes: png, contentType: 'image/png', width, height };
    }
    const webp = await canvas.encode('webp', 90);
    if (webp.length <= options.maxBytes) return { bytes: webp, contentType: 'image/webp', width, height };
    size = webp.length;
    // Bytes scale roughly with the area; aim a little under the limit.
    scale *= Math.sqrt(options.maxBytes / size) * 0.9;
  }
  throw new ModelError(options.engine, `image stayed over ${options.maxBytes} bytes (${size}) after resizing`);
}

export interface FetchImageOptions {
  engine: string;
  signal: AbortSignal;
  fetch?: typeof fetch;
  maxBytes?: number;
}

/**
 * Downloads an image a model returned as a URL (https:, or data:), within a byte limit. An error status throws
 * an HttpStatusError the retry layer understands; what the body holds is for {@link checkImage} to judge.
 */
export async function fetchImageBytes(url: string, options: FetchImageOptions): Promise<Buffer> {
  const { engine, signal, maxBytes = MAX_DOWNLOAD_BYTES } = options;
  if (!/^(?:https?|data):/i.test(url)) throw new ModelError(engine, `returned an image address that is not a URL`);
  const response = await (options.fetch ?? fetch)(url, { signal, redirect: 'follow' });
  if (!response.ok) {
    await response.body?.cancel();
    throw new HttpStatusError(
      response.status,
      `${engine}: image download failed with HTTP ${response.status}`,
      retryAfterFromHeaders(response.headers),
    );
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new ModelError(engine, `image download is ${declared} bytes, over the ${maxBytes}-byte limit`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body ?? []) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new ModelError(engine, `image download passed the ${maxBytes}-byte limit`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
