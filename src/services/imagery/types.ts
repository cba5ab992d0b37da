import type { ImageEngineName } from '../../config.js';

export interface ImageRequest {
  /** The approved, styled prompt. */
  prompt: string;
  /** The performance number, printed on the poster's caption. */
  performanceNumber: number;
  seed: number;
  width?: number;
  height?: number;
  signal?: AbortSignal;
}

export interface RenderedImage {
  png: Buffer;
  /** MIME type of `png` after checking: always image/png, image/jpeg or image/webp. */
  contentType: 'image/png' | 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
  engine: ImageEngineName;
}

/** The port every image engine implements: the embedded poster, Replicate, Hugging Face, OpenAI. */
export interface ImageModel {
  readonly name: ImageEngineName;
  render(request: ImageRequest): Promise<RenderedImage>;
}
