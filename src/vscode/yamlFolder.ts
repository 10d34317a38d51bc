// Reads the YAML files directly inside a folder: the built-in syllabus, its question banks, and packs.
import * as vscode from 'vscode';
import { SyllabusProblem } from '../core/model';
import { SyllabusSource } from '../core/syllabusLoader';

/** `*.yaml` / `*.yml` file names. */
export const YAML_FILE = /\.ya?ml$/i;

/**
 * The texts of the folder's YAML files in name order, each named by `nameOf(fileName)` for messages;
 * a file that cannot be read becomes a problem. Undefined when the folder itself cannot be read.
 */
export async function readYamlFolder(folder: vscode.Uri, nameOf: (fileName: string) => string): Promise<{ sources: SyllabusSource[]; problems: SyllabusProblem[] } | undefined> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return undefined;
  }
  const sources: SyllabusSource[] = [];
  const problems: SyllabusProblem[] = [];
  for (const name of entries.filter(([n, t]) => (t & vscode.FileType.File) !== 0 && YAML_FILE.test(n)).map(([n]) => n).sort()) {
    try {
      sources.push({ file: nameOf(name), text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name))) });
    } catch (error) {
      problems.push({ file: nameOf(name), line: 1, message: `cannot read the file: ${String(error)}` });
    }
  }
  return { sources, problems };
}
