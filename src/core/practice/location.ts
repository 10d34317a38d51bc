// Which exercise a file on disk belongs to, and which file is an exercise's main file: by the file's
// place under a practice root (`<cert>/<topic>/<exercise>.py`, or anything in a multi-file exercise's
// folder), else by the header line a practice file carries. Paths are plain strings for one platform.
import * as path from 'path';
import { ExerciseRef } from '../syllabus/model';
import { partsInside, PathApi } from '../paths';
import { keyFromHeader, keyFromRelativePath, practiceRelativePath } from './practiceFile';

/** Finds an exercise by its progress key. */
export type ExerciseLookup = (key: string) => ExerciseRef | undefined;

/** Path joining for one platform. */
export type JoinApi = PathApi & Pick<typeof path, 'join'>;

/** The exercise `file` belongs to: by its place under one of `roots`, else by the header in `text`. */
export function exerciseAt(
  roots: string[],
  file: string,
  find: ExerciseLookup,
  text?: string,
  api: JoinApi = path,
): ExerciseRef | undefined {
  for (const root of roots) {
    const parts = partsInside(root, file, api);
    if (!parts) continue;
    const key = keyFromRelativePath(parts);
    const ref = key ? find(key) : undefined;
    // Deeper paths belong to an exercise only if it is a multi-file one.
    if (ref && (parts.length === 3) === !ref.exercise.files) return ref;
  }
  const key = text === undefined ? undefined : keyFromHeader(text);
  return key ? find(key) : undefined;
}

/** The main file of the exercise `file` belongs to: itself, unless it is another file of a multi-file exercise. */
export function mainFileOf(roots: string[], ref: ExerciseRef, file: string, api: JoinApi = path): string {
  if (!ref.exercise.files) return file;
  for (const root of roots) {
    const relative = practiceRelativePath(ref);
    const folder = api.join(root, ...relative.slice(0, -1));
    if (partsInside(folder, file, api)) return api.join(root, ...relative);
  }
  return file;
}

/** Whether `file` is under any practice root (for the file watcher). */
export function underPracticeRoot(roots: string[], file: string, api: PathApi = path): boolean {
  return roots.some((root) => partsInside(root, file, api) !== undefined);
}

/** Whether `file` is the practice file of an exercise, or a folder that holds practice files (a deleted folder). */
export function affectedBy(deleted: string, practiceFile: string, api: PathApi = path): boolean {
  return deleted === practiceFile || partsInside(deleted, practiceFile, api) !== undefined;
}
