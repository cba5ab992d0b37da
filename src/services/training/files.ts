import { readFile } from 'node:fs/promises';
import { UserFacingError } from '../../errors.js';

/** Reads a file the user named, turning "no such file" and friends into one line they can act on. */
export async function readUserFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (err as Error).message;
    throw new UserFacingError(`cannot read ${file}: ${why}`);
  }
}
