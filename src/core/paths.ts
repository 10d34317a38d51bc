// Path rules shared by every feature: whether a file is inside a folder, and its parts relative to it.
import * as path from 'path';

/** Path arithmetic for one platform (`path.posix` or `path.win32`); the host's by default. */
export type PathApi = Pick<typeof path, 'relative' | 'isAbsolute' | 'sep'>;

/** The parts of `file` below `folder`, or undefined when it is not strictly inside it. */
export function partsInside(folder: string, file: string, api: PathApi = path): string[] | undefined {
  const relative = api.relative(folder, file);
  if (!relative || relative === '..' || relative.startsWith(`..${api.sep}`) || api.isAbsolute(relative))
    return undefined;
  return relative.split(api.sep);
}

/** Whether `file` is strictly inside `folder`. */
export function isInside(folder: string, file: string, api: PathApi = path): boolean {
  return partsInside(folder, file, api) !== undefined;
}
