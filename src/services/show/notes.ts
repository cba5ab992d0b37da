import type { CensorEngineName, ImageEngineName } from '../../config.js';

/**
 * The in-character line shown when a hosted engine failed and the embedded one stood in. The fallback is
 * visible as data: the result names the engine that actually ran.
 */
export function fallbackNote(
  requested: { censor: CensorEngineName; image?: ImageEngineName },
  actual: { censor?: CensorEngineName; image?: ImageEngineName },
): string | undefined {
  const censorFell = actual.censor !== undefined && actual.censor !== requested.censor;
  const imageFell = actual.image !== undefined && requested.image !== undefined && actual.image !== requested.image;
  if (censorFell && imageFell)
    return 'The backup compliance engine and the backup illustration department have been engaged.';
  if (censorFell)
    return `The ${requested.censor} compliance engine is unavailable; the backup compliance engine has been engaged.`;
  if (imageFell)
    return `The ${requested.image} studio is unavailable; the in-house poster department has been engaged.`;
  return undefined;
}
