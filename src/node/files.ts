// Node's file system behind the core folder walk: the build, the tests and the benchmark read the
// syllabus and question banks through it.
import * as fs from 'fs';
import { formatProblem, loadSyllabus } from '../core/syllabus/loader';
import { readYamlFolderSync, SyncFolderReader, YamlFolder } from '../core/syllabus/files';
import { Syllabus } from '../core/syllabus/model';

/** A synchronous reader over the local disk. */
export const nodeFolderReader: SyncFolderReader = {
  list(folder) {
    try {
      return fs.readdirSync(folder, { withFileTypes: true }).map((e) => ({ name: e.name, folder: e.isDirectory() }));
    } catch {
      return undefined;
    }
  },
  read: (file) => fs.readFileSync(file, 'utf8'),
};

/** The YAML files of a folder on disk, named `<prefix>/<relative path>`; empty when the folder is missing. */
export function readYamlFiles(folder: string, prefix: string): YamlFolder {
  return (
    readYamlFolderSync(nodeFolderReader, folder, (relative) => `${prefix}/${relative}`) ?? { sources: [], problems: [] }
  );
}

/** The syllabus in a folder on disk (names `syllabus/...`); throws listing every problem. */
export function loadSyllabusFolder(folder: string): Syllabus {
  const read = readYamlFiles(folder, 'syllabus');
  const syllabus = loadSyllabus(read.sources);
  const problems = [...read.problems, ...syllabus.problems];
  if (problems.length) throw new Error(problems.map(formatProblem).join('\n'));
  return syllabus;
}
