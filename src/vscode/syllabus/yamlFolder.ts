// The core folder walk (core/yamlFiles) over vscode.workspace.fs: the built-in syllabus, its question
// banks, and pack folders.
import * as vscode from 'vscode';
import { FolderReader, readYamlFolder as readTree, YamlFolder } from '../../core/syllabus/files';

export { YAML_FILE } from '../../core/syllabus/files';

/** A FolderReader whose paths are relative to `base` (`.` is the base itself). */
function readerAt(base: vscode.Uri): FolderReader {
  const uri = (relative: string) => vscode.Uri.joinPath(base, ...relative.split('/').filter((p) => p && p !== '.'));
  return {
    async list(folder) {
      try {
        return (await vscode.workspace.fs.readDirectory(uri(folder))).map(([name, type]) => ({
          name,
          folder: (type & vscode.FileType.Directory) !== 0,
        }));
      } catch {
        return undefined;
      }
    },
    read: async (file) => new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri(file))),
  };
}

/** The YAML files of a folder and their topic folders, each named by `nameOf(relative path)`; undefined when the folder cannot be read. */
export function readYamlFolder(
  folder: vscode.Uri,
  nameOf: (relative: string) => string,
): Promise<YamlFolder | undefined> {
  return readTree(readerAt(folder), '.', nameOf);
}
