import type { CensorEngineName, ImageEngineName } from '../../config.js';
import { fill, type Script } from '../script/voices.js';

/**
 * The in-character line shown when a hosted engine failed and the embedded one stood in. The fallback is
 * visible as data: the result names the engine that actually ran.
 */
export function fallbackNote(
  requested: { censor: CensorEngineName; image?: ImageEngineName },
  actual: { censor?: CensorEngineName; image?: ImageEngineName },
  script: Script,
): string | undefined {
  const censorFell = actual.censor !== undefined && actual.censor !== requested.censor;
  const imageFell = actual.image !== undefined && requested.image !== undefined && actual.image !== requested.image;
  if (censorFell && imageFell) return script.act.fallbackBoth;
  if (censorFell) return fill(script.act.fallbackCensor, { engine: requested.censor });
  if (imageFell) return fill(script.act.fallbackImage, { engine: requested.image ?? '' });
  return undefined;
}
