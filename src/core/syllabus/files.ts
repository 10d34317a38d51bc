// Which YAML files make up a syllabus folder: every `*.yaml` / `*.yml` directly in it, and for each of
// them the topic files in the folder of the same name (`pcep.yaml` → `pcep/*.yaml`). One rule for the
// built-in syllabus, the question banks and pack folders, over any file system, synchronous or not:
// the walk yields what it needs to know and a driver answers from the file system at hand.
import { SyllabusProblem } from './model';
import type { SyllabusSource } from './loader';

/** `*.yaml` / `*.yml` file names. */
export const YAML_FILE = /\.ya?ml$/i;

/** A folder entry. */
export interface FolderEntry {
  name: string;
  folder: boolean;
}

/** A file system that answers at once (the build and the tests). */
export interface SyncFolderReader {
  /** Entries of a folder, or undefined when it cannot be read. */
  list(folder: string): FolderEntry[] | undefined;
  /** A file's text (throws when it cannot be read). */
  read(file: string): string;
}

/** A file system that answers later (the extension). */
export interface FolderReader {
  list(folder: string): Promise<FolderEntry[] | undefined>;
  read(file: string): Promise<string>;
}

/** What reading a folder gave: the texts, and files that could not be read. */
export interface YamlFolder {
  sources: SyllabusSource[];
  problems: SyllabusProblem[];
}

type Request = { list: string } | { read: string };
type Walk = Generator<Request, YamlFolder | undefined, FolderEntry[] | string | undefined>;

function* walk(folder: string, nameOf: (relative: string) => string): Walk {
  const entries = (yield { list: folder }) as FolderEntry[] | undefined;
  if (!entries) return undefined;
  const out: YamlFolder = { sources: [], problems: [] };
  const folders = new Set(entries.filter((e) => e.folder).map((e) => e.name));
  const yamlNames = (list: FolderEntry[]) =>
    list
      .filter((e) => !e.folder && YAML_FILE.test(e.name))
      .map((e) => e.name)
      .sort();
  for (const name of yamlNames(entries)) {
    yield* readOne(`${folder}/${name}`, nameOf(name), out);
    const stem = name.replace(YAML_FILE, '');
    if (!folders.has(stem)) continue;
    const inner = ((yield { list: `${folder}/${stem}` }) as FolderEntry[] | undefined) ?? [];
    for (const topic of yamlNames(inner)) yield* readOne(`${folder}/${stem}/${topic}`, nameOf(`${stem}/${topic}`), out);
  }
  return out;
}

function* readOne(
  file: string,
  name: string,
  out: YamlFolder,
): Generator<Request, void, FolderEntry[] | string | undefined> {
  try {
    out.sources.push({ file: name, text: (yield { read: file }) as string });
  } catch (error) {
    out.problems.push({ file: name, line: 1, message: `cannot read the file: ${String(error)}` });
  }
}

/**
 * The texts of a folder's YAML files in name order (each top-level file followed by its topic
 * files), each named by `nameOf(relative path)` for messages; undefined when the folder cannot be read.
 */
export async function readYamlFolder(
  reader: FolderReader,
  folder: string,
  nameOf: (relative: string) => string,
): Promise<YamlFolder | undefined> {
  const it = walk(folder, nameOf);
  let step = it.next();
  while (!step.done) {
    const request = step.value;
    try {
      step = it.next('list' in request ? await reader.list(request.list) : await reader.read(request.read));
    } catch (error) {
      step = it.throw(error);
    }
  }
  return step.value;
}

/** readYamlFolder() over a file system that answers at once. */
export function readYamlFolderSync(
  reader: SyncFolderReader,
  folder: string,
  nameOf: (relative: string) => string,
): YamlFolder | undefined {
  const it = walk(folder, nameOf);
  let step = it.next();
  while (!step.done) {
    const request = step.value;
    try {
      step = it.next('list' in request ? reader.list(request.list) : reader.read(request.read));
    } catch (error) {
      step = it.throw(error);
    }
  }
  return step.value;
}
