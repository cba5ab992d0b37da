import type { Logger } from '../logger.js';
import type { CensorModel } from './censor/types.js';
import type { ImageModel } from './imagery/types.js';

export interface FallbackOptions<M> {
  /** The hosted engine that was asked for. */
  primary: M;
  /** The embedded engine that stands in. */
  backup: M;
  log: Logger;
}

/**
 * Runs the primary engine and, when it fails, the backup. The backup's answer names the engine that actually
 * ran, so the show can say the in-house department stood in. A cancelled request is not a failure: it is rethrown.
 */
async function withBackup<M extends { name: string }, T>(
  run: (model: M) => Promise<T>,
  options: FallbackOptions<M> & { kind: 'censor' | 'image'; signal: AbortSignal | undefined },
): Promise<T> {
  const { primary, backup, log, kind, signal } = options;
  try {
    return await run(primary);
  } catch (err) {
    if (signal?.aborted) throw err;
    log.warn(
      { err, engine: primary.name, backup: backup.name },
      `${kind} engine failed; falling back to ${backup.name}`,
    );
    return run(backup);
  }
}

/** A hosted censor with the lexicon behind it; `result.engine` names the engine that ran. */
export function fallbackCensor(options: FallbackOptions<CensorModel>): CensorModel {
  return {
    name: options.primary.name,
    censor: (request) =>
      withBackup((model) => model.censor(request), {
        ...options,
        kind: 'censor',
        signal: request.signal,
      }),
  };
}

/** A hosted image engine with the poster behind it; `image.engine` names the engine that ran. */
export function fallbackImageModel(options: FallbackOptions<ImageModel>): ImageModel {
  return {
    name: options.primary.name,
    render: (request) =>
      withBackup((model) => model.render(request), {
        ...options,
        kind: 'image',
        signal: request.signal,
      }),
  };
}
