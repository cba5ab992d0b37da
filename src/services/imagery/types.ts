import type { ImageEngineName } from '../../config.js';
import type { CensoredPrompt } from '../censor/pipeline.js';

/**
 * What an image stands for, so a poster can say so: the approved prompt, the original submission (never stamped
 * APPROVED), or the cut a won appeal produced.
 */
export type ImageLabel = 'approved' | 'original' | 'appeal';

export interface ImageRequest {
  /** The styled prompt, as the censor pipeline passed it: no other text may reach an image model. */
  prompt: CensoredPrompt;
  /** Default `approved`. */
  label?: ImageLabel;
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
