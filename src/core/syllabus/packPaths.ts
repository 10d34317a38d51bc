// Where a `certPath.syllabusPaths` entry points: `~` is the home folder, an absolute path is itself,
// and a relative path is tried against each workspace folder.
import * as path from 'path';

/** Path arithmetic for one platform. */
export type PackPathApi = Pick<typeof path, 'isAbsolute' | 'normalize' | 'join'>;

/** The entry with a leading `~` (alone, or before a separator) replaced by `home`. */
export function expandHome(entry: string, home: string): string {
  return entry.trim().replace(/^~(?=$|[\\/])/, home);
}

/** Absolute candidate paths of one entry; empty when it is relative and no folder is open. */
export function packCandidates(entry: string, home: string, folders: string[], api: PackPathApi = path): string[] {
  const expanded = expandHome(entry, home);
  if (api.isAbsolute(expanded)) return [api.normalize(expanded)];
  return folders.map((f) => api.join(f, expanded));
}
